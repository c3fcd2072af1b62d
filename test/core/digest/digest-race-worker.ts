// Run as a separate process by digest-two-processes.test.ts: opens the store DATABASE_URL names, waits at
// the barrier (a file the test creates once every worker is ready), runs the digest engine once with a
// platform that takes a little time per post, and prints the slot keys it posted.
import { existsSync, writeFileSync } from 'node:fs';
import { runDigests } from '../../../src/core/digest/index.js';
import { openStore } from '../../../src/store/open-store.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { FakePoster } from '../../fakes/fake-poster.js';
import { seedLikeCorpus } from '../calendar/corpus-fixture.js';

const [databaseUrl, owner = 'worker', now, barrier] = process.argv.slice(2);
const clock = new FakeClock(now);
const store = await openStore(databaseUrl, { clock });
const poster = new FakePoster('slack', { clock, delay: () => new Promise((resolve) => setTimeout(resolve, 5)) });
writeFileSync(`${barrier}.${owner}.ready`, '');
while (!existsSync(barrier!)) await new Promise((resolve) => setTimeout(resolve, 2));
const summary = await runDigests({ store, posters: [poster], corpus: seedLikeCorpus, clock, owner, sleep: clock.sleep });
await store.close();
const unsettled = summary.slots.filter((s) => !['posted', 'held_elsewhere', 'already_done'].includes(s.outcome));
process.stdout.write(JSON.stringify({ posted: poster.posts.map((p) => p.slotKey), unsettled }));

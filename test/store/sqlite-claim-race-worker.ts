// Run as a separate process by sqlite-claim-race.test.ts and postgres-claim-race.test.ts: waits at the barrier (a file the test creates once
// both workers are ready), then claims the same slots as its twin and prints the ones it won.
import { existsSync, writeFileSync } from 'node:fs';
import { openStore } from '../../src/store/open-store.js';

const [file, owner = 'worker', countText, barrier] = process.argv.slice(2);
// A database URL (postgres://…) or a SQLite file path.
const store = await openStore(/^(sqlite:|postgres)/.test(file!) ? file! : `sqlite:${file}`);
writeFileSync(`${barrier}.${owner}.ready`, '');
while (!existsSync(barrier!)) await new Promise((resolve) => setTimeout(resolve, 2));
const won: string[] = [];
for (let i = 0; i < Number(countText); i++) {
  const ref = { platform: 'slack' as const, workspace: 'T1', channel: `C${i}` };
  const claim = await store.claimSlot(ref, '2026-04-24', owner, 5 * 60_000);
  if (claim) {
    won.push(claim.key);
    // A slot taken over from a dead holder: that holder's token must not be able to record anything any more.
    if (claim.token > 1 && (await store.finishSlot(claim.key, claim.token - 1, { state: 'failed', reason: 'stale' })))
      throw new Error(`a stale token settled ${claim.key}`);
    await store.finishSlot(claim.key, claim.token, { state: 'posted', messageId: `${owner}-${i}` });
  }
  // A real runner posts between claims; without this pause one process holds SQLite's write lock
  // back to back while the other's busy handler sleeps, and the two never contest a slot.
  await new Promise((resolve) => setTimeout(resolve, 1));
}
await store.close();
process.stdout.write(JSON.stringify(won));

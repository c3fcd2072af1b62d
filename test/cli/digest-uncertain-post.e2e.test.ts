import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordPoster } from '../../src/adapters/discord/create-discord-poster.js';
import { createSlackDigestPoster } from '../../src/adapters/slack/create-slack-digest-poster.js';
import { type DigestPoster, runDigests } from '../../src/core/digest/index.js';
import { silentLogger } from '../../src/core/logger.js';
import type { ChannelRef, Store } from '../../src/core/store/index.js';
import { openStore } from '../../src/store/index.js';
import { seedLikeCorpus } from '../core/calendar/corpus-fixture.js';
import { FakeClock } from '../fakes/fake-clock.js';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';

const MIN = 60_000;
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** A store whose subscription was created yesterday at 00:00 local, so today's slot is due now. */
async function storeWith(ref: ChannelRef, clock: FakeClock): Promise<Store> {
  const now = clock.now();
  const store = await openStore('sqlite::memory:', { clock });
  clock.set(new Date(now.getTime() - 24 * 60 * MIN));
  await store.upsertSubscription({ ...ref, time: '00:00', timezone: 'Pacific/Kiritimati', postEmpty: true });
  clock.set(now);
  closers.push(() => store.close());
  return store;
}

/** One run with the real poster; inline waits move the ledger's clock and the platform's together. */
function run(store: Store, poster: DigestPoster, clock: FakeClock, advance: (ms: number) => void, forDate?: string) {
  return runDigests({
    store,
    posters: [poster],
    corpus: seedLikeCorpus,
    clock,
    owner: 'test',
    graceMs: 24 * 60 * MIN,
    sleep: async (ms) => {
      clock.advance(ms);
      advance(ms);
    },
    ...(forDate ? { forDate } : {}),
  });
}

const yearAhead = () => `${new Date().getUTCFullYear() + 1}-06-17`;
const when = [
  { name: 'due today', forDate: () => undefined },
  { name: '--date a year ahead', forDate: yearAhead },
];

describe.each(when)('an uncertain Slack post, $name', ({ forDate }) => {
  it.each([
    { what: 'a lost answer', answer: { kind: 'drop' } as const },
    { what: 'a 5xx after acceptance', answer: { kind: 'status', status: 503, body: { ok: false } } as const },
  ])('$what ends in exactly one post, found by its tag', async ({ answer }) => {
    const fake = await FakeSlackApi.start();
    closers.push(() => fake.close());
    const clock = new FakeClock(new Date(fake.nowSeconds * 1000));
    const ref: ChannelRef = { platform: 'slack', workspace: 'T0FAKE', channel: 'C0UNSURE' };
    const store = await storeWith(ref, clock);
    const poster = createSlackDigestPoster({ botToken: 'xoxb-unsure', apiUrl: fake.apiUrl, logger: silentLogger });
    fake.afterAcceptNext('chat.postMessage', answer);
    const summary = await run(store, poster, clock, (ms) => fake.advance(ms), forDate());
    expect(summary.slots.map((s) => s.outcome)).toEqual(['recovered']);
    expect(fake.botMessages('C0UNSURE')).toHaveLength(1);
    expect(fake.callsOf('chat.postMessage')).toHaveLength(1);
  });
});

describe.each(when)('an uncertain Discord post, $name', ({ forDate }) => {
  it.each([
    { what: 'a lost answer', answer: { kind: 'drop' } as const },
    { what: 'a 5xx after acceptance', answer: { kind: 'status', status: 503 } as const },
  ])('$what ends in exactly one post, found by its tag', async ({ answer }) => {
    const fake = await FakeDiscord.start({ nonceMemoryMs: 2 * MIN });
    closers.push(() => fake.close());
    const clock = new FakeClock(new Date(fake.now()));
    const channel = '200000000000000888';
    const ref: ChannelRef = { platform: 'discord', workspace: '100000000000000001', channel };
    const store = await storeWith(ref, clock);
    const poster = createDiscordPoster({ token: 'unsure', apiUrl: fake.apiUrl, logger: silentLogger, clock, timeoutMs: 5_000 });
    closers.push(() => poster.close());
    // The library retries once by itself; that retry's answer is lost too, so the runner must settle it.
    fake.afterAcceptNext('POST', new RegExp(`^/channels/${channel}/messages$`), answer);
    fake.failNext('POST', new RegExp(`^/channels/${channel}/messages$`), { status: 503, body: { message: 'unavailable' } });
    const summary = await run(store, poster, clock, (ms) => fake.advance(ms), forDate());
    expect(summary.slots.map((s) => s.outcome)).toEqual(['recovered']);
    expect(fake.messagesIn(channel)).toHaveLength(1);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { PostError, runDigests } from '../../../src/core/digest/index.js';
import { slotKey } from '../../../src/core/store/index.js';
import { openSqliteStore } from '../../../src/store/sqlite/open-sqlite-store.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { FakePoster } from '../../fakes/fake-poster.js';
import { seedLikeCorpus } from '../calendar/corpus-fixture.js';
import { acted, type Harness, MIN, makeHarness } from './digest-harness.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
function harness(options: Parameters<typeof makeHarness>[0]): Harness {
  const h = makeHarness(options);
  cleanups.push(() => h.close());
  return h;
}

const C1 = { platform: 'slack', workspace: 'T1', channel: 'C1' } as const;
const key = slotKey(C1, '2026-04-24');

describe('certain and uncertain outcomes', () => {
  it('retries a clean 429 refusal without searching the channel: nothing can have been posted', async () => {
    const h = harness({ start: '2026-04-24T04:00:00Z' });
    await h.subscribe({ channel: 'C1', time: '09:00', timezone: 'Asia/Almaty' });
    h.slack.failNext({ kind: 'rate_limited', retryAfterMs: 10 * MIN });
    expect(acted(await h.run({ maxAttempts: 1 }))).toEqual([`${key} retry_later`]);
    expect(await h.store.getSlot(key)).toMatchObject({ state: 'retry_certain', uncertain: false });
    h.clock.advance(10 * MIN);
    expect(acted(await h.run({ owner: 'p2' }))).toEqual([`${key} posted`]);
    expect(h.slack.findCalls).toEqual([]);
    expect(h.slack.posts).toHaveLength(1);
  });

  it('searches the channel first after a 5xx, which may have gone through, in this run and in the next', async () => {
    const h = harness({ start: '2026-04-24T04:00:00Z' });
    await h.subscribe({ channel: 'C1', time: '09:00', timezone: 'Asia/Almaty' });
    h.slack.failNext({ kind: 'server_error' });
    expect(acted(await h.run({ maxAttempts: 1 }))).toEqual([`${key} retry_later`]);
    expect(await h.store.getSlot(key)).toMatchObject({ state: 'retry_uncertain', uncertain: true });
    h.clock.advance(10 * MIN);
    expect(acted(await h.run({ owner: 'p2' }))).toEqual([`${key} posted`]);
    expect(h.slack.findCalls).toEqual([key]);
    expect(h.slack.posts).toHaveLength(1);
  });

  it('waits for the Retry-After of a rate-limited search, not a backoff, and keeps the uncertainty for the next attempt', async () => {
    const h = harness({ start: '2026-04-24T04:00:00Z' });
    await h.subscribe({ channel: 'C1', time: '09:00', timezone: 'Asia/Almaty' });
    h.slack.failNext({ kind: 'timeout_after_post' });
    // Slack allows one conversations.history call a minute outside the Marketplace.
    h.slack.failSearchNext(new PostError('rate_limited', 'ratelimited', 61_000));
    const first = await h.run();
    expect(acted(first)).toEqual([`${key} retry_later`]);
    const slot = await h.store.getSlot(key);
    expect(slot).toMatchObject({ state: 'retry_uncertain', uncertain: true });
    expect(Date.parse(slot!.leaseUntil!) - h.clock.now().getTime()).toBe(61_000);
    h.clock.advance(60_000);
    expect(acted(await h.run({ owner: 'p2' }))).toEqual([`${key} held_elsewhere`]);
    h.clock.advance(1_000);
    expect(acted(await h.run({ owner: 'p2' }))).toEqual([`${key} recovered`]);
    expect(h.slack.posts).toHaveLength(1);
  });
});

describe('one clock per run', () => {
  // Asia/Almaty 09:00 is 04:00 UTC. The database's clock is the truth; the process's is off by minutes.
  it.each([
    { what: 'two minutes ahead does not post early', database: '2026-04-24T03:59:00Z', processAheadMs: 2 * MIN, posts: 0 },
    { what: '20 s behind does not skip the slot', database: '2026-04-24T04:00:10Z', processAheadMs: -20_000, posts: 1 },
  ])('a process whose clock runs $what', async ({ database, processAheadMs, posts }) => {
    const databaseClock = new FakeClock(new Date(Date.parse(database) - 86_400_000));
    const store = openSqliteStore(':memory:', databaseClock);
    cleanups.push(() => store.close());
    await store.upsertSubscription({ ...C1, time: '09:00', timezone: 'Asia/Almaty', postEmpty: true });
    databaseClock.set(database);
    const processClock = new FakeClock(new Date(Date.parse(database) + processAheadMs));
    const poster = new FakePoster('slack', { clock: databaseClock });
    const summary = await runDigests({
      store,
      posters: [poster],
      corpus: seedLikeCorpus,
      clock: processClock,
      owner: 'skewed',
      sleep: processClock.sleep,
    });
    expect(poster.posts).toHaveLength(posts);
    expect(summary.startedAt).toBe(new Date(database).toISOString());
    if (posts) expect(summary.slots[0]).toMatchObject({ outcome: 'posted', postedAt: new Date(database).toISOString() });
  });
});

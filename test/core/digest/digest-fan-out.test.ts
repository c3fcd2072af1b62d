import { afterEach, describe, expect, it } from 'vitest';
import { createPostPacer, jitteredBackoffMs } from '../../../src/core/digest/index.js';
import type { ChannelRef, Store } from '../../../src/core/store/index.js';
import { openSqliteStore } from '../../../src/store/sqlite/open-sqlite-store.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { FakePoster } from '../../fakes/fake-poster.js';
import { seedLikeCorpus } from '../calendar/corpus-fixture.js';
import { type Harness, MIN, makeHarness, tempDatabaseUrl } from './digest-harness.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
function harness(options: Parameters<typeof makeHarness>[0]): Harness {
  const h = makeHarness(options);
  cleanups.push(() => h.close());
  return h;
}

/** Holds every post until `size` posts are in flight at once; fails (instead of hanging) when they never are. */
function overlapBarrier(size: number) {
  const waiting: (() => void)[] = [];
  return async () => {
    if (waiting.length + 1 >= size) {
      for (const release of waiting.splice(0)) release();
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`posts never overlapped: ${waiting.length + 1} of ${size} in flight`)), 2_000);
      waiting.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  };
}

/** A store that counts the calls made to it, to show what a tick reads. */
function counting(store: Store): { store: Store; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const proxy = new Proxy(store, {
    get(target, name: string) {
      const value = Reflect.get(target, name) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(name, (calls.get(name) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

describe('the fan-out', () => {
  it('puts the posts in flight on different workspaces, since Slack paces each workspace', async () => {
    const clock = new FakeClock('2026-04-24T09:00:00Z');
    const firstInFlight: string[] = [];
    const barrier = overlapBarrier(4);
    const slack = new FakePoster('slack', {
      clock,
      delay: async (slotKey) => {
        if (firstInFlight.length < 4) firstInFlight.push(slotKey.split(':')[1]!);
        await barrier();
      },
    });
    const h = harness({ start: '', clock, slack });
    // Five channels in each of four workspaces: in key order the first four are all T1's.
    for (const workspace of ['T1', 'T2', 'T3', 'T4'])
      for (let i = 0; i < 5; i++) await h.subscribe({ workspace, channel: `C${i}`, time: '09:00', timezone: 'UTC' });
    const summary = await h.run({ concurrency: 4 });
    expect(summary.slots.filter((slot) => slot.outcome === 'posted')).toHaveLength(20);
    expect(new Set(firstInFlight)).toEqual(new Set(['T1', 'T2', 'T3', 'T4']));
  });

  it('keeps several posts in flight at once', async () => {
    const clock = new FakeClock('2026-04-24T09:00:00Z');
    const slack = new FakePoster('slack', { clock, delay: overlapBarrier(4) });
    const h = harness({ start: '', clock, slack });
    for (let i = 0; i < 8; i++) await h.subscribe({ channel: `C${i}`, time: '09:00', timezone: 'UTC' });
    const summary = await h.run({ concurrency: 4 });
    expect(summary.slots.map((s) => s.outcome)).toEqual(Array(8).fill('posted'));
    expect(slack.maxInFlight).toBe(4);
  });

  it('builds the digest once per local date, not once per channel', async () => {
    // At 22:00 UTC on 24 April, 09:00 has come within the grace period in Los Angeles, Anchorage and Honolulu
    // (24 April) and in Auckland (already 25 April).
    const countFor = async (channels: number, zones: string[]) => {
      const h = harness({ start: '2026-04-24T00:00:00Z' });
      for (let i = 0; i < channels; i++)
        await h.subscribe({ channel: `C${i}`, time: '09:00', timezone: zones[i % zones.length]!, postEmpty: true });
      h.clock.set('2026-04-24T22:00:00Z');
      let calls = 0;
      const summary = await h.run({
        strongestQuote: () => {
          calls++;
          return undefined;
        },
      });
      return { calls, posted: summary.slots.filter((s) => s.outcome === 'posted').length };
    };
    const one = await countFor(1, ['Pacific/Honolulu']);
    expect(one).toEqual({ calls: 1, posted: 1 });
    expect(await countFor(30, ['America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu'])).toEqual({ calls: 1, posted: 30 });
    const nextDay = await countFor(1, ['Pacific/Auckland']);
    expect(await countFor(30, ['Pacific/Honolulu', 'Pacific/Auckland'])).toEqual({ calls: one.calls + nextDay.calls, posted: 30 });
  });

  it('records when each slot was due and posted', async () => {
    const h = harness({ start: '2026-04-24T00:00:00Z' });
    await h.subscribe({ channel: 'C1', time: '09:00', timezone: 'Asia/Almaty' });
    h.clock.set('2026-04-24T04:07:00Z');
    const [slot] = (await h.run()).slots;
    expect(slot).toMatchObject({ outcome: 'posted', dueAt: '2026-04-24T04:00:00.000Z', postedAt: '2026-04-24T04:07:00.000Z' });
    expect(await h.store.getSlot(slot!.key)).toMatchObject({ dueAt: '2026-04-24T04:00:00.000Z', postedAt: '2026-04-24T04:07:00.000Z' });
  });
});

describe('due subscriptions without scanning', () => {
  it('stores the next due time after settling, and a tick with nothing due reads no slots', async () => {
    const clock = new FakeClock('2026-04-24T04:00:00Z');
    const { store, calls } = counting(openSqliteStore(':memory:', clock));
    cleanups.push(() => store.close());
    const slack = new FakePoster('slack', { clock });
    const sub = { platform: 'slack', workspace: 'T1', time: '09:00', timezone: 'Asia/Almaty', postEmpty: false } as const;
    for (let i = 0; i < 20; i++) await store.upsertSubscription({ ...sub, channel: `C${i}` });
    const run = () => runWith(store, slack, clock);
    expect((await run()).slots.filter((s) => s.outcome === 'posted')).toHaveLength(20);
    expect((await store.getSubscription({ ...sub, channel: 'C7' }))?.nextDueAt).toBe('2026-04-25T04:00:00.000Z');
    calls.clear();
    for (let minute = 0; minute < 30; minute++) {
      clock.advance(MIN);
      expect((await run()).slots).toEqual([]);
    }
    expect(calls.get('listDueSubscriptions')).toBe(30);
    expect(calls.get('getSlot') ?? 0).toBe(0);
    // Tomorrow at 09:00 local they are all due again.
    clock.set('2026-04-25T04:00:00Z');
    expect((await run()).slots.filter((s) => s.outcome === 'posted')).toHaveLength(20);
  });

  it('does not keep a next due time computed from a schedule that changed while it posted', async () => {
    const clock = new FakeClock('2026-04-24T04:00:00Z');
    const store = openSqliteStore(':memory:', clock);
    cleanups.push(() => store.close());
    const ref: ChannelRef = { platform: 'slack', workspace: 'T1', channel: 'C1' };
    await store.upsertSubscription({ ...ref, time: '09:00', timezone: 'Asia/Almaty', postEmpty: false });
    clock.advance(MIN);
    // The channel moves its digest to 18:00 while today's post is in flight.
    const slack = new FakePoster('slack', {
      clock,
      delay: async () => {
        await store.upsertSubscription({ ...ref, time: '18:00', timezone: 'Asia/Almaty', postEmpty: false });
      },
    });
    await runWith(store, slack, clock);
    expect(slack.posts).toHaveLength(1);
    // Not 2026-04-25T04:00 (the old time): the next tick recomputes it from 18:00.
    expect((await store.getSubscription(ref))?.nextDueAt).toBeNull();
    await runWith(store, slack, clock);
    expect((await store.getSubscription(ref))?.nextDueAt).toBe('2026-04-24T13:00:00.000Z');
  });
});

describe('leases and pacing', () => {
  it('does not post when it slept past its lease while a newer run of the same process re-claimed it and is posting', async () => {
    const url = tempDatabaseUrl();
    cleanups.push(url.cleanup);
    const clock = new FakeClock('2026-04-24T04:00:00Z');
    const pacing = { shared: { bucket: 'discord:bot', intervalMs: 20 } };
    // The newer run's request stays in flight until the test lets it through.
    let openGate = () => {};
    const gate = new Promise<void>((resolve) => {
      openGate = resolve;
    });
    let inFlight = () => {};
    const newerInFlight = new Promise<void>((resolve) => {
      inFlight = resolve;
    });
    const slack = new FakePoster('slack', {
      clock,
      pacing,
      delay: async () => {
        inFlight();
        await gate;
      },
    });
    const h = harness({ start: '', url: url.url, clock, slack });
    await h.subscribe({ channel: 'C1', time: '09:00', timezone: 'Asia/Almaty' });
    // Another process's 429 holds the shared budget back for longer than a lease.
    await h.store.takeTurn('discord:bot', { intervalMs: 0, holdMs: 10 * MIN });
    // The first run's worker sleeps in its pacing wait until the test wakes it.
    let wake = () => {};
    let asleep = () => {};
    const sleeping = new Promise<void>((resolve) => {
      asleep = resolve;
    });
    const first = h.run({
      leaseMs: 5 * MIN,
      sleep: () =>
        new Promise<void>((resolve) => {
          wake = resolve;
          asleep();
        }),
    });
    await sleeping;
    // Past its lease, a newer run of the same process (the same owner string) claims the slot and starts posting.
    clock.advance(6 * MIN);
    const second = h.run({ leaseMs: 5 * MIN });
    await newerInFlight;
    // The old worker wakes while the newer one's request is out: its token is stale, so it sends nothing.
    wake();
    expect((await first).slots.map((s) => s.outcome)).toEqual(['lease_lost']);
    openGate();
    expect((await second).slots.map((s) => s.outcome)).toEqual(['posted']);
    expect(slack.posts).toHaveLength(1);
    expect(slack.calls).toHaveLength(1);
  });

  it('spaces turns of a shared budget across runners on one database, and a 429 holds them all back', async () => {
    const url = tempDatabaseUrl();
    cleanups.push(url.cleanup);
    const clock = new FakeClock('2026-04-24T04:00:00Z');
    const waits: number[] = [];
    // Record the waits without moving the clock, so every turn is measured from one instant.
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    const pacing = { shared: { bucket: 'discord:bot', intervalMs: 100 } };
    const platform = new FakePoster('discord', { clock, pacing });
    platform.failNext({ kind: 'rate_limited', retryAfterMs: 30_000 });
    const one = harness({ start: '', url: url.url, clock, owner: 'a' });
    const two = harness({ start: '', url: url.url, clock, owner: 'b' });
    for (let i = 0; i < 6; i++)
      await one.store.upsertSubscription({
        platform: 'discord',
        workspace: 'G',
        channel: `D${i}`,
        time: '09:00',
        timezone: 'Asia/Almaty',
        postEmpty: true,
      });
    await Promise.all([one.run({ posters: [platform], sleep }), two.run({ posters: [platform], sleep })]);
    expect(platform.posts).toHaveLength(6);
    // Seven requests (one 429) on one budget and two runners, plus the 429's Retry-After waited out. The
    // first turn is free (not waited); the other six are each their own, 100 ms apart, and the retry's turn
    // comes after the hold. (Which runner took which turn, and whether some took theirs after the hold,
    // depends on how the runners interleave, so the test does not pin the order.)
    const sorted = waits.sort((a, b) => a - b);
    expect(sorted).toContain(30_000);
    sorted.splice(sorted.indexOf(30_000), 1);
    expect(sorted).toHaveLength(6);
    expect(new Set(sorted).size).toBe(6);
    expect(sorted.every((ms) => ms % 100 === 0)).toBe(true);
    expect(sorted.at(-1)).toBeGreaterThanOrEqual(30_000);
  });

  it('keeps its own sends within one second of the shared budget when late sleepers wake together', async () => {
    const clock = new FakeClock('2026-04-24T04:00:00Z');
    const store = openSqliteStore(':memory:', clock);
    cleanups.push(() => store.close());
    const waits: number[] = [];
    // Every wait ends at the same instant, as when a blocked event loop wakes all the sleepers at once.
    const pacer = createPostPacer(store, clock, async (ms) => {
      waits.push(ms);
    });
    const pacing = { shared: { bucket: 'discord:bot', intervalMs: 100 } };
    const ref = { platform: 'discord', workspace: 'G', channel: 'D' } as const;
    for (let i = 0; i < 11; i++) await pacer.turn(pacing, ref);
    // Ten turns a second: the database spaced them (100 … 1000 ms), and the eleventh send, arriving in the
    // same second as ten others, waited a whole second more.
    expect(waits).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1_000, 1_000]);
  });
});

describe("budgets in the platform's terms", () => {
  const pacerOn = () => {
    const clock = new FakeClock('2026-04-24T04:00:00Z');
    const store = openSqliteStore(':memory:', clock);
    cleanups.push(() => store.close());
    const waits: number[] = [];
    // Waits are recorded, not slept: every turn is measured from one instant.
    return { pacer: createPostPacer(store, clock, async (ms) => void waits.push(ms)), waits };
  };
  const discord = { shared: { bucket: 'discord:bot', intervalMs: 20 } };
  const one = { platform: 'discord', workspace: 'G', channel: 'busy' } as const;
  const other = { platform: 'discord', workspace: 'G', channel: 'quiet' } as const;

  it('holds only the refused channel after a route-scoped 429, and every channel after a global one', async () => {
    const route = pacerOn();
    await route.pacer.holdBack(discord, one, 30_000, 'route');
    await route.pacer.turn(discord, other);
    expect(route.waits).toEqual([]);
    await route.pacer.turn(discord, one);
    expect(route.waits).toEqual([30_000, 20]);

    const global = pacerOn();
    await global.pacer.holdBack(discord, one, 30_000, 'global');
    await global.pacer.turn(discord, other);
    expect(global.waits).toEqual([30_000]);
  });

  it('spaces Slack posts in one workspace by its budget, across channels, and leaves other workspaces alone', async () => {
    const { pacer, waits } = pacerOn();
    const slack = { perChannelMs: 1_000, perWorkspace: { intervalMs: 1_000 } };
    for (const channel of ['C1', 'C2', 'C3']) await pacer.turn(slack, { platform: 'slack', workspace: 'T1', channel });
    await pacer.turn(slack, { platform: 'slack', workspace: 'T2', channel: 'C1' });
    expect(waits).toEqual([1_000, 2_000]);
    // A 429 in T1 holds T1's next post back by its Retry-After.
    await pacer.holdBack(slack, { platform: 'slack', workspace: 'T1', channel: 'C4' }, 30_000);
    await pacer.turn(slack, { platform: 'slack', workspace: 'T1', channel: 'C5' });
    expect(waits.at(-1)).toBe(30_000);
  });
});

describe('backoff', () => {
  it.each([
    [1, 0, 1_000],
    [1, 0.5, 1_500],
    [1, 1, 2_000],
    [3, 0, 4_000],
    [20, 1, 300_000],
  ])('attempt %d with random %d waits %d ms', (attempt, random, ms) => {
    expect(jitteredBackoffMs(attempt, () => random)).toBe(ms);
  });
});

async function runWith(store: Store, poster: FakePoster, clock: FakeClock) {
  const { runDigests } = await import('../../../src/core/digest/index.js');
  return runDigests({ store, posters: [poster], corpus: seedLikeCorpus, clock, owner: 'p1', sleep: clock.sleep, random: () => 1 });
}

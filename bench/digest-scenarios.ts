import type { Services } from '../src/commands/command.js';
import { createContext } from '../src/commands/create-context.js';
import { dispatch } from '../src/commands/dispatch.js';
import { commands } from '../src/commands/registry.js';
import { nextDueAfter } from '../src/core/digest/due-slots.js';
import { openStore } from '../src/store/open-store.js';
import { benchPoster, freshDatabase } from './digest-bench-env.js';
import type { LimitMode } from './digest-fake-platform.js';
import type { PlatformProcess } from './digest-platform-process.js';
import { measuredTick, runDay, ShiftedClock, type TickStats } from './digest-run-day.js';
import { burstTimeAt, loadSubscriptions, makeSubscriptions, rotateDay, SAME_OFFSET_ZONES } from './digest-subscriptions.js';
import { assertBefore, dueSoon, realTimeline, simulatedTimeline, type Timeline } from './digest-timeline.js';
import { percentile } from './measure.js';

export type StoreKind = 'sqlite' | 'postgres';
export interface BenchContext {
  platform: PlatformProcess;
  services: Services;
  postgresUrl: string;
  /** Run SQLite's day at real time too (Postgres always is): both stores then measure the same way. */
  realTimeSqlite?: boolean;
}

/** Postgres takes its time from the server, which the bench cannot move: its scenarios run at real time. */
export const runsAtRealTime = (ctx: BenchContext, store: StoreKind) => store === 'postgres' || ctx.realTimeSqlite === true;

/** A fresh store of the kind, with the timeline its day passes on. */
async function openTimedStore(ctx: BenchContext, kind: StoreKind) {
  const db = await freshDatabase(kind, ctx.postgresUrl);
  const clock = new ShiftedClock(new Date());
  const store = await openStore(db.url, { clock });
  const timeline: Timeline = runsAtRealTime(ctx, kind) ? realTimeline(store, clock) : simulatedTimeline(clock);
  return { db, store, timeline, clock };
}

/** Starts the simulated day a minute after the subscriptions were created (now), so every slot is owed. */
export const dayStart = () => new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 60_000);

export interface DayResult {
  store: StoreKind;
  spread: 'day' | 'burst';
  platform: 'slack' | 'discord';
  limit: number;
  limitMode?: LimitMode;
  /** The day ran at real time, the subscriptions due a little after the database's now (not simulated). */
  realTime: boolean;
  subscriptions: number;
  posted: number;
  busyS: number;
  postsPerS: number;
  /** The busiest wake-up (a 09:00 burst): its posts and posts per second. */
  burstPosted: number;
  burstPerS: number;
  /** CPU per post over the day (engine, store and real poster; the fake platform has its own process): what a free core could do. */
  cpuMsPerPost: number;
  rejected429: number;
  duplicates: number;
  peakPerSecond: number;
  maxBlockMs: number;
  maxBlockCpuMs: number;
  lateP50S: number;
  lateP99S: number;
  lateMaxS: number;
  loadS: number;
  lookup?: { p50: number; p99: number; max: number; count: number };
}

/** Every subscription's slot over one simulated day, against the fake platform (optionally limited), measured. */
export async function dayScenario(
  ctx: BenchContext,
  options: {
    store: StoreKind;
    platform: 'slack' | 'discord';
    count: number;
    limit: number;
    spread: 'day' | 'burst';
    probeLookup?: boolean;
    /** How the fake counts the limit (default: a rolling second, as Discord's docs describe). */
    limitMode?: LimitMode;
  },
): Promise<DayResult> {
  const { db, store, timeline, clock } = await openTimedStore(ctx, options.store);
  // At real time a whole day would take a day: only the burst, due a little after the database's now, runs so.
  if (timeline.real && options.spread === 'day') throw new Error('the day spread needs a simulated clock (SQLite)');
  const poster = benchPoster(options.platform, ctx.platform.url, clock);
  try {
    const burstAt = timeline.real ? await dueSoon(timeline, options.count) : undefined;
    const subs = makeSubscriptions(options.count, options.platform, options.spread, 16, burstAt ? burstTimeAt(burstAt) : '09:00');
    const loadMs = await loadSubscriptions(store, subs);
    if (!timeline.real) clock.jumpTo(dayStart());
    await ctx.platform.reset(options.limit, options.limitMode);
    // Every next due time computed before the day starts (a running bot has them), so the burst wake-up is only the burst.
    const settle = await measuredTick({ store, posters: [poster], corpus: ctx.services.corpus, clock, owner: 'bench' });
    if (burstAt) {
      await assertBefore(timeline, burstAt, `${options.store} burst of ${options.count}`);
      await timeline.advanceTo(burstAt);
    } else if (options.spread === 'burst') clock.jumpTo(nextDueAfter({ time: '09:00', timezone: SAME_OFFSET_ZONES[0]! }, clock.now())!);
    const probe = options.probeLookup ? startLookupProbe(ctx.services) : undefined;
    const day = await runDay({
      store,
      posters: [poster],
      corpus: ctx.services.corpus,
      clock,
      owner: 'bench',
      expected: options.count - settle.posted,
      advanceTo: timeline.advanceTo,
    });
    const lookup = await probe?.stop();
    const late = day.ticks.flatMap((t) => t.lateMs);
    const platformStats = await ctx.platform.stats();
    const burst = day.ticks.reduce((a, b) => (b.posted > a.posted ? b : a));
    return {
      store: options.store,
      spread: options.spread,
      platform: options.platform,
      limit: options.limit,
      ...(options.limitMode ? { limitMode: options.limitMode } : {}),
      realTime: timeline.real,
      subscriptions: options.count,
      posted: day.posted + settle.posted,
      busyS: day.busyMs / 1000,
      postsPerS: day.posted / (day.busyMs / 1000),
      burstPosted: burst.posted,
      burstPerS: burst.posted / (burst.ms / 1000),
      cpuMsPerPost: day.ticks.reduce((sum, t) => sum + t.cpuMs, 0) / Math.max(1, day.posted),
      rejected429: platformStats.rejected429,
      duplicates: platformStats.duplicates,
      peakPerSecond: platformStats.peakPerSecond,
      maxBlockMs: Math.max(...day.ticks.map((t) => t.maxBlockMs)),
      maxBlockCpuMs: Math.max(...day.ticks.map((t) => t.maxBlockCpuMs)),
      lateP50S: percentile(late, 50) / 1000,
      lateP99S: percentile(late, 99) / 1000,
      lateMaxS: Math.max(0, ...late) / 1000,
      loadS: loadMs / 1000,
      ...(lookup ? { lookup } : {}),
    };
  } finally {
    poster.close?.();
    await store.close();
    await db.drop();
  }
}

/** Asks /lookup every 50 ms while the digest runs; latency counts from when the request was due to its reply. */
function startLookupProbe(services: Services): { stop: () => Promise<{ p50: number; p99: number; max: number; count: number }> } {
  const latencies: number[] = [];
  const queries = ['trade', 'climate change', 'Kazakhstan', 'belt and road', 'security cooperation'];
  let running = true;
  const loop = (async () => {
    const ctx = await createContext({ platform: 'slack', workspace: 'T1', channel: 'probe', user: 'U1' }, services);
    for (let i = 0; running; i++) {
      const due = performance.now() + 50;
      await new Promise((resolve) => setTimeout(resolve, 50));
      await dispatch(commands, { command: 'lookup', text: queries[i % queries.length]! }, ctx);
      latencies.push(performance.now() - due);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: Math.max(...latencies), count: latencies.length };
    },
  };
}

export interface BlockResult {
  store: StoreKind;
  realTime: boolean;
  subscriptions: number;
  loadS: number;
  first: TickStats;
  burst: TickStats;
  idle: TickStats;
}

/**
 * The longest event-loop block of a tick at a size: the first tick after loading (every next due time
 * unknown, so every subscription is read once), the busiest 09:00 of the day, and an idle minute.
 */
export async function blockScenario(ctx: BenchContext, options: { store: StoreKind; count: number }): Promise<BlockResult> {
  const { db, store, timeline, clock } = await openTimedStore(ctx, options.store);
  const poster = benchPoster('slack', ctx.platform.url, clock);
  await ctx.platform.reset(0);
  const tick = () => measuredTick({ store, posters: [poster], corpus: ctx.services.corpus, clock, owner: 'bench' });
  try {
    // At real time the day is turned so that its busiest minute comes a little after the database's now.
    const subs = makeSubscriptions(options.count, 'slack');
    const loadMs = await loadSubscriptions(store, timeline.real ? rotateDay(subs, await dueSoon(timeline, options.count)) : subs);
    if (!timeline.real) clock.jumpTo(dayStart());
    const first = await tick();
    // The busiest minute: the earliest next due time shared by the most subscriptions.
    const counts = new Map<string, number>();
    for (let page = await store.listSubscriptions({ limit: 5000 }); page.length > 0; ) {
      for (const sub of page) if (sub.nextDueAt) counts.set(sub.nextDueAt, (counts.get(sub.nextDueAt) ?? 0) + 1);
      const last = page[page.length - 1]!;
      page = await store.listSubscriptions({ limit: 5000, after: last });
    }
    const [busiest] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    if (timeline.real) await assertBefore(timeline, new Date(busiest), `${options.store} block of ${options.count}`);
    await timeline.advanceTo(new Date(busiest));
    const burst = await tick();
    await timeline.advanceTo(new Date(Date.parse(busiest) + 30 * 1000));
    const idle = await tick();
    return { store: options.store, realTime: timeline.real, subscriptions: options.count, loadS: loadMs / 1000, first, burst, idle };
  } finally {
    await store.close();
    await db.drop();
  }
}

import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { Services } from '../src/commands/command.js';
import { createContext } from '../src/commands/create-context.js';
import { dispatch } from '../src/commands/dispatch.js';
import { commands } from '../src/commands/registry.js';
import { nextDueAfter } from '../src/core/digest/due-slots.js';
import { isTerminalSlotState } from '../src/core/store/slot-states.js';
import { openStore } from '../src/store/open-store.js';
import { benchPoster, freshDatabase } from './digest-bench-env.js';
import type { LimitMode } from './digest-fake-platform.js';
import type { PlatformProcess } from './digest-platform-process.js';
import { measuredTick, runDay, ShiftedClock, type TickStats } from './digest-run-day.js';
import { loadSubscriptions, makeSubscriptions, SAME_OFFSET_ZONES } from './digest-subscriptions.js';
import { percentile } from './measure.js';

export type StoreKind = 'sqlite' | 'postgres';
export interface BenchContext {
  platform: PlatformProcess;
  services: Services;
  postgresUrl: string;
}

/** Starts the simulated day a minute after the subscriptions were created (now), so every slot is owed. */
const dayStart = () => new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 60_000);

export interface DayResult {
  store: StoreKind;
  spread: 'day' | 'burst';
  platform: 'slack' | 'discord';
  limit: number;
  limitMode?: LimitMode;
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
  const db = await freshDatabase(options.store, ctx.postgresUrl);
  const clock = new ShiftedClock(new Date());
  const store = await openStore(db.url, { clock });
  const poster = benchPoster(options.platform, ctx.platform.url, clock);
  try {
    const loadMs = await loadSubscriptions(store, makeSubscriptions(options.count, options.platform, options.spread));
    clock.jumpTo(dayStart());
    await ctx.platform.reset(options.limit, options.limitMode);
    // Every next due time computed before the day starts (a running bot has them), so the burst wake-up is only the burst.
    const settle = await measuredTick({ store, posters: [poster], corpus: ctx.services.corpus, clock, owner: 'bench' });
    if (options.spread === 'burst') clock.jumpTo(nextDueAfter({ time: '09:00', timezone: SAME_OFFSET_ZONES[0]! }, clock.now())!);
    const probe = options.probeLookup ? startLookupProbe(ctx.services) : undefined;
    const day = await runDay({
      store,
      posters: [poster],
      corpus: ctx.services.corpus,
      clock,
      owner: 'bench',
      expected: options.count - settle.posted,
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
  const db = await freshDatabase(options.store, ctx.postgresUrl);
  const clock = new ShiftedClock(new Date());
  const store = await openStore(db.url, { clock });
  const poster = benchPoster('slack', ctx.platform.url, clock);
  await ctx.platform.reset(0);
  const tick = () => measuredTick({ store, posters: [poster], corpus: ctx.services.corpus, clock, owner: 'bench' });
  try {
    const loadMs = await loadSubscriptions(store, makeSubscriptions(options.count, 'slack'));
    clock.jumpTo(dayStart());
    const first = await tick();
    // The busiest minute: the earliest next due time shared by the most subscriptions.
    const counts = new Map<string, number>();
    for (let page = await store.listSubscriptions({ limit: 5000 }); page.length > 0; ) {
      for (const sub of page) if (sub.nextDueAt) counts.set(sub.nextDueAt, (counts.get(sub.nextDueAt) ?? 0) + 1);
      const last = page[page.length - 1]!;
      page = await store.listSubscriptions({ limit: 5000, after: last });
    }
    const [busiest] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    clock.jumpTo(new Date(busiest));
    const burst = await tick();
    clock.jumpTo(new Date(Date.parse(busiest) + 30 * 1000));
    const idle = await tick();
    return { store: options.store, subscriptions: options.count, loadS: loadMs / 1000, first, burst, idle };
  } finally {
    await store.close();
    await db.drop();
  }
}

export interface TwoProcessResult {
  store: StoreKind;
  platform: 'slack' | 'discord';
  limit: number;
  subscriptions: number;
  postedBy: [number, number];
  slots: number;
  terminal: number;
  duplicates: number;
  rejected429: number;
  busyS: number;
}

/** Two forked engines on one database, woken together each simulated minute until every slot is delivered. */
export async function twoProcessScenario(
  ctx: BenchContext,
  options: { store: StoreKind; platform: 'slack' | 'discord'; count: number; limit: number },
): Promise<TwoProcessResult> {
  const db = await freshDatabase(options.store, ctx.postgresUrl);
  const setup = await openStore(db.url);
  await loadSubscriptions(setup, makeSubscriptions(options.count, options.platform));
  const start = dayStart();
  await ctx.platform.reset(options.limit);
  const workers = ['bench-a', 'bench-b'].map((owner) => {
    const child = fork(join(import.meta.dirname, 'digest-worker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    child.send({ databaseUrl: db.url, platformUrl: ctx.platform.url, platform: options.platform, start: start.toISOString(), owner });
    return child;
  });
  const ask = <T>(child: (typeof workers)[number], message: object) =>
    new Promise<T>((resolve) => {
      child.once('message', (answer) => resolve(answer as T));
      child.send(message);
    });
  await Promise.all(workers.map((child) => new Promise((resolve) => child.once('message', resolve))));
  const postedBy: [number, number] = [0, 0];
  let busyMs = 0;
  try {
    for (let at = start.getTime(); postedBy[0] + postedBy[1] < options.count && at < start.getTime() + 25 * 3_600_000; at += 60_000) {
      const started = performance.now();
      const stats = await Promise.all(workers.map((child) => ask<TickStats>(child, { tick: new Date(at).toISOString() })));
      if (stats.some((s) => s.posted > 0)) busyMs += performance.now() - started;
      postedBy[0] += stats[0]!.posted;
      postedBy[1] += stats[1]!.posted;
    }
    await Promise.all(workers.map((child) => ask(child, { close: true })));
    const platformStats = await ctx.platform.stats();
    const slots = [];
    for (let page = await setup.listSlots({ limit: 100_000 }); page.length > 0; page = []) slots.push(...page);
    return {
      store: options.store,
      platform: options.platform,
      limit: options.limit,
      subscriptions: options.count,
      postedBy,
      slots: slots.length,
      terminal: slots.filter((s) => isTerminalSlotState(s.state)).length,
      duplicates: platformStats.duplicates,
      rejected429: platformStats.rejected429,
      busyS: busyMs / 1000,
    };
  } finally {
    for (const child of workers) if (child.exitCode === null) child.kill();
    await setup.close();
    await db.drop();
  }
}

import { fork } from 'node:child_process';
import { join } from 'node:path';
import { isTerminalSlotState } from '../src/core/store/slot-states.js';
import { openStore } from '../src/store/open-store.js';
import { freshDatabase } from './digest-bench-env.js';
import type { TickStats } from './digest-run-day.js';
import { type BenchContext, dayStart, runsAtRealTime, type StoreKind } from './digest-scenarios.js';
import { burstTimeAt, loadSubscriptions, makeSubscriptions } from './digest-subscriptions.js';
import { assertBefore, dueSoon, realTimeline } from './digest-timeline.js';

export interface TwoProcessResult {
  store: StoreKind;
  /** At real time every subscription falls due at one instant (a day would take a day); simulated: the day spread. */
  realTime: boolean;
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

/**
 * Two forked engines on one database, woken together each simulated minute until every slot is delivered;
 * at real time (Postgres) every slot falls due at one instant a little ahead, and they are woken then.
 */
export async function twoProcessScenario(
  ctx: BenchContext,
  options: { store: StoreKind; platform: 'slack' | 'discord'; count: number; limit: number },
): Promise<TwoProcessResult> {
  const db = await freshDatabase(options.store, ctx.postgresUrl);
  const setup = await openStore(db.url);
  const real = runsAtRealTime(ctx, options.store);
  const timeline = real ? realTimeline(setup) : undefined;
  // Two workers each start the services (corpus, search) before the first wake-up: a minute more of lead.
  const burstAt = timeline ? new Date((await dueSoon(timeline, options.count)).getTime() + 60_000) : undefined;
  const subs = burstAt
    ? makeSubscriptions(options.count, options.platform, 'burst', 16, burstTimeAt(burstAt))
    : makeSubscriptions(options.count, options.platform);
  await loadSubscriptions(setup, subs);
  const start = burstAt ?? dayStart();
  await ctx.platform.reset(options.limit);
  const workers = ['bench-a', 'bench-b'].map((owner) => {
    const child = fork(join(import.meta.dirname, 'digest-worker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    // At real time the workers' clocks are the wall clock (SQLite's store follows it; Postgres has its own).
    const clockStart = real ? new Date() : start;
    child.send({ databaseUrl: db.url, platformUrl: ctx.platform.url, platform: options.platform, start: clockStart.toISOString(), owner });
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
    if (timeline && burstAt) {
      // Both compute every next due time first (as running bots have them), so the wake-up at burstAt is only the burst.
      const settle = await Promise.all(workers.map((child) => ask<TickStats>(child, { tick: new Date().toISOString() })));
      postedBy[0] += settle[0]!.posted;
      postedBy[1] += settle[1]!.posted;
      await assertBefore(timeline, burstAt, `${options.store} two processes, ${options.count}`);
    }
    const end = start.getTime() + (real ? 10 * 60_000 : 25 * 3_600_000);
    for (let at = start.getTime(); postedBy[0] + postedBy[1] < options.count && at < end; at += 60_000) {
      await timeline?.advanceTo(new Date(at));
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
      realTime: real,
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

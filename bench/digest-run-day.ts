import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Clock } from '../src/core/clock.js';
import type { DigestPoster } from '../src/core/digest/digest-types.js';
import { runDigests } from '../src/core/digest/run-digests.js';
import type { SlotOutcome } from '../src/core/digest/run-digests-types.js';
import type { Corpus } from '../src/core/document.js';
import type { Store } from '../src/core/store/store-types.js';

/** A clock that runs at wall speed and can be moved forward: the day passes in jumps between wake-ups. */
export class ShiftedClock implements Clock {
  private offset: number;
  constructor(start: Date) {
    this.offset = start.getTime() - Date.now();
  }
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
  /** Moves "now" to `at` if it is ahead. */
  jumpTo(at: Date): void {
    this.offset = Math.max(this.offset, at.getTime() - Date.now());
  }
}

export interface TickStats {
  ms: number;
  /** CPU time this process used during the tick (engine, store, poster; the fake platform runs elsewhere). */
  cpuMs: number;
  /** Longest stretch the event loop was blocked during the tick (perf_hooks.monitorEventLoopDelay max), wall clock. */
  maxBlockMs: number;
  /**
   * The same stretch counted in CPU time this process used between two 1 ms timer turns: the work done without
   * yielding, leaving out time the OS gave to other jobs on a shared machine.
   */
  maxBlockCpuMs: number;
  posted: number;
  listed: number;
  lateMs: number[];
  unsettled: number;
}

/** One wake-up of the engine, measured. */
export async function measuredTick(options: {
  store: Store;
  posters: DigestPoster[];
  corpus: Corpus;
  clock: Clock;
  owner: string;
  concurrency?: number;
}): Promise<TickStats> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  let lastCpu = process.cpuUsage();
  let maxBlockCpuMs = 0;
  const probe = setInterval(() => {
    const cpu = process.cpuUsage();
    maxBlockCpuMs = Math.max(maxBlockCpuMs, (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000);
    lastCpu = cpu;
  }, 1);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const summary = await runDigests({ ...options, concurrency: options.concurrency ?? 12 });
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  histogram.disable();
  clearInterval(probe);
  const posted = summary.slots.filter((s) => s.outcome === 'posted');
  return {
    ms,
    cpuMs: (used.user + used.system) / 1000,
    // The histogram counts from the timer's due time, so its resolution is taken off.
    maxBlockMs: Math.max(0, histogram.max / 1e6 - 1),
    maxBlockCpuMs,
    posted: posted.length,
    listed: summary.slots.length,
    lateMs: posted.flatMap((s: SlotOutcome) => (s.postedAt && s.dueAt ? [Date.parse(s.postedAt) - Date.parse(s.dueAt)] : [])),
    unsettled: summary.slots.filter((s) => ['retry_later', 'lease_lost', 'failed'].includes(s.outcome)).length,
  };
}

/**
 * Runs the engine once a (simulated) minute from `clock`'s now until `expected` posts went out or a day
 * and an hour passed; the clock jumps between wake-ups, so only the posting takes wall time. `advanceTo`
 * replaces the jump where the day runs at real time (a Postgres store: see digest-timeline.ts).
 */
export async function runDay(
  options: Parameters<typeof measuredTick>[0] & {
    clock: ShiftedClock;
    expected: number;
    onTick?: (stats: TickStats) => void;
    advanceTo?: (at: Date) => Promise<void>;
  },
): Promise<{ ticks: TickStats[]; busyMs: number; posted: number }> {
  const advanceTo = options.advanceTo ?? (async (at: Date) => options.clock.jumpTo(at));
  const ticks: TickStats[] = [];
  const end = options.clock.now().getTime() + 25 * 3_600_000;
  let posted = 0;
  while (posted < options.expected && options.clock.now().getTime() < end) {
    const at = options.clock.now();
    const stats = await measuredTick(options);
    ticks.push(stats);
    options.onTick?.(stats);
    posted += stats.posted;
    if (posted < options.expected) await advanceTo(new Date(Math.floor(at.getTime() / 60_000) * 60_000 + 60_000));
  }
  return { ticks, busyMs: ticks.filter((t) => t.posted > 0).reduce((sum, t) => sum + t.ms, 0), posted };
}

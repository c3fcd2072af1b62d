import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import cron, { type Logger as CronLogger } from 'node-cron';
import { DEFAULT_LEASE_MS, runDigests } from '../../core/digest/run-digests.js';
import type { DigestRunSummary, RunDigestsDeps } from '../../core/digest/run-digests-types.js';
import type { Logger } from '../../core/logger.js';
import { createUnservedWarning } from './warn-unserved-platforms.js';

/** Something that calls `tick` on a schedule and can be stopped; node-cron in production, a hand-fired fake in tests. */
export type ScheduleWakeUp = (expression: string, tick: () => Promise<void>) => { stop(): void | Promise<void> };

export interface DigestSchedulerDeps extends Omit<RunDigestsDeps, 'shouldStop' | 'forDate' | 'channel' | 'owner'> {
  logger: Logger;
  /** Days either side for nearby anniversaries: required, so the posted digest and `/digest preview` (services.nearbyWindow) agree. */
  nearbyWindow: number;
  /** Who claims slots; default `host:pid:random`, unique per process so replicas exclude each other. */
  owner?: string;
  /** Cron expression of the wake-up; default once a minute. */
  expression?: string;
  schedule?: ScheduleWakeUp;
  /** The run to call on each wake-up; default `runDigests`. */
  run?: typeof runDigests;
  /** Called with every finished run's summary (for metrics or tests). */
  onRun?: (summary: DigestRunSummary) => void;
  /** The corpus serving at each run, when it can be reloaded while the scheduler runs; `corpus` otherwise. */
  currentCorpus?: () => RunDigestsDeps['corpus'];
  /** After this long a run takes no new slot (they wait for the next wake-up); default the lease, 5 min. */
  runDeadlineMs?: number;
  /** How long stop() waits for the run in flight before leaving its claims to their leases; default 10 s. */
  stopTimeoutMs?: number;
}

/** What liveness and the metrics read: when a run last finished, and since when one is in flight. */
export interface DigestSchedulerHealth {
  /** When the scheduler started (a first run that never finishes is as stuck as a later one). */
  startedAt: Date;
  lastFinishedAt?: Date;
  inFlightSince?: Date;
  /** The run deadline and the lease: a run in flight past both is stuck. */
  runDeadlineMs: number;
  leaseMs: number;
}

export interface DigestScheduler {
  /** The start-up run (resolves when it is done). */
  readonly started: Promise<DigestRunSummary | undefined>;
  /** One wake-up now; undefined when a run is already in flight (it is not doubled) or the scheduler is stopping. */
  tick(): Promise<DigestRunSummary | undefined>;
  /**
   * Stops waking up; a slot being posted finishes and is recorded, slots not yet claimed are left for the next start.
   * Returns within `stopTimeoutMs` even when the run cannot finish (the database is gone): its claims run out with their leases.
   */
  stop(): Promise<void>;
  /** When a run last finished and since when one is in flight. */
  health(): DigestSchedulerHealth;
}

const DEFAULT_STOP_TIMEOUT_MS = 10_000;

const EVERY_MINUTE = '* * * * *';

// node-cron keeps no state and fires blindly (once per replica, not again after a blocked loop),
// so it is only a wake-up: the ledger in the store decides what is due and who posts it.
const nodeCronWakeUp =
  (logger: Logger): ScheduleWakeUp =>
  (expression, tick) =>
    cron.schedule(
      expression,
      async () => {
        await tick();
      },
      { name: 'readout-digest', noOverlap: true, logger: toCronLogger(logger.child({ component: 'node-cron' })) },
    );

/** node-cron's logger interface over ours, so its warnings (a missed wake-up) are log records, not coloured console lines. */
export function toCronLogger(logger: Logger): CronLogger {
  const fields = (err?: Error | string) => (err === undefined ? {} : { err });
  const text = (message: string | Error) => (typeof message === 'string' ? message : message.message);
  return {
    info: (message) => logger.info({}, message),
    warn: (message) => logger.warn({}, message),
    error: (message, err) => logger.error(fields(err ?? (message instanceof Error ? message : undefined)), text(message)),
    debug: (message, err) => logger.debug(fields(err), text(message)),
  };
}

/** Starts the digest: one run at start-up, then a run on every cron wake-up, never two at once in this process. */
export function startDigestScheduler(deps: DigestSchedulerDeps): DigestScheduler {
  const {
    logger,
    expression = EVERY_MINUTE,
    schedule = nodeCronWakeUp(logger),
    run = runDigests,
    onRun,
    owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    currentCorpus,
    runDeadlineMs = deps.leaseMs ?? DEFAULT_LEASE_MS,
    stopTimeoutMs = DEFAULT_STOP_TIMEOUT_MS,
    ...runDeps
  } = deps;
  const { clock } = runDeps;
  const startedAt = clock.now();
  let lastFinishedAt: Date | undefined;
  let inFlightSince: Date | undefined;
  let inFlight: Promise<DigestRunSummary | undefined> | undefined;
  const warnUnserved = createUnservedWarning(
    runDeps.store,
    clock,
    logger,
    runDeps.posters.map((poster) => poster.platform),
  );
  let stopping = false;
  const wakeOnStop = new Set<() => void>();
  const baseSleep = runDeps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref()));
  // A retry wait (up to a few minutes of Retry-After) ends early on stop, so shutdown is not held up by it.
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        wakeOnStop.delete(wake);
        resolve();
      };
      wakeOnStop.add(wake);
      baseSleep(ms).then(wake, wake);
    });

  const tick = (): Promise<DigestRunSummary | undefined> => {
    if (stopping) return Promise.resolve(undefined);
    if (inFlight) {
      logger.debug({}, 'digest wake-up skipped: the previous run is still going');
      return Promise.resolve(undefined);
    }
    const since = clock.now();
    inFlightSince = since;
    // Past its deadline a run takes no new slot: what is left waits for the next wake-up, so no run outlives itself.
    const shouldStop = () => stopping || clock.now().getTime() - since.getTime() >= runDeadlineMs;
    inFlight = (async () => {
      try {
        const corpus = currentCorpus ? currentCorpus() : runDeps.corpus;
        const summary = await run({ ...runDeps, corpus, owner, sleep, logger, shouldStop });
        lastFinishedAt = clock.now();
        await warnUnserved().catch((error: unknown) => logger.debug({ err: error }, 'unserved platforms not checked'));
        logSummary(logger, summary);
        onRun?.(summary);
        return summary;
      } catch (error) {
        // One failed wake-up (a locked database, a bug) must not stop the next ones.
        logger.error({ err: error }, 'digest run failed');
        lastFinishedAt = clock.now();
        return undefined;
      } finally {
        // Cleared only here, when the run has really ended: a second run never starts beside a first one's leftovers.
        inFlight = undefined;
        inFlightSince = undefined;
      }
    })();
    return inFlight;
  };

  const task = schedule(expression, async () => {
    await tick();
  });
  const started = tick();

  return {
    started,
    tick,
    async stop() {
      stopping = true;
      await task.stop();
      for (const wake of [...wakeOnStop]) wake();
      if (!inFlight) return;
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = await Promise.race([
        inFlight.then(() => false),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), stopTimeoutMs);
          timer.unref();
        }),
      ]);
      clearTimeout(timer);
      if (gaveUp)
        logger.warn(
          { stopTimeoutMs },
          'digest run still in flight at shutdown: its claims are left to their leases, nothing is posted twice',
        );
    },
    health: () => ({
      startedAt,
      ...(lastFinishedAt ? { lastFinishedAt } : {}),
      ...(inFlightSince ? { inFlightSince } : {}),
      runDeadlineMs,
      leaseMs: runDeps.leaseMs ?? DEFAULT_LEASE_MS,
    }),
  };
}

/** One line per wake-up that did something: how many slots ended how, and the worst delivery lag (posted - due). */
function logSummary(logger: Logger, summary: DigestRunSummary): void {
  const counts: Record<string, number> = {};
  let maxLateMs = 0;
  for (const slot of summary.slots) {
    counts[slot.outcome] = (counts[slot.outcome] ?? 0) + 1;
    if (slot.outcome === 'posted' && slot.postedAt && slot.dueAt)
      maxLateMs = Math.max(maxLateMs, Date.parse(slot.postedAt) - Date.parse(slot.dueAt));
  }
  if (Object.keys(counts).every((outcome) => outcome === 'already_done')) return;
  const durationMs = Date.parse(summary.finishedAt) - Date.parse(summary.startedAt);
  logger.info({ outcomes: counts, maxLateMs, durationMs }, 'digest wake-up');
}

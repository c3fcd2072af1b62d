import type { CheckResult } from './readiness.js';

/** What the digest scheduler tells liveness (its `health()`). */
export interface DigestHealth {
  startedAt: Date;
  lastFinishedAt?: Date;
  inFlightSince?: Date;
  runDeadlineMs: number;
  leaseMs: number;
}

/** A scheduler wakes up every minute: five without a finished run means its wake-ups have stopped. */
export const STALE_AFTER_MS = 5 * 60_000;
/** Beyond its lease, a run in flight gets this much more before it counts as stuck (a post's own timeout finishing). */
export const STUCK_MARGIN_MS = 60_000;

/**
 * Whether the digest scheduler is alive: a run in flight past its lease plus a margin is stuck (its store or
 * platform calls never return); with none in flight, no run finished for five minutes means nothing wakes it.
 * A failing answer turns /healthz 503, so an orchestrator restarts the process.
 */
export function digestLiveness(health: DigestHealth, now: Date): CheckResult {
  const seconds = (since: Date) => Math.round((now.getTime() - since.getTime()) / 1000);
  if (health.inFlightSince) {
    const limitMs = Math.max(health.leaseMs, health.runDeadlineMs) + STUCK_MARGIN_MS;
    if (now.getTime() - health.inFlightSince.getTime() > limitMs)
      return { ok: false, detail: `a digest run has been in flight for ${seconds(health.inFlightSince)} s (limit ${limitMs / 1000} s)` };
    return { ok: true, detail: `a run in flight for ${seconds(health.inFlightSince)} s` };
  }
  const last = health.lastFinishedAt ?? health.startedAt;
  if (now.getTime() - last.getTime() > STALE_AFTER_MS)
    return {
      ok: false,
      detail: health.lastFinishedAt
        ? `no digest run has finished for ${seconds(last)} s`
        : `no digest run has finished since the scheduler started ${seconds(last)} s ago`,
    };
  return { ok: true, detail: health.lastFinishedAt ? `last run finished ${seconds(last)} s ago` : 'first run pending' };
}

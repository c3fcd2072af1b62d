import type { SlotRecord } from '../../core/store/store-types.js';
import type { OpsPageSource } from './ops-page-types.js';
import { stateGroup } from './recent-slots.js';

/** A post this long after its due time counts as late. */
export const LATE_AFTER_SECONDS = 600;
const DAY_MS = 86_400_000;

/** Per local date the slots due, posted, late, failed and skipped; lateness; posts per minute over the last 24 h. */
export function collectDigest(source: Pick<OpsPageSource, 'budgetPerMinute'>, slots: readonly SlotRecord[], now: Date) {
  const byDate = new Map<
    string,
    { localDate: string; due: number; posted: number; late: number; failed: number; skipped: number; paused: number; open: number }
  >();
  const lateness: number[] = [];
  const perMinute = new Map<number, number>();
  const windowStart = now.getTime() - DAY_MS;
  for (const slot of slots) {
    const row = byDate.get(slot.localDate) ?? {
      localDate: slot.localDate,
      due: 0,
      posted: 0,
      late: 0,
      failed: 0,
      skipped: 0,
      paused: 0,
      open: 0,
    };
    row.due++;
    row[stateGroup(slot.state)]++;
    const lateBy = secondsLate(slot);
    if (lateBy !== undefined) {
      lateness.push(lateBy);
      if (lateBy > LATE_AFTER_SECONDS) row.late++;
    }
    byDate.set(slot.localDate, row);
    const postedAt = slot.state === 'posted' && slot.postedAt ? Date.parse(slot.postedAt) : Number.NaN;
    if (postedAt > windowStart && postedAt <= now.getTime()) {
      const minute = Math.floor(postedAt / 60_000) * 60_000;
      perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
    }
  }
  lateness.sort((a, b) => a - b);
  return {
    dates: [...byDate.values()].sort((a, b) => b.localDate.localeCompare(a.localDate)),
    lateness: {
      posts: lateness.length,
      p50Seconds: percentile(lateness, 0.5),
      p95Seconds: percentile(lateness, 0.95),
      maxSeconds: lateness.length ? lateness[lateness.length - 1]! : null,
      lateAfterSeconds: LATE_AFTER_SECONDS,
    },
    postsPerMinute: {
      from: new Date(windowStart).toISOString(),
      to: now.toISOString(),
      budgetPerMinute: source.budgetPerMinute(),
      minutes: [...perMinute.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([minute, posts]) => ({ minute: new Date(minute).toISOString(), posts })),
    },
  };
}

export type DigestSection = ReturnType<typeof collectDigest>;

function secondsLate(slot: SlotRecord): number | undefined {
  if (slot.state !== 'posted' || !slot.dueAt || !slot.postedAt) return undefined;
  const seconds = (Date.parse(slot.postedAt) - Date.parse(slot.dueAt)) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, Math.round(seconds)) : undefined;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

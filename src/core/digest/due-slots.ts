import { DateTime } from 'luxon';
import type { Subscription } from '../store/store-types.js';
import { parseTimeOfDay } from './parse-time-of-day.js';
import { resolveLocalTime } from './resolve-local-time.js';

/** One channel's digest for one local date, and when it falls due. */
export interface DueSlot {
  localDate: string;
  dueAt: Date;
  /** Local wall time it fires at (`09:00`; `03:00` when 02:30 did not exist that day). */
  localTime: string;
  adjusted: 'gap' | 'ambiguous' | null;
  /** True when the grace period after `dueAt` has passed. */
  late: boolean;
}

export const DEFAULT_GRACE_MS = 6 * 3_600_000;
/** How far back a tick looks for slots; longer than the grace so that a missed day is recorded as `skipped_late`. */
export const DEFAULT_CATCH_UP_MS = 48 * 3_600_000;

/** The instant of a subscription's local time on a local date (DST-corrected), or undefined for a bad zone or time. */
export function slotFor(sub: Pick<Subscription, 'time' | 'timezone'>, localDate: string): Omit<DueSlot, 'late'> | undefined {
  const time = parseTimeOfDay(sub.time);
  if (!time.ok) return undefined;
  const resolved = resolveLocalTime(localDate, time.hour, time.minute, sub.timezone);
  if (!resolved) return undefined;
  return { localDate, dueAt: resolved.at.toJSDate(), localTime: resolved.at.toFormat('HH:mm'), adjusted: resolved.adjusted };
}

/**
 * The slots of a subscription that are due by `now`: its local time on each local date in its own
 * zone, over the catch-up window, never before the subscription existed. Oldest first.
 */
export function dueSlots(
  sub: Pick<Subscription, 'time' | 'timezone' | 'createdAt'>,
  now: Date,
  graceMs: number = DEFAULT_GRACE_MS,
  catchUpMs: number = Math.max(DEFAULT_CATCH_UP_MS, graceMs + 24 * 3_600_000),
): DueSlot[] {
  const from = Math.max(now.getTime() - catchUpMs, Date.parse(sub.createdAt) || 0);
  const today = DateTime.fromJSDate(now, { zone: sub.timezone });
  if (!today.isValid) return [];
  const first = DateTime.fromMillis(from, { zone: sub.timezone }).startOf('day');
  const slots: DueSlot[] = [];
  // One day before `from`'s local date too: a slot's instant can precede its date's midnight in no zone, but cheap insurance.
  for (let day = first.minus({ days: 1 }); day <= today; day = day.plus({ days: 1 })) {
    const localDate = day.toISODate();
    if (!localDate) continue;
    const slot = slotFor(sub, localDate);
    if (!slot) return [];
    const due = slot.dueAt.getTime();
    if (due > now.getTime() || due < from) continue;
    slots.push({ ...slot, late: now.getTime() - due > graceMs });
  }
  return slots;
}

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

const DAY_MS = 86_400_000;
export const DEFAULT_GRACE_MS = 6 * 3_600_000;
/** How far back a tick looks for slots; longer than the grace so that a missed day is recorded as `skipped_late`. */
export const DEFAULT_CATCH_UP_MS = 48 * 3_600_000;

type ResolvedSlot = Omit<DueSlot, 'late'>;

// Zone arithmetic is slow (about 0.2 ms per instant) and a tick asks for the same few slots every minute;
// the answer for a zone, time and date never changes within a process, so it is remembered.
const resolvedSlots = new Map<string, ResolvedSlot | null>();
const MAX_REMEMBERED = 10_000;

/** The instant of a subscription's local time on a local date (DST-corrected), or undefined for a bad zone or time. */
export function slotFor(sub: Pick<Subscription, 'time' | 'timezone'>, localDate: string): ResolvedSlot | undefined {
  const cacheKey = `${sub.timezone}|${sub.time}|${localDate}`;
  const remembered = resolvedSlots.get(cacheKey);
  if (remembered !== undefined) return remembered ? { ...remembered, dueAt: new Date(remembered.dueAt) } : undefined;
  const time = parseTimeOfDay(sub.time);
  const resolved = time.ok ? resolveLocalTime(localDate, time.hour, time.minute, sub.timezone) : undefined;
  const slot = resolved
    ? { localDate, dueAt: resolved.at.toJSDate(), localTime: resolved.at.toFormat('HH:mm'), adjusted: resolved.adjusted }
    : undefined;
  if (resolvedSlots.size >= MAX_REMEMBERED) resolvedSlots.clear();
  resolvedSlots.set(cacheKey, slot ?? null);
  return slot ? { ...slot, dueAt: new Date(slot.dueAt) } : undefined;
}

/**
 * The slots of a subscription that are due by `now`: its local time on each local date in its own
 * zone, over the catch-up window, never before the subscription was created or last changed
 * (a new time, a resume), so a change takes effect from its next occurrence. Oldest first.
 */
export function dueSlots(
  sub: Pick<Subscription, 'time' | 'timezone' | 'createdAt'> & Partial<Pick<Subscription, 'updatedAt'>>,
  now: Date,
  graceMs: number = DEFAULT_GRACE_MS,
  catchUpMs: number = Math.max(DEFAULT_CATCH_UP_MS, graceMs + 24 * 3_600_000),
): DueSlot[] {
  const since = Math.max(Date.parse(sub.createdAt) || 0, Date.parse(sub.updatedAt ?? '') || 0);
  const from = Math.max(now.getTime() - catchUpMs, since);
  const today = DateTime.fromJSDate(now, { zone: sub.timezone }).toISODate();
  const firstDate = DateTime.fromMillis(from, { zone: sub.timezone }).toISODate();
  if (!today || !firstDate) return [];
  const slots: DueSlot[] = [];
  // Local dates are walked as plain calendar dates (UTC arithmetic), which is all a date needs.
  for (let day = Date.parse(`${firstDate}T00:00:00Z`); day <= Date.parse(`${today}T00:00:00Z`); day += DAY_MS) {
    const localDate = new Date(day).toISOString().slice(0, 10);
    const slot = slotFor(sub, localDate);
    if (!slot) return [];
    const due = slot.dueAt.getTime();
    if (due > now.getTime() || due < from) continue;
    slots.push({ ...slot, late: now.getTime() - due > graceMs });
  }
  return slots;
}

import { DateTime } from 'luxon';
import { isValidTimeZone } from '../calendar/time-zone.js';
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

// Zone arithmetic is slow (about 0.2 ms per instant, half of it luxon re-validating the zone) and a tick asks
// the same few questions for thousands of subscriptions: the answer for a zone, time and date never changes
// within a process, and "today" in a zone is the same for every subscription of one tick, so both are remembered.
const resolvedSlots = new Map<string, ResolvedSlot | null>();
const MAX_REMEMBERED = 50_000;
const validZones = new Map<string, boolean>();
const todayIn = { at: Number.NaN, dates: new Map<string, string | null>() };

/** Whether a subscription's time and zone can be read; remembered per zone and time. */
export function isUsableSchedule(sub: Pick<Subscription, 'time' | 'timezone'>): boolean {
  const key = `${sub.timezone}|${sub.time}`;
  let valid = validZones.get(key);
  if (valid === undefined) {
    valid = isValidTimeZone(sub.timezone) && parseTimeOfDay(sub.time).ok;
    if (validZones.size >= MAX_REMEMBERED) validZones.clear();
    validZones.set(key, valid);
  }
  return valid;
}

/** The local date in `zone` at `at`, remembered for the last instant asked (one tick's "now"). */
function localDateAt(zone: string, at: Date): string | undefined {
  if (todayIn.at !== at.getTime()) {
    todayIn.at = at.getTime();
    todayIn.dates.clear();
  }
  let date = todayIn.dates.get(zone);
  if (date === undefined) {
    date = DateTime.fromJSDate(at, { zone }).toISODate();
    todayIn.dates.set(zone, date);
  }
  return date ?? undefined;
}

const plusDays = (localDate: string, days: number) =>
  new Date(Date.parse(`${localDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

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
  if (!isUsableSchedule(sub)) return [];
  const since = Math.max(Date.parse(sub.createdAt) || 0, Date.parse(sub.updatedAt ?? '') || 0);
  const from = Math.max(now.getTime() - catchUpMs, since);
  const today = localDateAt(sub.timezone, now);
  if (!today) return [];
  const slots: DueSlot[] = [];
  // Local dates are walked as plain calendar dates from a day before the window (a zone is at most a day
  // off UTC); the remembered slot instants decide what falls inside it.
  // Only as far back as the window reaches: a day per day since `from`, and one more for the zone's offset.
  const firstBack = Math.min(Math.ceil(catchUpMs / DAY_MS), Math.ceil((now.getTime() - from) / DAY_MS)) + 1;
  for (let back = firstBack; back >= 0; back--) {
    const slot = slotFor(sub, plusDays(today, -back));
    if (!slot) return [];
    const due = slot.dueAt.getTime();
    if (due > now.getTime() || due < from) continue;
    slots.push({ ...slot, late: now.getTime() - due > graceMs });
  }
  return slots;
}

/** When a subscription's first slot after `now` falls due: what the store keeps as `next_due_at`. */
export function nextDueAfter(sub: Pick<Subscription, 'time' | 'timezone'>, now: Date): Date | undefined {
  if (!isUsableSchedule(sub)) return undefined;
  const today = localDateAt(sub.timezone, now);
  if (!today) return undefined;
  for (let offset = -1; offset <= 2; offset++) {
    const slot = slotFor(sub, plusDays(today, offset));
    if (slot && slot.dueAt.getTime() > now.getTime()) return slot.dueAt;
  }
  return undefined;
}

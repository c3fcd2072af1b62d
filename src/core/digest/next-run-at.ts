import { DateTime } from 'luxon';
import type { Subscription } from '../store/store-types.js';
import { slotFor } from './due-slots.js';
import { formatLocalTime } from './format-local-time.js';

export interface NextRun {
  localDate: string;
  /** `2026-03-29 09:00 UTC+01:00`: in the subscription's zone, for `digest status`. */
  local: string;
  /** ISO instant in UTC. */
  utc: string;
  at: Date;
}

/**
 * When a subscription fires next after `now`, in its local time and UTC; undefined for a bad time or zone.
 * `settled` names local dates whose slot the ledger has already closed (posted, skipped, failed): those do not fire again.
 */
export function nextRunAt(
  sub: Pick<Subscription, 'time' | 'timezone'>,
  now: Date,
  settled: (localDate: string) => boolean = () => false,
): NextRun | undefined {
  const today = DateTime.fromJSDate(now, { zone: sub.timezone });
  if (!today.isValid) return undefined;
  for (let offset = 0; offset <= 2; offset++) {
    const localDate = today.plus({ days: offset }).toISODate();
    const slot = localDate ? slotFor(sub, localDate) : undefined;
    if (!slot) return undefined;
    if (slot.dueAt.getTime() <= now.getTime() || settled(slot.localDate)) continue;
    return { localDate: slot.localDate, local: formatLocalTime(slot.dueAt, sub.timezone), utc: slot.dueAt.toISOString(), at: slot.dueAt };
  }
  return undefined;
}

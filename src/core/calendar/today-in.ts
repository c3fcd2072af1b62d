import { DateTime } from 'luxon';
import type { Clock } from '../clock.js';

/** Today's date (`YYYY-MM-DD`) in the given IANA zone, so "today" is the channel's, not the server's. */
export function todayIn(timezone: string, clock: Clock): string {
  const local = DateTime.fromJSDate(clock.now(), { zone: timezone });
  if (!local.isValid) throw new RangeError(`unknown time zone: ${timezone}`);
  return local.toISODate() ?? '';
}

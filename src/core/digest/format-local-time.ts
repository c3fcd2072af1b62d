import { DateTime } from 'luxon';

/** `2026-03-29 09:00 UTC+01:00`: a local time with its offset, which reads the same on every ICU build (abbreviations do not). */
export function formatLocalTime(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat("yyyy-MM-dd HH:mm 'UTC'ZZ");
}

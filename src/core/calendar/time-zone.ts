import { IANAZone } from 'luxon';
import type { Outcome } from '../user-error.js';
import { calendarMessages } from './calendar-messages.js';

/** True when the zone is a known IANA zone (or UTC) on this runtime. */
export function isValidTimeZone(zone: string): boolean {
  return zone.trim() !== '' && IANAZone.isValidZone(zone.trim());
}

function knownZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

/** Checks a time zone and returns its canonical spelling (`asia/almaty` -> `Asia/Almaty`), or a problem with suggestions. */
export function checkTimeZone(text: string): Outcome<{ timezone: string }> {
  const zone = text.trim();
  const zones = knownZones();
  const exact = zones.find((known) => known.toLowerCase() === zone.toLowerCase());
  if (exact) return { ok: true, timezone: exact };
  if (zone.toUpperCase() === 'UTC') return { ok: true, timezone: 'UTC' };
  if (isValidTimeZone(zone) && zone.includes('/')) return { ok: true, timezone: zone };
  // A city alone ("Almaty") or a close spelling: offer the zones that contain it.
  const needle = zone.toLowerCase().replace(/\s+/g, '_');
  const suggestions = needle.length >= 3 ? zones.filter((known) => known.toLowerCase().includes(needle)).slice(0, 3) : [];
  return {
    ok: false,
    problem: {
      code: 'unknown_timezone',
      message:
        suggestions.length > 0
          ? calendarMessages.unknownTimeZoneWithSuggestions(zone, suggestions)
          : calendarMessages.unknownTimeZone(zone),
      ...(suggestions.length > 0 ? { suggestions } : {}),
    },
  };
}

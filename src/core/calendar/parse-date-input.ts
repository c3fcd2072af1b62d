import type { Outcome } from '../user-error.js';
import { calendarMessages, MONTH_NAMES } from './calendar-messages.js';
import { daysInMonth, type IsoDate, isLeapYear, parseIsoDate } from './parse-iso-date.js';

const DAY_MS = 86_400_000;
/** Looked up by what the user typed, so a Map: `constructor` and `__proto__` are words too. */
const RELATIVE: ReadonlyMap<string, number> = new Map([
  ['today', 0],
  ['tomorrow', 1],
  ['yesterday', -1],
]);
// "24 April", "24 Apr 2025", "April 24", "April 24, 2025", "Sept 3".
const DAY_MONTH = /^(\d{1,2})(?:st|nd|rd|th)?\s+(\p{L}+)\.?(?:,?\s+(\d{4}))?$/u;
const MONTH_DAY = /^(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$/u;
const MONTH_DAY_NUMBERS = /^(\d{1,2})-(\d{1,2})$/;

/** A month from its English name or an abbreviation of three letters or more ("Apr", "Sept"); 0 when none. */
export function monthNumber(word: string): number {
  const wanted = word.toLowerCase();
  if (wanted.length < 3) return 0;
  const at = MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(wanted) || (wanted === 'sept' && name === 'September'));
  return at + 1;
}

/**
 * Reads a date as people type it: `YYYY-MM-DD`, `MM-DD`, `today`, `tomorrow`, `yesterday`, `24 April`,
 * `April 24` (English month names and abbreviations, an optional year). A date without a year falls in
 * the year of `today` (the channel's today, `YYYY-MM-DD`). Impossible dates are problems, never rolled over.
 */
export function parseDateInput(text: string, today: string): Outcome<IsoDate> {
  const typed = text.trim().replace(/\s+/g, ' ');
  const base = parseIsoDate(today);
  if (!base.ok) return base;
  const lower = typed.toLowerCase();
  const offset = RELATIVE.get(lower);
  if (offset !== undefined) {
    const ms = Date.UTC(base.year, base.month - 1, base.day) + offset * DAY_MS;
    return parseIsoDate(new Date(ms).toISOString().slice(0, 10));
  }
  if (/^\d{4}-/.test(typed)) return parseIsoDate(typed);
  const numbers = MONTH_DAY_NUMBERS.exec(typed);
  if (numbers) return dayOfMonth(typed, Number(numbers[1]), Number(numbers[2]), base.year, false);
  const dayFirst = DAY_MONTH.exec(typed);
  if (dayFirst) return named(typed, dayFirst[2]!, Number(dayFirst[1]), dayFirst[3], base.year);
  const monthFirst = MONTH_DAY.exec(typed);
  if (monthFirst) return named(typed, monthFirst[1]!, Number(monthFirst[2]), monthFirst[3], base.year);
  return { ok: false, problem: { code: 'invalid_date', message: calendarMessages.unreadableDate(typed) } };
}

function named(typed: string, monthWord: string, day: number, year: string | undefined, thisYear: number): Outcome<IsoDate> {
  const month = monthNumber(monthWord);
  if (month === 0) return { ok: false, problem: { code: 'invalid_date', message: calendarMessages.unknownMonth(typed, monthWord) } };
  return dayOfMonth(typed, month, day, year === undefined ? thisYear : Number(year), year !== undefined);
}

function dayOfMonth(typed: string, month: number, day: number, year: number, yearGiven: boolean): Outcome<IsoDate> {
  if (month < 1 || month > 12)
    return { ok: false, problem: { code: 'invalid_date', message: calendarMessages.unknownMonth(typed, String(month)) } };
  const monthName = MONTH_NAMES[month - 1]!;
  if (day < 1 || day > daysInMonth(2000, month)) {
    return {
      ok: false,
      problem: { code: 'invalid_date', message: calendarMessages.noSuchDayOfMonth(typed, monthName, daysInMonth(2000, month)) },
    };
  }
  if (month === 2 && day === 29 && !isLeapYear(year)) {
    return { ok: false, problem: { code: 'invalid_date', message: calendarMessages.noLeapDay(typed, year, yearGiven) } };
  }
  return parseIsoDate(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

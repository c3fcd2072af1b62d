import type { Outcome } from '../user-error.js';
import { calendarMessages, MONTH_NAMES } from './calendar-messages.js';

export interface IsoDate {
  /** Normalised `YYYY-MM-DD`. */
  date: string;
  year: number;
  month: number;
  day: number;
}

/** True in Gregorian leap years. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a 1-based month of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Reads a strict `YYYY-MM-DD` calendar date; impossible days (2023-02-30) are a problem, not a rollover. */
export function parseIsoDate(text: string): Outcome<IsoDate> {
  const trimmed = text.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (!match) return { ok: false, problem: { code: 'invalid_date', message: calendarMessages.notIsoDate(trimmed) } };
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) return { ok: false, problem: { code: 'invalid_date', message: calendarMessages.noSuchMonth(trimmed) } };
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    return {
      ok: false,
      problem: { code: 'invalid_date', message: calendarMessages.noSuchDay(trimmed, MONTH_NAMES[month - 1] ?? '', year, days) },
    };
  }
  return { ok: true, date: trimmed, year, month, day };
}

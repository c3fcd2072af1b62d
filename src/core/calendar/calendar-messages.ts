/** Every user-facing sentence of "on this day", so wording changes in one place. */

/** English month names, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** `24 April 2026` from `2026-04-24`. */
export function formatLongDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${Number(day)} ${MONTH_NAMES[Number(month) - 1] ?? month} ${year}`;
}

/** `24 April` from `2026-04-24`. */
export function formatDayMonth(isoDate: string): string {
  const [, month, day] = isoDate.split('-');
  return `${Number(day)} ${MONTH_NAMES[Number(month) - 1] ?? month}`;
}

const DATE_FORMS = '2025-04-24, 04-24, 24 April, April 24, today, tomorrow or yesterday';

export const calendarMessages = {
  unreadableDate: (text: string) => `“${text}” is not a date I can read. Try ${DATE_FORMS}.`,
  unknownMonth: (text: string, month: string) =>
    `“${text}”: “${month}” is not a month. Use a month name such as April (or Apr), or a number from 01 to 12, e.g. 04-24.`,
  noSuchDayOfMonth: (text: string, monthName: string, days: number) => `“${text}” does not exist: ${monthName} has at most ${days} days.`,
  noLeapDay: (text: string, year: number, yearGiven: boolean) =>
    yearGiven
      ? `“${text}” does not exist: ${year} has no 29 February. Try a leap year, e.g. 2024-02-29.`
      : `${year} has no 29 February, so “${text}” needs a leap year, e.g. 2024-02-29.`,
  notIsoDate: (text: string) => `“${text}” is not a date I can read. Use YYYY-MM-DD, for example 2026-04-24.`,
  noSuchDay: (text: string, monthName: string, year: number, days: number) =>
    `“${text}” does not exist: ${monthName} ${year} has ${days} days. Use YYYY-MM-DD, for example ${year}-${text.slice(5, 7)}-${String(days).padStart(2, '0')}.`,
  noSuchMonth: (text: string) => `“${text}” has no month ${text.slice(5, 7)}. Months run from 01 to 12, for example 2026-04-24.`,
  unknownTimeZone: (zone: string) =>
    `“${zone}” is not a time zone I know. Use an IANA name such as Europe/London, Asia/Almaty or America/New_York.`,
  unknownTimeZoneWithSuggestions: (zone: string, suggestions: string[]) =>
    `“${zone}” is not a time zone I know. Did you mean ${suggestions.join(', ')}?`,
  yearsAgo: (years: number) => (years === 0 ? 'that very day' : years === 1 ? '1 year ago' : `${years} years ago`),
  daysAway: (days: number) =>
    days === 0 ? 'same day' : days > 0 ? `${days} day${days === 1 ? '' : 's'} later` : `${-days} day${days === -1 ? '' : 's'} earlier`,
  dateFieldNote: (field: 'eventDate' | 'publishedDate') => (field === 'eventDate' ? 'event date' : 'published date (no event date known)'),
  heading: (isoDate: string) => `On this day, ${formatLongDate(isoDate)}`,
  nothingOnThisDay: (isoDate: string) =>
    `Nothing in the readouts happened on ${formatDayMonth(isoDate)} in ${isoDate.slice(0, 4)} or earlier years.`,
  sameYearIntro: (isoDate: string) => `On ${formatLongDate(isoDate)} itself:`,
  earlierYearsIntro: 'In earlier years:',
  morePages: (shown: number, total: number) => `${shown} of ${total} shown.`,
  nothingNearby: (window: number) => `Nothing within ${window} day${window === 1 ? '' : 's'} either side either.`,
  nearestDays: (before: { date: string; days: number } | null, after: { date: string; days: number } | null) => {
    const days = (n: number) => `${Math.abs(n)} day${Math.abs(n) === 1 ? '' : 's'}`;
    const parts = [
      ...(before ? [`${formatLongDate(before.date)} (${days(before.days)} before)`] : []),
      ...(after ? [`${formatLongDate(after.date)} (${days(after.days)} after)`] : []),
    ];
    return parts.length > 0
      ? `The nearest days with readouts: ${parts.join(' and ')}.`
      : 'The corpus has no dated readouts yet: add documents (or .meta.json sidecars with "eventDate") to the seeds folder.';
  },
  nearestDayButton: (isoDate: string) => formatLongDate(isoDate),
  nearbyIntro: (window: number) => `Nearby anniversaries (within ${window} day${window === 1 ? '' : 's'}), not on this day:`,
  nearbyMarker: 'nearby',
  leapDayIntro: (year: number) => `${year} has no 29 February, so here is what happened on 29 February too:`,
  leapDayMarker: '29 February',
} as const;

import { isIsoDate, toIsoDate } from './calendar-date.js';
import { corpusMessages } from './corpus-messages.js';
import { DATELINE, EVENT_DATE_PATTERNS, MONTHS } from './date-patterns.js';

export interface DocumentDates {
  eventDate: string | null;
  publishedDate: string | null;
  warnings: string[];
  /** A dateline without a year (and no publication date to take it from), for the "add eventDate" advice when nothing else dates the document. */
  yearlessDateline: string | null;
}

interface Found {
  date: string;
  index: number;
  introduced: boolean;
}

/** Reads the event date from the lead ("On May 17, 2023", or a dateline's month and day with the publication year) and the publication date from the page chrome. */
export function extractDates(lead: string, publishedCandidates: readonly string[]): DocumentDates {
  const warnings: string[] = [];
  const yearless: { dateline: string | null } = { dateline: null };
  let publishedDate: string | null = null;
  for (const candidate of publishedCandidates) {
    if (isIsoDate(candidate)) {
      publishedDate = candidate;
      break;
    }
    warnings.push(corpusMessages.impossibleDate(candidate));
  }

  const found = fullDatesIn(lead);
  // "On <date>" names the day of the event; a date elsewhere in the lead may be a back-reference, so the dateline goes first.
  const introduced = found.find((f) => f.introduced);
  if (introduced) return { eventDate: introduced.date, publishedDate, warnings, yearlessDateline: null };
  const fromDateline = datelineDate(lead, publishedDate, warnings, yearless);
  if (fromDateline) return { eventDate: fromDateline, publishedDate, warnings, yearlessDateline: null };
  const eventDate = found[0]?.date ?? null;
  return { eventDate, publishedDate, warnings, yearlessDateline: eventDate ? null : yearless.dateline };
}

function fullDatesIn(text: string): Found[] {
  const found: Found[] = [];
  for (const { pattern, order } of EVENT_DATE_PATTERNS) {
    const global = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`);
    for (const match of text.matchAll(global)) {
      const month = Number(match[order.month]) || MONTHS.get((match[order.month] ?? '').toLowerCase()) || 0;
      const date = toIsoDate(Number(match[order.year]), month, Number(match[order.day]));
      if (!date) continue;
      const before = text.slice(Math.max(0, match.index - 40), match.index);
      found.push({ date, index: match.index, introduced: /\b[Oo]n\s+(?:the\s+\w+\s+of\s+)?$/.test(before) });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

function datelineDate(
  lead: string,
  publishedDate: string | null,
  warnings: string[],
  yearless: { dateline: string | null },
): string | null {
  const match = DATELINE.exec(lead);
  if (!match) return null;
  const month = MONTHS.get((match[2] ?? '').toLowerCase()) ?? 0;
  const day = Number(match[3]);
  if (match[4]) {
    // "ASTANA, March 3, 2025 (Xinhua) --": the dateline names its own year.
    const dated = toIsoDate(Number(match[4]), month, day);
    if (!dated) warnings.push(corpusMessages.impossibleDate(match[0].trim()));
    return dated;
  }
  if (!publishedDate) {
    // Advice, not a problem yet: a sidecar's eventDate or a date elsewhere in the lead may settle it.
    yearless.dateline = match[0].trim();
    return null;
  }
  const [year, publishedMonth, publishedDay] = publishedDate.split('-').map(Number) as [number, number, number];
  // A dateline later in the year than the publication date was written the year before (a December report published in January).
  const later = month > publishedMonth || (month === publishedMonth && day > publishedDay);
  const date = toIsoDate(later ? year - 1 : year, month, day);
  if (!date) warnings.push(corpusMessages.impossibleDate(match[0].trim()));
  return date;
}

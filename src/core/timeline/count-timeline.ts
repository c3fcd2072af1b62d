import type { MatchCounts } from '../search/search-types.js';
import { UserError } from '../user-error.js';
import { timelineMessages } from './timeline-messages.js';
import type { Timeline, TimelinePeriod, TimelineUnit } from './timeline-types.js';

/** More bars than this no longer read as a picture (20 years of months). */
export const MAX_PERIODS = 240;

type Counted = Extract<MatchCounts, { ok: true }>;

/**
 * Groups a query's matches per year or month. Every period between the first and the last (or the asked
 * `from`..`to`) gets a bar, empty ones included, so gaps show as gaps.
 */
export function countTimeline(
  counts: Counted,
  options: { query: string; by: TimelineUnit; from: string | null; to: string | null },
): Timeline {
  const { by, from, to } = options;
  const keyOf = (date: string) => (by === 'year' ? date.slice(0, 4) : date.slice(0, 7));
  const perPeriod = new Map<string, { documents: number; passages: number }>();
  const undated = { documents: 0, passages: 0 };
  for (const document of counts.documents) {
    if (!document.date) {
      undated.documents++;
      undated.passages += document.passages;
      continue;
    }
    const entry = perPeriod.get(keyOf(document.date)) ?? { documents: 0, passages: 0 };
    entry.documents++;
    entry.passages += document.passages;
    perPeriod.set(keyOf(document.date), entry);
  }
  const keys = [...perPeriod.keys()].sort();
  const first = from ? keyOf(from) : keys[0];
  const last = to ? keyOf(to) : keys[keys.length - 1];
  const periods: TimelinePeriod[] = [];
  if (first !== undefined && last !== undefined) {
    const span = periodsBetween(first, last, by);
    if (span > MAX_PERIODS) throw new UserError('timeline_too_long', timelineMessages.tooManyPeriods(span, by, MAX_PERIODS));
    for (let key: string | undefined = first; key !== undefined && key <= last; key = nextPeriod(key, by)) {
      const entry = perPeriod.get(key) ?? { documents: 0, passages: 0 };
      const start = maxDate(firstDay(key), from);
      const end = minDate(lastDay(key), to);
      periods.push({ period: key, from: start, to: end, ...entry, lookup: `${options.query} from:${start} to:${end}` });
    }
  }
  const documents = counts.documents.length;
  return {
    query: options.query,
    by,
    from,
    to,
    periods,
    total: { documents, passages: counts.total },
    undated,
    corrections: counts.corrections,
  };
}

function periodsBetween(first: string, last: string, by: TimelineUnit): number {
  const year = (key: string) => Number(key.slice(0, 4));
  if (by === 'year') return year(last) - year(first) + 1;
  const month = (key: string) => year(key) * 12 + Number(key.slice(5, 7)) - 1;
  return month(last) - month(first) + 1;
}

function nextPeriod(key: string, by: TimelineUnit): string {
  const year = Number(key.slice(0, 4));
  if (by === 'year') return String(year + 1).padStart(4, '0');
  const month = Number(key.slice(5, 7));
  return month === 12 ? `${String(year + 1).padStart(4, '0')}-01` : `${key.slice(0, 4)}-${String(month + 1).padStart(2, '0')}`;
}

function firstDay(key: string): string {
  return key.length === 4 ? `${key}-01-01` : `${key}-01`;
}

function lastDay(key: string): string {
  if (key.length === 4) return `${key}-12-31`;
  const days = new Date(Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)), 0)).getUTCDate();
  return `${key}-${String(days).padStart(2, '0')}`;
}

function maxDate(a: string, b: string | null): string {
  return b !== null && b > a ? b : a;
}

function minDate(a: string, b: string | null): string {
  return b !== null && b < a ? b : a;
}

import { isCalendarDate } from '../search/filter-documents.js';
import type { Outcome } from '../user-error.js';
import { timelineMessages } from './timeline-messages.js';

/**
 * `--from`/`--to` as calendar dates: `2023` and `2023-04` stand for their first day (`from`) or last day (`to`).
 */
export function timelineRange(from: string | undefined, to: string | undefined): Outcome<{ from: string | null; to: string | null }> {
  const start = from === undefined ? null : expand(from.trim(), 'from');
  const end = to === undefined ? null : expand(to.trim(), 'to');
  if (start === undefined) return { ok: false, problem: { code: 'bad_date', message: timelineMessages.badDate('from', from ?? '') } };
  if (end === undefined) return { ok: false, problem: { code: 'bad_date', message: timelineMessages.badDate('to', to ?? '') } };
  if (start !== null && end !== null && start > end) {
    return { ok: false, problem: { code: 'reversed_range', message: timelineMessages.reversedRange(from ?? '', to ?? '') } };
  }
  return { ok: true, from: start, to: end };
}

function expand(value: string, edge: 'from' | 'to'): string | undefined {
  let date = value;
  if (/^\d{4}$/.test(value)) date = edge === 'from' ? `${value}-01-01` : `${value}-12-31`;
  else if (/^\d{4}-\d{2}$/.test(value)) {
    const days = new Date(Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)), 0)).getUTCDate();
    date = edge === 'from' ? `${value}-01` : `${value}-${String(days).padStart(2, '0')}`;
  }
  return isCalendarDate(date) ? date : undefined;
}

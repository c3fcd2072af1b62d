import type { Timeline, TimelineUnit } from './timeline-types.js';

/** What a timeline says, worded once. */
export const timelineMessages = {
  badDate: (flag: 'from' | 'to', value: string) =>
    `--${flag} ${value} is not a date readout knows: use YYYY-MM-DD, YYYY-MM or YYYY (e.g. --${flag} 2023-04-01).`,
  reversedRange: (from: string, to: string) => `--from ${from} is after --to ${to}: swap them.`,
  tooManyPeriods: (count: number, by: TimelineUnit, max: number) =>
    `That range has ${count} ${by}s, more than the ${max} bars a timeline can draw: narrow it with --from and --to` +
    (by === 'month' ? ', or use --by year.' : '.'),
  nothing: (query: string) => `Nothing in the corpus matches “${query}”. Try fewer words, or /help lookup for filters.`,
  onlyUndated: (query: string, passages: number) =>
    `${passages} passages match “${query}”, but none of their documents has a date, so there is no timeline to draw.`,
  cliNeedsQuery: 'readout timeline needs a query, e.g. readout timeline trade --by month --png trade.png',
  pngNeedsFile: '--png needs a file name (a PNG is not for the terminal), e.g. --png timeline.png',
  title: (query: string, by: TimelineUnit) => `Passages per ${by} for “${query}”`,
  summary: (timeline: Timeline) =>
    `${timeline.total.passages} passages in ${timeline.total.documents} documents` +
    (timeline.undated.passages > 0 ? ` (${timeline.undated.passages} in undated documents, not shown)` : ''),
  openHint: (example: string) => `Open a period's passages with /lookup, e.g. /lookup ${example}`,
  periodCount: (period: string, passages: number, documents: number) =>
    `${period}: ${passages} ${passages === 1 ? 'passage' : 'passages'} in ${documents} ${documents === 1 ? 'document' : 'documents'}`,
};

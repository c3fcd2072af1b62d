/** Month names and their usual abbreviations, lower-cased, to month numbers. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ...['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].map(
    (name, i) => [name, i + 1] as const,
  ),
  ...['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((name, i) => [name, i + 1] as const),
  ['sept', 9],
]);

const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)';

/** A full date written in the text; `order` says which capture group holds what. */
export interface DatePattern {
  name: string;
  pattern: RegExp;
  order: { year: number; month: number; day: number };
}

/** Full dates an event lead may give ("On January 6, 2022", "On the afternoon of May 17, 2023", "6 January 2022", "2022-01-06"). Weekdays alone never count. */
export const EVENT_DATE_PATTERNS: readonly DatePattern[] = [
  {
    name: 'month day, year',
    pattern: new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`),
    order: { month: 1, day: 2, year: 3 },
  },
  {
    name: 'day month year',
    pattern: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})\\b`),
    order: { day: 1, month: 2, year: 3 },
  },
  { name: 'iso', pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/, order: { year: 1, month: 2, day: 3 } },
];

/**
 * A news dateline: `ASTANA, June 16 (Xinhua) --` or `ASTANA, March 3, 2025 (Xinhua) --`. Groups: place, month, day,
 * year (when written; else it comes from the publication date), source.
 */
export const DATELINE = new RegExp(
  `^([A-Z][A-Z.'\u2019 -]*[A-Z]),?\\s+${MONTH}\\.?\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?\\s*(?:\\(([^)\\n]{1,40})\\))?\\s*(?:--|\u2014|\u2013|-|:)\\s*`,
);

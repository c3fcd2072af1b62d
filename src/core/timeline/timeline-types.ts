/** How a timeline groups documents: by calendar year (`2023`) or month (`2023-04`). */
export type TimelineUnit = 'year' | 'month';

/** One bar: a period with its matching documents and passages, and the lookup that lists them. */
export interface TimelinePeriod {
  /** `2023` or `2023-04`. */
  period: string;
  /** First and last day of the period (clipped to the asked range), `YYYY-MM-DD`. */
  from: string;
  to: string;
  documents: number;
  passages: number;
  /** The `/lookup` arguments that list this period's passages. */
  lookup: string;
}

/** Matches of a query counted per period: what `/timeline` draws and `--json` prints. */
export interface Timeline {
  query: string;
  by: TimelineUnit;
  from: string | null;
  to: string | null;
  periods: TimelinePeriod[];
  total: { documents: number; passages: number };
  /** Matches in documents with no date, which no bar can show. */
  undated: { documents: number; passages: number };
  corrections: { from: string; to: string }[];
}

import type { Quote } from '../quotes/quote-types.js';

/** The text shown for an item: the document's strongest quote, else its lead sentence. */
export interface OnThisDayLead {
  kind: 'quote' | 'lead';
  text: string;
  /** Canonical speaker for quotes; null for lead sentences. */
  speaker: string | null;
  /** 0-based paragraph the text comes from, for the citation. */
  paragraph: number;
  /** For quotes: whether `text` is the speaker's own words, and whether it names the speaker itself (see `Quote.shown`). */
  speech?: 'direct' | 'indirect';
  namesSpeaker?: boolean;
}

/** A document whose date falls on the asked month and day, in the asked year or an earlier one. */
export interface OnThisDayItem {
  docId: string;
  title: string;
  /** The date used for matching (the event date, else the published date). */
  eventDate: string;
  dateField: 'eventDate' | 'publishedDate';
  /** Whole years between the document's date and the asked date; 0 for the asked date itself. */
  yearsAgo: number;
  place: string | null;
  source: string | null;
  lead: OnThisDayLead | null;
  /** Set on 29 February items added to a 28 February of a non-leap year. */
  leapDay?: true;
}

/** A document whose anniversary falls within the window but not on the day itself. */
export interface NearbyItem extends OnThisDayItem {
  nearby: true;
  /** The anniversary date this item stands for, in the asked year or the one next to it. */
  anniversary: string;
  /** Signed days from the asked date to the anniversary: negative = before. */
  daysAway: number;
}

export interface OnThisDay {
  /** The asked date, `YYYY-MM-DD`. */
  date: string;
  window: number;
  /** Exact matches, most recent year first. */
  items: OnThisDayItem[];
  /** Only filled when `items` is empty: anniversaries within the window, closest first. */
  nearby: NearbyItem[];
  /**
   * Only when nothing is on the day or within the window: the closest dates before and after the asked one
   * on which a readout's anniversary falls, so an empty day is never a dead end.
   */
  nearest?: { before: NearestDay | null; after: NearestDay | null };
}

/** A date with at least one readout anniversary, and how many days it is from the asked date. */
export interface NearestDay {
  date: string;
  days: number;
}

export interface OnThisDayOptions {
  /** The asked date, `YYYY-MM-DD` (already validated, e.g. by `parseIsoDate`). */
  date: string;
  /** Days either side for nearby anniversaries; default 7. */
  window?: number;
  /** On 28 February of a non-leap year, also list 29 February items (flagged `leapDay`). The digest turns this on. */
  includeLeapDay?: boolean;
  /** The strongest quote of a document, when a quote book is available. */
  strongestQuote?: (docId: string) => Quote | undefined;
}

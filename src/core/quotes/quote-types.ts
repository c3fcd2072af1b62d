import type { Outcome } from '../user-error.js';
import type { TextRange } from './read-statement.js';

/** Why a sentence was attributed to its speaker. */
export interface QuoteCue {
  /** The reporting verb or phrase, e.g. `said`, `pointed out`, `expressed`. */
  verb: string;
  /** Where the attribution stands relative to the statement. */
  position: 'before' | 'after' | 'middle' | 'continuation';
  /** The words that named the speaker: `Xi`, `He`, `The Chinese president`. */
  speakerText: string;
}

/** A statement with its speaker and provenance. */
export interface Quote {
  /** Stable id: `<docId>:p<paragraph>:s<sentence>`. */
  id: string;
  /** Canonical speaker name from the people table. */
  speaker: string;
  /** The whole sentence, as in the document (for scripts and citations). */
  text: string;
  /**
   * What the speaker said: `text` without dateline, attribution clause or reporting verb, as the source's
   * words only; pieces the attribution separates are joined by " … ".
   */
  statement: string;
  /** Each piece of `statement` as a character range of the document's raw text. */
  statementSpans: TextRange[];
  /** `direct`: the speaker's own words (shown in quotation marks); `indirect`: reported speech, shown as reported. */
  speech: 'direct' | 'indirect';
  /** What every surface shows: see `ShownQuote` (the source's words, insertions in [brackets], cuts as " … "). */
  shown: string;
  /** Whether `shown` names the speaker itself; when not, renderers name them once, outside the quoted words. */
  namesSpeaker: boolean;
  docId: string;
  eventDate: string | null;
  paragraph: number;
  sentence: number;
  /** Character offsets into the document's raw text. */
  start: number;
  end: number;
  cue: QuoteCue;
}

export interface SpeakerCount {
  speaker: string;
  count: number;
}

export type SpeakerQuotes = Outcome<{ speaker: string; quotes: Quote[] }>;

export interface QuoteBook {
  all(): Quote[];
  byId(id: string): Quote | undefined;
  /** Fuzzy speaker lookup; unknown speakers get suggestions, known ones with no quotes get a problem saying so. */
  bySpeaker(name: string): SpeakerQuotes;
  /** Quotes whose text matches the topic, best first, optionally for one speaker. */
  about(topic: string, speaker?: string): Outcome<{ quotes: Quote[] }>;
  /** A fair draw over the quotes (optionally one speaker's), using the given random source in [0, 1). */
  random(random: () => number, speaker?: string): Quote | undefined;
  speakers(): SpeakerCount[];
  /** The strongest quote of a document (for "on this day"), if any. */
  strongestIn(docId: string): Quote | undefined;
  /** One document's quotes in text order; extracts only that document when the book is not complete yet. */
  inDocument(docId: string): Quote[];
}

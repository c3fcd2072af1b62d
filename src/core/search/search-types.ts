import type { Outcome } from '../user-error.js';

export interface SearchOptions {
  /** Hits per page (default 5, at most 50). */
  limit?: number;
  /** Hits to skip, for "More results". */
  offset?: number;
  /** Only this document (id or unique id prefix): the passages behind "N more in this document". */
  doc?: string;
}

/** One matching paragraph. */
export interface SearchHit {
  docId: string;
  title: string;
  eventDate: string | null;
  place: string | null;
  source: string | null;
  /** 0-based index into the document's paragraphs. */
  paragraph: number;
  /** Bounded excerpt of the paragraph, cut at word boundaries. */
  snippet: string;
  /** [start, end) character ranges of matched words within `snippet`. */
  highlights: [number, number][];
  score: number;
  /** Matching passages of this document that this page and the earlier ones leave out (`--doc ID` lists them). */
  moreInDocument: number;
}

export type SearchResult = Outcome<{
  query: string;
  total: number;
  hits: SearchHit[];
  /** Query words that were corrected against the vocabulary. */
  corrections: { from: string; to: string }[];
  /** Query words (folded) that no matching passage holds: the results are about the other words. */
  unmatched: string[];
  /** Acronyms and long forms searched as one term: `{from: "sgr", to: ["Standard Gauge Railway"]}`. */
  expansions: { from: string; to: string[] }[];
  /** For "what did Ruto say about …": the speaker whose quoted passages rank first. */
  speaker?: string;
}>;

export interface SearchEngineHooks {
  /** The passages (document id and 0-based paragraph) where a person is quoted, for "what did X say" lookups. */
  quotedPassages?: (speaker: string) => Iterable<{ docId: string; paragraph: number }>;
}

/** How many passages of each document match a query: what a timeline counts (the same matches as `search`'s total). */
export type MatchCounts = Outcome<{
  query: string;
  /** Matching passages in all, as `search` reports in `total`. */
  total: number;
  /** Documents with at least one matching passage, in corpus order. */
  documents: { docId: string; date: string | null; passages: number }[];
  corrections: { from: string; to: string }[];
}>;

export interface SearchEngine {
  search(query: string, options?: SearchOptions): SearchResult;
  /** Every match of a query counted per document, for timelines; bad queries fail as in `search`. */
  countMatches(query: string): MatchCounts;
  /** Fuzzy suggestions for an option value, for autocomplete (names, countries, places, document ids/titles). */
  suggest(kind: 'person' | 'country' | 'place' | 'document', prefix: string, limit?: number): string[];
  /** Builds now what is otherwise built on first use (the spelling corrector, the autocomplete lists). */
  prepare?(): void;
}

import type { InvertedIndex } from './build-inverted-index.js';
import { MAX_PAIR_COST, measureProximity } from './measure-proximity.js';
import type { QueryWord } from './score-passages.js';
import { selectTop } from './select-top.js';

/** Proximity is measured for at most this many of the best passages (by words, then BM25), or four pages if more. */
const PROXIMITY_CANDIDATES = 200;
/** Passages of one document on one page before the rest wait behind "N more in this document". */
export const PER_DOCUMENT = 2;
/** Weight of one matched query word in a rank key. */
export const WORDS_TIER = 100_000_000;
/** Weight of a preferred passage (the asked speaker is quoted in it): above any number of words (at most 32). */
export const PREFERRED_TIER = 100 * WORDS_TIER;

export interface RankInput {
  index: InvertedIndex;
  count: number;
  passages: Uint32Array;
  /** Words tier × 10,000 + BM25, from the scorer; rewritten in place with proximity folded in. */
  keys: Float64Array;
  documentOf: Uint32Array;
  words: readonly QueryWord[];
  gaps: readonly number[];
  offset: number;
  limit: number;
  /** Diversify (at most PER_DOCUMENT per document per page); off when one document is asked for. */
  diversify: boolean;
  /** Positions (into the scored arrays) that rank above all others: passages quoting the asked speaker. */
  preferred?: ReadonlySet<number>;
}

export interface RankedEntry {
  /** Position into the scored arrays. */
  at: number;
  /** Matching passages of the same document that are neither on this page nor on an earlier one. */
  moreInDocument: number;
}

/**
 * One order for all matching passages, across documents: the number of distinct query words, then
 * proximity (adjacent and in order beats scattered), then BM25. Then pages of `limit` are filled best
 * first with at most PER_DOCUMENT passages of a document each, as Elasticsearch's field collapsing
 * keeps inner hits behind their group; a held-back passage leads the next page. Every passage still
 * appears exactly once across the pages, so totals and offsets stay exact.
 */
export function rankPassages(input: RankInput): RankedEntry[] {
  const { count, keys, offset, limit } = input;
  if (count === 0 || limit <= 0) return [];
  foldProximity(input);
  const needed = offset + limit;
  let depth = Math.min(count, input.diversify ? needed * 4 + 100 : needed);
  for (;;) {
    const ranked = selectTop(count, (i) => keys[i]!, depth);
    const sequence = input.diversify ? fillPages(ranked, input, needed, depth === count) : ranked.slice(0, needed);
    if (sequence) return withRemainders(sequence, input);
    // A few documents hold all of the best passages: look deeper, not at once at everything.
    depth = Math.min(count, depth * 4);
  }
}

/**
 * Rewrites the best candidates' keys as words × 10^8 + closeness × 10^4 + BM25 (closeness is at most
 * 8 × 31 + 1 and BM25 stays far below 10^4, so no rule spills into the one above); the others keep closeness 0.
 */
function foldProximity({ index, count, passages, keys, words, gaps, offset, limit, preferred }: RankInput): void {
  const worst = MAX_PAIR_COST * Math.max(1, words.length - 1) + 1;
  const candidates = words.length >= 2 ? selectTop(count, (i) => keys[i]!, Math.max(PROXIMITY_CANDIDATES, 4 * (offset + limit))) : [];
  const isCandidate = new Set(candidates);
  for (let i = 0; i < count; i++) {
    const tier = Math.floor(keys[i]! / 10_000);
    const bm25 = keys[i]! - tier * 10_000;
    const closeness = isCandidate.has(i) ? worst - measureProximity(index, passages[i]!, words, gaps) : 0;
    keys[i] = (preferred?.has(i) ? PREFERRED_TIER : 0) + tier * WORDS_TIER + closeness * 10_000 + bm25;
  }
}

/**
 * The first `needed` entries of the diversified order, or null when the `ranked` prefix ran out before
 * the pages were filled and is not the whole list (the caller then ranks everything).
 */
function fillPages(ranked: number[], input: RankInput, needed: number, complete: boolean): number[] | null {
  const { passages, documentOf, limit } = input;
  const documentAt = (i: number) => documentOf[passages[i]!]!;
  const sequence: number[] = [];
  let waiting: number[] = [];
  let next = 0;
  let onPage = new Map<number, number>();
  while (sequence.length < needed) {
    if (sequence.length % limit === 0) onPage = new Map();
    const fits = (i: number) => (onPage.get(documentAt(i)) ?? 0) < PER_DOCUMENT;
    const chosen = waiting.findIndex(fits);
    let pick: number | undefined;
    if (chosen >= 0) {
      pick = waiting[chosen]!;
      waiting = waiting.filter((_, at) => at !== chosen);
    } else {
      while (next < ranked.length && !fits(ranked[next]!)) waiting.push(ranked[next++]!);
      if (next < ranked.length) pick = ranked[next++]!;
      else if (!complete) return null;
      else if (waiting.length > 0) {
        // Only documents already full on this page are left: fill the page with them rather than end it short.
        pick = waiting.shift()!;
      } else break;
    }
    sequence.push(pick);
    onPage.set(documentAt(pick), (onPage.get(documentAt(pick)) ?? 0) + 1);
  }
  return sequence;
}

/** The page of the full sequence, each entry with how many of its document's matches no page so far has shown. */
function withRemainders(sequence: number[], { count, passages, documentOf, offset }: RankInput): RankedEntry[] {
  const page = sequence.slice(offset);
  const documentAt = (i: number) => documentOf[passages[i]!]!;
  const remaining = new Map<number, number>();
  for (const i of page) remaining.set(documentAt(i), 0);
  for (let i = 0; i < count; i++) {
    const seen = remaining.get(documentAt(i));
    if (seen !== undefined) remaining.set(documentAt(i), seen + 1);
  }
  for (const i of sequence) {
    const left = remaining.get(documentAt(i));
    if (left !== undefined) remaining.set(documentAt(i), left - 1);
  }
  return page.map((at) => ({ at, moreInDocument: remaining.get(documentAt(at))! }));
}

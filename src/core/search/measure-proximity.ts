import type { InvertedIndex } from './build-inverted-index.js';
import { postingOf } from './match-phrase-positions.js';
import type { QueryWord } from './score-passages.js';

/** Cost of one pair of query words that stand far apart, reversed, or not both in the passage. */
export const MAX_PAIR_COST = 8;

/**
 * How far apart a passage holds the query's words, as a cost (0 = adjacent and in the query's order):
 * for each pair of consecutive query words, the smallest difference between their distance in the
 * passage and their distance in the query, one more when reversed, capped at MAX_PAIR_COST, summed.
 * Like Meilisearch's proximity rule, it reads the stored word positions, never the text.
 */
export function measureProximity(index: InvertedIndex, passage: number, words: readonly QueryWord[], queryGaps: readonly number[]): number {
  if (words.length < 2) return 0;
  const positions = words.map((word) => positionsOf(index, passage, word));
  let cost = 0;
  for (let i = 0; i + 1 < words.length; i++) {
    const left = positions[i]!;
    const right = positions[i + 1]!;
    if (left.length === 0 || right.length === 0) {
      cost += MAX_PAIR_COST;
      continue;
    }
    const expected = Math.max(1, queryGaps[i] ?? 1);
    let best = MAX_PAIR_COST;
    for (const a of left) {
      for (const b of right) {
        const gap = b - a;
        const pair = gap > 0 ? Math.abs(gap - expected) : -gap + expected + 1;
        if (pair < best) best = pair;
      }
    }
    cost += best;
  }
  return cost;
}

/** Positions of any of a query word's terms in one passage, ascending. */
function positionsOf(index: InvertedIndex, passage: number, word: QueryWord): number[] {
  const found: number[] = [];
  for (const { termId } of word.variants) {
    const at = postingOf(index, termId, passage);
    if (at < 0) continue;
    const end = index.positionOffsets[at + 1]!;
    for (let p = index.positionOffsets[at]!; p < end; p++) found.push(index.positions[p]!);
  }
  return found.length > 1 ? found.sort((a, b) => a - b) : found;
}

/**
 * Distance between each query word and the next in the typed query, stopwords counted, so "belt and
 * road" expects `road` two positions after `belt` just as the index stores "Belt and Road".
 */
export function queryGaps(typed: readonly string[], words: readonly string[]): number[] {
  const at = words.map((word) => typed.indexOf(word));
  const gaps: number[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const a = at[i]!;
    const b = at[i + 1]!;
    gaps.push(a >= 0 && b > a ? b - a : 1);
  }
  return gaps;
}

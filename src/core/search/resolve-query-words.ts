import type { InvertedIndex } from './build-inverted-index.js';
import type { VocabularyCorrector } from './correct-word.js';
import type { QueryWord } from './score-passages.js';

/** Weight of a corrected word relative to the exact word (1), by edit distance: exact words rank above fuzzy ones. */
const CORRECTION_WEIGHT = [1, 0.6, 0.4];

/** An exact word in at most this many passages may be a typo of a more common neighbour... */
const RARE_PASSAGES = 2;
/** ...when that neighbour is in at least this many times more passages. */
const COMMON_FACTOR = 3;

function documentFrequency(index: InvertedIndex, termId: number): number {
  return index.offsets[termId + 1]! - index.offsets[termId]!;
}

export interface ResolvedWords {
  words: QueryWord[];
  /** For each query word, the index terms that count as it (for highlighting and phrase checks). */
  terms: Set<string>[];
  corrections: { from: string; to: string }[];
}

/** Maps folded query words to index terms: the exact term when the vocabulary has it, else its closest corrections. */
export function resolveQueryWords(index: InvertedIndex, corrector: VocabularyCorrector, words: readonly string[]): ResolvedWords {
  const resolved: ResolvedWords = { words: [], terms: [], corrections: [] };
  for (const word of words) {
    const exact = index.termIds.get(word);
    if (exact !== undefined) {
      const variants = [{ termId: exact, weight: 1 }];
      // A word the corpus holds only once or twice may itself be a typo in a web capture ("Tokaev" next
      // to many "Tokayev"): then the common neighbour counts too, weighted below the exact word.
      const df = documentFrequency(index, exact);
      if (df <= RARE_PASSAGES) {
        for (const { termId, distance } of corrector.correct(word, exact)) {
          if (documentFrequency(index, termId) >= COMMON_FACTOR * df) variants.push({ termId, weight: CORRECTION_WEIGHT[distance] ?? 0.3 });
        }
      }
      resolved.words.push({ variants });
      resolved.terms.push(new Set(variants.map(({ termId }) => index.terms[termId]!)));
      continue;
    }
    const candidates = corrector.correct(word);
    resolved.words.push({
      variants: candidates.map(({ termId, distance }) => ({ termId, weight: CORRECTION_WEIGHT[distance] ?? 0.3 })),
    });
    resolved.terms.push(new Set(candidates.map(({ termId }) => index.terms[termId]!)));
    const best = candidates[0];
    if (best) resolved.corrections.push({ from: word, to: index.terms[best.termId]! });
  }
  return resolved;
}

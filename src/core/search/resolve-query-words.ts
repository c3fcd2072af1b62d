import type { InvertedIndex } from './build-inverted-index.js';
import type { VocabularyCorrector } from './correct-word.js';
import type { QueryWord } from './score-passages.js';

/** Weight of a corrected word relative to the exact word (1), by edit distance: exact words rank above fuzzy ones. */
const CORRECTION_WEIGHT = [1, 0.6, 0.4];

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
      resolved.words.push({ variants: [{ termId: exact, weight: 1 }] });
      resolved.terms.push(new Set([word]));
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

import { buildInvertedIndex } from './build-inverted-index.js';
import { createVocabularyCorrector } from './correct-word.js';
import { MAX_QUERY_WORDS } from './parse-query.js';
import { resolveQueryWords } from './resolve-query-words.js';
import { countBits, createPassageScorer } from './score-passages.js';
import { selectTop } from './select-top.js';
import { isStopword } from './stopwords.js';
import { tokenTerms } from './tokenize.js';

export interface TextIndex {
  /** Items matching the query's words (typos corrected), best first; score = words matched + BM25 in [0, 1). */
  match(query: string, limit?: number): { id: string; score: number }[];
}

/**
 * A small passage index over arbitrary texts (quotes, titles) with the search engine's tokenizer,
 * vocabulary correction and BM25, so topic matching behaves exactly like lookups.
 */
export function createTextIndex(items: readonly { id: string; text: string }[]): TextIndex {
  const index = buildInvertedIndex(items.length, (at) => items[at]?.text ?? '');
  const corrector = createVocabularyCorrector(index.terms, (termId) => index.offsets[termId + 1]! - index.offsets[termId]!);
  const scorer = createPassageScorer(index);

  return {
    match(query, limit = 10) {
      const words: string[] = [];
      for (const term of tokenTerms(query.slice(0, 2000))) {
        if (!isStopword(term) && !words.includes(term) && words.length < MAX_QUERY_WORDS) words.push(term);
      }
      if (words.length === 0 || limit <= 0) return [];
      const resolved = resolveQueryWords(index, corrector, words);
      const scored = scorer.score(resolved.words);
      const score = (i: number) => {
        const bm25 = scored.scores[i]!;
        return countBits(scored.masks[i]!) + bm25 / (bm25 + 10);
      };
      return selectTop(scored.count, (i) => scored.keys[i]!, limit).map((i) => ({
        id: items[scored.passages[i]!]!.id,
        score: Math.round(score(i) * 1000) / 1000,
      }));
    },
  };
}

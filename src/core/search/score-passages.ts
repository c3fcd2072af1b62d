import type { InvertedIndex } from './build-inverted-index.js';

/** One query word and the vocabulary terms that stand for it (the exact term, or corrections weighted lower). */
export interface QueryWord {
  variants: { termId: number; weight: number }[];
}

/** Passages that matched at least one query word: parallel arrays, in no particular order. */
export interface ScoredPassages {
  count: number;
  passages: Uint32Array;
  /** BM25 sum over the matched words. */
  scores: Float64Array;
  /** Bit i set when query word i matched (at most 32 words). */
  masks: Uint32Array;
}

const K1 = 1.2;
const B = 0.75;

/** Inverse document frequency of BM25, never negative. */
export function inverseDocumentFrequency(index: InvertedIndex, termId: number): number {
  const df = index.offsets[termId + 1]! - index.offsets[termId]!;
  return Math.log(1 + (index.passageCount - df + 0.5) / (df + 0.5));
}

export interface PassageScorer {
  /** Scores every passage that holds a query word; `allowedGroups` (one byte per group, e.g. per document) restricts them. */
  score(words: readonly QueryWord[], allowedGroups?: Uint8Array | null): ScoredPassages;
}

/**
 * BM25 accumulation over posting lists into scratch arrays allocated once per index: a query touches
 * only the passages in its posting lists, so its cost follows the rarity of its words, not corpus size.
 */
export function createPassageScorer(index: InvertedIndex, groupOf?: Uint32Array): PassageScorer {
  const n = index.passageCount;
  const scores = new Float64Array(n);
  const masks = new Uint32Array(n);
  const touched = new Uint32Array(n);

  return {
    score(words, allowedGroups) {
      const allowed = allowedGroups && groupOf ? allowedGroups : null;
      let touchedCount = 0;
      words.forEach((word, bit) => {
        const flag = (1 << bit) >>> 0;
        // Strongest variant first, so a passage holding both the exact word and a correction scores the exact one.
        for (const { termId, weight } of word.variants) {
          const idf = inverseDocumentFrequency(index, termId) * weight;
          const end = index.offsets[termId + 1]!;
          for (let at = index.offsets[termId]!; at < end; at++) {
            const passage = index.postings[at]!;
            if (allowed && allowed[groupOf![passage]!] === 0) continue;
            const mask = masks[passage]!;
            if ((mask & flag) !== 0) continue;
            if (mask === 0) touched[touchedCount++] = passage;
            const tf = index.freqs[at]!;
            const norm = K1 * (1 - B + (B * index.lengths[passage]!) / (index.averageLength || 1));
            scores[passage] = scores[passage]! + (idf * tf * (K1 + 1)) / (tf + norm);
            masks[passage] = (mask | flag) >>> 0;
          }
        }
      });
      const result: ScoredPassages = {
        count: touchedCount,
        passages: touched.slice(0, touchedCount),
        scores: new Float64Array(touchedCount),
        masks: new Uint32Array(touchedCount),
      };
      for (let i = 0; i < touchedCount; i++) {
        const passage = touched[i]!;
        result.scores[i] = scores[passage]!;
        result.masks[i] = masks[passage]!;
        scores[passage] = 0;
        masks[passage] = 0;
      }
      return result;
    },
  };
}

/** Number of set bits: how many distinct query words a passage matched. */
export function countBits(mask: number): number {
  let v = mask - ((mask >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Rank key: passages matching more distinct query words come first, BM25 orders within a tier. */
export function rankKey(score: number, mask: number): number {
  return countBits(mask) * 10_000 + score;
}

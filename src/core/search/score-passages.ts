import type { InvertedIndex } from './build-inverted-index.js';

/** One query word and the vocabulary terms that stand for it (the exact term, or corrections weighted lower). */
export interface QueryWord {
  variants: { termId: number; weight: number }[];
}

/**
 * Passages that matched at least one query word: parallel arrays, ascending by passage. The arrays are
 * views into buffers the scorer reuses, valid until its next call (a query allocates almost nothing,
 * which keeps garbage collection out of query latency on big heaps).
 */
export interface ScoredPassages {
  count: number;
  passages: Uint32Array;
  /** BM25 sum over the matched words. */
  scores: Float64Array;
  /** Bit i set when query word i matched (at most 32 words). */
  masks: Uint32Array;
  /** Rank key (see rankKey): higher ranks first. */
  keys: Float64Array;
}

const K1 = 1.2;
const B = 0.75;
/** Up to this many posting lists are merged in passage order; more fall back to scattered accumulation. */
const MERGE_LISTS = 8;

/** Inverse document frequency of BM25, never negative. */
export function inverseDocumentFrequency(index: InvertedIndex, termId: number): number {
  const df = index.offsets[termId + 1]! - index.offsets[termId]!;
  return Math.log(1 + (index.passageCount - df + 0.5) / (df + 0.5));
}

export interface PassageScorer {
  /** Scores every passage that holds a query word; `allowedGroups` (one byte per group, e.g. per document) restricts them. */
  score(words: readonly QueryWord[], allowedGroups?: Uint8Array | null): ScoredPassages;
}

/** One posting list to walk: its range, the query word's bit and the variant's weighted idf. */
interface List {
  at: number;
  end: number;
  flag: number;
  idf: number;
}

/**
 * BM25 over posting lists. A query's cost follows the length of its posting lists, not the corpus.
 * Short queries merge their (ascending) lists in passage order, which reads memory sequentially and
 * yields passages already sorted; long queries accumulate into scratch arrays allocated once.
 */
export function createPassageScorer(index: InvertedIndex, groupOf?: Uint32Array): PassageScorer {
  let scratch: { scores: Float64Array; masks: Uint32Array; touched: Uint32Array } | null = null;
  let out = { passages: new Uint32Array(1024), scores: new Float64Array(1024), masks: new Uint32Array(1024), keys: new Float64Array(1024) };
  const outputFor = (capacity: number) => {
    if (out.passages.length < capacity) {
      const size = Math.max(capacity, out.passages.length * 2);
      out = { passages: new Uint32Array(size), scores: new Float64Array(size), masks: new Uint32Array(size), keys: new Float64Array(size) };
    }
    return out;
  };
  const norm = (passage: number) => K1 * (1 - B + (B * index.lengths[passage]!) / (index.averageLength || 1));

  const listsOf = (words: readonly QueryWord[]): List[] => {
    const lists: List[] = [];
    words.forEach((word, bit) => {
      // Strongest variant first, so a passage holding both the exact word and a correction scores the exact one.
      for (const { termId, weight } of word.variants) {
        lists.push({
          at: index.offsets[termId]!,
          end: index.offsets[termId + 1]!,
          flag: (1 << bit) >>> 0,
          idf: inverseDocumentFrequency(index, termId) * weight,
        });
      }
    });
    return lists;
  };

  const merge = (lists: List[], allowed: Uint8Array | null): ScoredPassages => {
    let capacity = 0;
    for (const list of lists) capacity += list.end - list.at;
    const { passages, scores, masks, keys } = outputFor(capacity);
    let count = 0;
    for (;;) {
      let next = 0xffffffff;
      for (const list of lists) if (list.at < list.end && index.postings[list.at]! < next) next = index.postings[list.at]!;
      if (next === 0xffffffff) break;
      let score = 0;
      let mask = 0;
      const keep = !allowed || allowed[groupOf![next]!] === 1;
      for (const list of lists) {
        if (list.at >= list.end || index.postings[list.at] !== next) continue;
        if (keep && (mask & list.flag) === 0) {
          const tf = index.freqs[list.at]!;
          score += (list.idf * tf * (K1 + 1)) / (tf + norm(next));
          mask = (mask | list.flag) >>> 0;
        }
        list.at++;
      }
      if (!keep) continue;
      passages[count] = next;
      scores[count] = score;
      masks[count] = mask;
      keys[count] = rankKey(score, mask);
      count++;
    }
    return view(count, passages, scores, masks, keys);
  };

  const accumulate = (lists: List[], allowed: Uint8Array | null): ScoredPassages => {
    const n = index.passageCount;
    scratch ??= { scores: new Float64Array(n), masks: new Uint32Array(n), touched: new Uint32Array(n) };
    const { scores, masks, touched } = scratch;
    let count = 0;
    for (const list of lists) {
      for (let at = list.at; at < list.end; at++) {
        const passage = index.postings[at]!;
        if (allowed && allowed[groupOf![passage]!] === 0) continue;
        const mask = masks[passage]!;
        if ((mask & list.flag) !== 0) continue;
        if (mask === 0) touched[count++] = passage;
        const tf = index.freqs[at]!;
        scores[passage] = scores[passage]! + (list.idf * tf * (K1 + 1)) / (tf + norm(passage));
        masks[passage] = (mask | list.flag) >>> 0;
      }
    }
    touched.subarray(0, count).sort();
    const output = outputFor(count);
    for (let i = 0; i < count; i++) {
      const passage = touched[i]!;
      output.passages[i] = passage;
      output.scores[i] = scores[passage]!;
      output.masks[i] = masks[passage]!;
      output.keys[i] = rankKey(scores[passage]!, masks[passage]!);
      scores[passage] = 0;
      masks[passage] = 0;
    }
    return view(count, output.passages, output.scores, output.masks, output.keys);
  };

  return {
    score(words, allowedGroups) {
      const allowed = allowedGroups && groupOf ? allowedGroups : null;
      const lists = listsOf(words);
      return lists.length <= MERGE_LISTS ? merge(lists, allowed) : accumulate(lists, allowed);
    },
  };
}

function view(count: number, passages: Uint32Array, scores: Float64Array, masks: Uint32Array, keys: Float64Array): ScoredPassages {
  return {
    count,
    passages: passages.subarray(0, count),
    scores: scores.subarray(0, count),
    masks: masks.subarray(0, count),
    keys: keys.subarray(0, count),
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

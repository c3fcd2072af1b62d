import { isStopword } from './stopwords.js';
import { tokenTerms } from './tokenize.js';

/**
 * Postings in compressed-sparse-row form: the passages of term t are
 * `postings[offsets[t] .. offsets[t + 1])`, ascending, with their term frequencies in `freqs`.
 * Typed arrays instead of one JS array per term keep a million passages in a few hundred MB.
 */
export interface InvertedIndex {
  terms: string[];
  termIds: Map<string, number>;
  offsets: Uint32Array;
  postings: Uint32Array;
  /** Term frequency in the passage, capped at 255. */
  freqs: Uint8Array;
  /** Indexed (non-stopword) words per passage, capped at 65535. */
  lengths: Uint16Array;
  /**
   * Word positions (stopwords counted) of posting i: `positions[positionOffsets[i] .. positionOffsets[i + 1])`,
   * ascending. Phrase queries check adjacency here instead of re-reading passage text.
   */
  positionOffsets: Uint32Array;
  positions: Uint32Array;
  passageCount: number;
  averageLength: number;
}

function grow<T extends Uint32Array | Uint8Array | Int32Array>(array: T, needed: number, make: (size: number) => T): T {
  if (needed <= array.length) return array;
  const bigger = make(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

/** Builds the inverted index over `count` passages whose text `textOf` returns. */
export function buildInvertedIndex(
  count: number,
  textOf: (passage: number) => string,
  onProgress?: (done: number, total: number) => void,
): InvertedIndex {
  const terms: string[] = [];
  // Term ids, plus stopwords mapped to -1 while building so one lookup answers both questions.
  const termIds = new Map<string, number>();
  // (term, tf) pairs in passage order; passage p owns pairs [pairEnd[p-1], pairEnd[p]).
  let pairTerm = new Uint32Array(1 << 16);
  let pairFreq = new Uint8Array(1 << 16);
  const pairEnd = new Uint32Array(count);
  let pairCount = 0;
  // Per-term scratch: the passage that last saw the term (plus one) and its pair slot.
  let lastSeen = new Int32Array(1 << 12);
  let slot = new Int32Array(1 << 12);
  const lengths = new Uint16Array(count);
  let totalLength = 0;
  // Positions in pair order: pair k owns positions [pairPositionStart[k], pairPositionStart[k] + pairOccurrences[k]).
  let pairOccurrences = new Uint32Array(1 << 16);
  let pairPositionStart = new Uint32Array(1 << 16);
  let positionBuffer = new Uint32Array(1 << 16);
  let positionCount = 0;
  let occurrencePair = new Uint32Array(256);
  let occurrencePosition = new Uint32Array(256);
  const progressStep = Math.max(1, Math.floor(count / 100));

  for (let passage = 0; passage < count; passage++) {
    const words = tokenTerms(textOf(passage));
    // Room for the worst case (every word new to this passage) once per passage, not per word.
    const room = pairCount + words.length;
    pairTerm = grow(pairTerm, room, (n) => new Uint32Array(n));
    pairFreq = grow(pairFreq, room, (n) => new Uint8Array(n));
    pairOccurrences = grow(pairOccurrences, room, (n) => new Uint32Array(n));
    pairPositionStart = grow(pairPositionStart, room, (n) => new Uint32Array(n));
    occurrencePair = grow(occurrencePair, words.length, (n) => new Uint32Array(n));
    occurrencePosition = grow(occurrencePosition, words.length, (n) => new Uint32Array(n));
    positionBuffer = grow(positionBuffer, positionCount + words.length, (n) => new Uint32Array(n));
    const firstPair = pairCount;
    let length = 0;
    let occurrences = 0;
    for (let position = 0; position < words.length; position++) {
      const word = words[position]!;
      let id = termIds.get(word);
      if (id === -1) continue;
      if (id === undefined) {
        if (isStopword(word)) {
          termIds.set(word, -1);
          continue;
        }
        id = terms.length;
        terms.push(word);
        termIds.set(word, id);
        lastSeen = grow(lastSeen, id + 1, (n) => new Int32Array(n));
        slot = grow(slot, id + 1, (n) => new Int32Array(n));
      }
      length++;
      if (lastSeen[id] !== passage + 1) {
        lastSeen[id] = passage + 1;
        slot[id] = pairCount;
        pairTerm[pairCount] = id;
        pairFreq[pairCount] = 1;
        pairOccurrences[pairCount] = 1;
        pairCount++;
      } else {
        const at = slot[id]!;
        if (pairFreq[at]! < 255) pairFreq[at]! += 1;
        pairOccurrences[at]! += 1;
      }
      occurrencePair[occurrences] = slot[id]!;
      occurrencePosition[occurrences] = position;
      occurrences++;
    }
    // Lay this passage's positions out pair by pair (each pair's positions stay ascending).
    for (let k = firstPair, next = positionCount; k < pairCount; k++) {
      pairPositionStart[k] = next;
      next += pairOccurrences[k]!;
      pairOccurrences[k] = 0;
    }
    for (let o = 0; o < occurrences; o++) {
      const k = occurrencePair[o]!;
      positionBuffer[pairPositionStart[k]! + pairOccurrences[k]!] = occurrencePosition[o]!;
      pairOccurrences[k]! += 1;
    }
    positionCount += occurrences;
    lengths[passage] = Math.min(length, 65535);
    totalLength += length;
    pairEnd[passage] = pairCount;
    if (onProgress && (passage + 1) % progressStep === 0) onProgress(passage + 1, count);
  }

  for (const [word, id] of termIds) if (id === -1) termIds.delete(word);

  // Counting sort of the pairs by term; walking passages in order keeps each posting list ascending.
  const offsets = new Uint32Array(terms.length + 1);
  for (let k = 0; k < pairCount; k++) offsets[pairTerm[k]! + 1]! += 1;
  for (let t = 0; t < terms.length; t++) offsets[t + 1]! += offsets[t]!;
  const cursor = offsets.slice(0, terms.length);
  const postings = new Uint32Array(pairCount);
  const freqs = new Uint8Array(pairCount);
  const pairAt = new Uint32Array(pairCount);
  let k = 0;
  for (let passage = 0; passage < count; passage++) {
    const end = pairEnd[passage]!;
    for (; k < end; k++) {
      const term = pairTerm[k]!;
      const at = cursor[term]!;
      postings[at] = passage;
      freqs[at] = pairFreq[k]!;
      pairAt[k] = at;
      cursor[term] = at + 1;
    }
  }
  // Move the positions from pair order into posting order.
  const positionOffsets = new Uint32Array(pairCount + 1);
  for (let pair = 0; pair < pairCount; pair++) positionOffsets[pairAt[pair]! + 1] = pairOccurrences[pair]!;
  for (let at = 0; at < pairCount; at++) positionOffsets[at + 1]! += positionOffsets[at]!;
  const positions = new Uint32Array(positionCount);
  for (let pair = 0; pair < pairCount; pair++) {
    // A plain loop: a subarray view per pair would allocate millions of short-lived objects.
    const from = pairPositionStart[pair]!;
    const to = positionOffsets[pairAt[pair]!]!;
    const length = pairOccurrences[pair]!;
    for (let i = 0; i < length; i++) positions[to + i] = positionBuffer[from + i]!;
  }
  onProgress?.(count, count);
  return {
    terms,
    termIds,
    offsets,
    postings,
    freqs,
    lengths,
    positionOffsets,
    positions,
    passageCount: count,
    averageLength: count > 0 ? totalLength / count : 0,
  };
}

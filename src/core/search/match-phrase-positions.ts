import type { InvertedIndex } from './build-inverted-index.js';

/** One word of a phrase: the terms that count as it, or null for a stopword (any word may stand there). */
export type PhraseSlot = readonly number[] | null;

/** Where posting (term, passage) sits, or -1: binary search in the term's ascending posting list. */
export function postingOf(index: InvertedIndex, termId: number, passage: number): number {
  let low = index.offsets[termId]!;
  let high = index.offsets[termId + 1]! - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = index.postings[middle]!;
    if (value === passage) return middle;
    if (value < passage) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

function hasPosition(index: InvertedIndex, terms: readonly number[], passage: number, position: number): boolean {
  for (const termId of terms) {
    const at = postingOf(index, termId, passage);
    if (at < 0) continue;
    const end = index.positionOffsets[at + 1]!;
    for (let p = index.positionOffsets[at]!; p < end; p++) if (index.positions[p] === position) return true;
  }
  return false;
}

/**
 * True when the passage holds the phrase's indexed words at consecutive positions (stopword slots
 * skipped: the caller checks those against the text when it must). Uses the stored word positions,
 * so a phrase over a million passages never re-reads text for the passages that fail.
 */
export function matchesPhrasePositions(index: InvertedIndex, passage: number, slots: readonly PhraseSlot[]): boolean {
  const anchor = slots.findIndex((slot) => slot !== null);
  if (anchor < 0) return true;
  for (const termId of slots[anchor]!) {
    const at = postingOf(index, termId, passage);
    if (at < 0) continue;
    const end = index.positionOffsets[at + 1]!;
    for (let p = index.positionOffsets[at]!; p < end; p++) {
      const start = index.positions[p]! - anchor;
      if (start < 0) continue;
      let all = true;
      for (let i = anchor + 1; i < slots.length && all; i++) {
        const slot = slots[i]!;
        if (slot !== null && !hasPosition(index, slot, passage, start + i)) all = false;
      }
      if (all) return true;
    }
  }
  return false;
}

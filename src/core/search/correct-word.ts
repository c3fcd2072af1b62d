import { boundedEditDistance } from './edit-distance.js';
import { countBits } from './score-passages.js';

/** A vocabulary term a query word may stand for, with how many edits away it is. */
export interface Correction {
  termId: number;
  distance: number;
}

export interface VocabularyCorrector {
  /** Closest vocabulary terms within the word's edit budget, best first (fewest edits, then most passages); `skip` is left out. */
  correct(word: string, skip?: number): Correction[];
}

/** Edits a query word may be away from a vocabulary term: 1 for 4-7 characters, 2 for 8 and more. */
export function editBudget(word: string): number {
  if (word.length >= 8) return 2;
  if (word.length >= 4) return 1;
  return 0;
}

const MAX_ALTERNATIVES = 3;
const NUMERIC = /^\p{N}+$/u;

/**
 * Shards the vocabulary by (first letter, length) and by (last letter, length): a word with at most two
 * edits keeps its first or its last letter in nearly every real typo, and its length moves by at most
 * the budget, so a lookup scans a few hundred terms with a bounded edit distance instead of all of them.
 */
export function createVocabularyCorrector(terms: readonly string[], documentFrequency: (termId: number) => number): VocabularyCorrector {
  const shards = new Map<string, number[]>();
  const add = (key: string, id: number) => {
    const shard = shards.get(key);
    if (shard) shard.push(id);
    else shards.set(key, [id]);
  };
  terms.forEach((term, id) => {
    if (term.length < 3 || NUMERIC.test(term)) return;
    add(`^${term[0]}${term.length}`, id);
    add(`$${term[term.length - 1]}${term.length}`, id);
  });
  const masks = new Uint32Array(terms.length);
  terms.forEach((term, id) => {
    masks[id] = letterMask(term);
  });
  const stamp = new Int32Array(terms.length);
  let generation = 0;

  return {
    correct(word, skip) {
      const budget = editBudget(word);
      if (budget === 0 || NUMERIC.test(word)) return [];
      generation++;
      if (skip !== undefined && skip >= 0 && skip < stamp.length) stamp[skip] = generation;
      const wordMask = letterMask(word);
      let best = budget + 1;
      let found: Correction[] = [];
      // Nearest lengths first: a one-edit match found early tightens the cut-offs for the rest of the scan.
      for (const length of lengthsAround(word.length, budget)) {
        for (const key of [`^${word[0]}${length}`, `$${word[word.length - 1]}${length}`]) {
          for (const id of shards.get(key) ?? []) {
            if (stamp[id] === generation) continue;
            stamp[id] = generation;
            // Each edit adds at most one letter and drops at most one, so letter sets far apart skip the full distance.
            const mask = masks[id]!;
            if (countBits((wordMask & ~mask) >>> 0) > best || countBits((mask & ~wordMask) >>> 0) > best) continue;
            const distance = boundedEditDistance(word, terms[id]!, best);
            if (distance < best) {
              best = distance;
              found = [{ termId: id, distance }];
            } else if (distance === best && distance <= budget) {
              found.push({ termId: id, distance });
            }
          }
        }
      }
      found.sort((a, b) => documentFrequency(b.termId) - documentFrequency(a.termId) || a.termId - b.termId);
      return found.slice(0, MAX_ALTERNATIVES);
    },
  };
}

/** The set of letters of a word as bits: a-z one bit each, everything else folded into the top bits. */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    const bit = code >= 97 && code <= 122 ? code - 97 : 26 + (code % 6);
    mask |= 1 << bit;
  }
  return mask >>> 0;
}

/** n, n-1, n+1, n-2, n+2 ... within the budget. */
function lengthsAround(length: number, budget: number): number[] {
  const lengths = [length];
  for (let step = 1; step <= budget; step++) lengths.push(length - step, length + step);
  return lengths;
}

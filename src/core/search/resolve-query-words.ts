import type { InvertedIndex } from './build-inverted-index.js';
import type { VocabularyCorrector } from './correct-word.js';
import type { AcronymTable } from './learn-acronyms.js';
import type { QueryWord } from './score-passages.js';
import { isStopword } from './stopwords.js';
import { tokenTerms } from './tokenize.js';

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

/**
 * Makes an acronym and its long forms one term, in place: an acronym query word ("sgr") also matches the
 * rarest word of each long form ("gauge" of "Standard Gauge Railway"), and query words that spell out a
 * whole long form also match its acronym. Returns what was expanded, for the correction line.
 */
export function expandAcronyms(
  index: InvertedIndex,
  resolved: ResolvedWords,
  words: readonly string[],
  table: () => AcronymTable,
): { from: string; to: string[] }[] {
  if (words.length === 0) return [];
  const acronyms = table();
  if (acronyms.size === 0) return [];
  const expansions: { from: string; to: string[] }[] = [];
  const addVariant = (at: number, term: string, weight: number) => {
    const termId = index.termIds.get(term);
    const word = resolved.words[at]!;
    if (termId === undefined || word.variants.some((variant) => variant.termId === termId)) return;
    word.variants.push({ termId, weight });
    resolved.terms[at]!.add(term);
  };
  words.forEach((word, at) => {
    const longForms = acronyms.get(word);
    if (!longForms) return;
    for (const longForm of longForms) {
      const terms = tokenTerms(longForm).filter((term) => !isStopword(term) && index.termIds.has(term));
      const rarest = terms.sort(
        (a, b) => documentFrequency(index, index.termIds.get(a)!) - documentFrequency(index, index.termIds.get(b)!),
      )[0];
      if (rarest) addVariant(at, rarest, 1);
    }
    // The acronym itself was maybe "corrected" to a neighbour; it is a known term now.
    resolved.corrections = resolved.corrections.filter((correction) => correction.from !== word);
    expansions.push({ from: word.toUpperCase(), to: longForms });
  });
  for (const [acronym, longForms] of acronyms) {
    for (const longForm of longForms) {
      const terms = tokenTerms(longForm).filter((term) => !isStopword(term));
      if (terms.length < 2 || !terms.every((term) => words.includes(term))) continue;
      for (const term of terms) addVariant(words.indexOf(term), acronym, 1);
      expansions.push({ from: longForm, to: [acronym.toUpperCase()] });
    }
  }
  return expansions;
}

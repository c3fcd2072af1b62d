import type { InvertedIndex } from './build-inverted-index.js';
import { containsPhrase } from './contains-phrase.js';
import { matchesPhrasePositions, type PhraseSlot } from './match-phrase-positions.js';
import type { ResolvedWords } from './resolve-query-words.js';
import type { ScoredPassages } from './score-passages.js';
import { isStopword } from './stopwords.js';

/**
 * Keeps the scored passages that hold every quoted phrase (a phrase is a requirement, not a boost),
 * compacting `scored.passages`/`scored.keys` in place; returns how many remain. Stored word positions
 * decide adjacency; the passage text is read only when a phrase has stopwords to compare.
 */
export function keepPhraseMatches(
  index: InvertedIndex,
  scored: ScoredPassages,
  phrases: readonly string[][],
  words: readonly string[],
  resolved: ResolvedWords,
  textOf: (passage: number) => string,
): number {
  if (phrases.length === 0) return scored.count;
  const termsOf = new Map(words.map((word, at) => [word, resolved.terms[at]!]));
  const empty = new Set<string>();
  const termsFor = (word: string) => termsOf.get(word) ?? empty;
  const checks = phrases.map((phrase) => {
    let bits = 0;
    const slots: PhraseSlot[] = phrase.map((word) => {
      const bit = words.indexOf(word);
      if (isStopword(word) || bit < 0) return null;
      bits |= 1 << bit;
      return resolved.words[bit]!.variants.map((variant) => variant.termId);
    });
    return { phrase, slots, bits: bits >>> 0, readText: slots.some((slot) => slot === null) };
  });
  const { passages, keys, masks } = scored;
  let count = 0;
  for (let i = 0; i < scored.count; i++) {
    const mask = masks[i]!;
    const passage = passages[i]!;
    const ok = checks.every(
      ({ phrase, slots, bits, readText }) =>
        (mask & bits) >>> 0 === bits &&
        matchesPhrasePositions(index, passage, slots) &&
        (!readText || containsPhrase(textOf(passage), phrase, termsFor)),
    );
    if (!ok) continue;
    passages[count] = passage;
    keys[count] = keys[i]!;
    masks[count] = mask;
    count++;
  }
  return count;
}

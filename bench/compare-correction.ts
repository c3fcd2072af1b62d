import Fuse from 'fuse.js';
import { buildInvertedIndex } from '../src/core/search/build-inverted-index.js';
import { createVocabularyCorrector } from '../src/core/search/correct-word.js';
import { timed } from './measure.js';

/** Misspellings with the word a reader meant. */
const MISSPELLED: [string, string][] = [
  ['goverment', 'government'],
  ['presidnet', 'president'],
  ['temperture', 'temperature'],
  ['recieved', 'received'],
  ['procesion', 'procession'],
  ['philosphy', 'philosophy'],
  ['seperate', 'separate'],
  ['beleive', 'believe'],
  ['comittee', 'committee'],
  ['relegion', 'religion'],
];

export interface CorrectionComparison {
  vocabulary: number;
  words: number;
  shardsMsPerWord: number;
  shardsRight: number;
  fuseMsPerWord: number;
  fuseRight: number;
}

/**
 * Query-word correction two ways over the same vocabulary: readout's bounded edit distance over
 * (first/last letter, length) shards, and fuse.js over (first letter, length) shards, the design the
 * issue suggested. Reports time per word and how many corrections hit the intended word.
 */
export function compareCorrection(texts: readonly string[], rounds = 5): CorrectionComparison {
  const index = buildInvertedIndex(texts.length, (at) => texts[at]!);
  const df = (termId: number) => index.offsets[termId + 1]! - index.offsets[termId]!;
  const corrector = createVocabularyCorrector(index.terms, df);
  const shards = new Map<string, string[]>();
  for (const term of index.terms) {
    const key = `${term[0]}${term.length}`;
    const shard = shards.get(key);
    if (shard) shard.push(term);
    else shards.set(key, [term]);
  }
  const fuses = new Map<string, Fuse<string>>();
  for (const [key, terms] of shards) fuses.set(key, new Fuse(terms, { includeScore: true, threshold: 0.4, ignoreLocation: true }));
  const fuseCorrect = (word: string): string | undefined => {
    const found: { item: string; score?: number }[] = [];
    for (let length = word.length - 2; length <= word.length + 2; length++) {
      found.push(...(fuses.get(`${word[0]}${length}`)?.search(word, { limit: 3 }) ?? []));
    }
    found.sort((a, b) => (a.score ?? 1) - (b.score ?? 1));
    return found[0]?.item;
  };
  let shardsMs = 0;
  let fuseMs = 0;
  let shardsRight = 0;
  let fuseRight = 0;
  for (let round = 0; round <= rounds; round++) {
    for (const [word, meant] of MISSPELLED) {
      const ours = timed(() => corrector.correct(word));
      const theirs = timed(() => fuseCorrect(word));
      // Round 0 warms both up and is not counted.
      if (round === 0) continue;
      shardsMs += ours.ms;
      fuseMs += theirs.ms;
      if (round === 1) {
        if (index.terms[ours.result[0]?.termId ?? -1] === meant) shardsRight++;
        if (theirs.result === meant) fuseRight++;
      }
    }
  }
  const runs = rounds * MISSPELLED.length;
  return {
    vocabulary: index.terms.length,
    words: MISSPELLED.length,
    shardsMsPerWord: shardsMs / runs,
    shardsRight,
    fuseMsPerWord: fuseMs / runs,
    fuseRight,
  };
}

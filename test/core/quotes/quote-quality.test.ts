import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/corpus/load-corpus.js';
import type { Corpus } from '../../../src/core/document.js';
import { extractQuotes } from '../../../src/core/quotes/extract-quotes.js';
import type { Quote } from '../../../src/core/quotes/quote-types.js';
import { type LabelScore, readLabels, scoreLabels } from './score-labels.js';

const SEEDS = new URL('../../../seeds', import.meta.url).pathname;

describe('quote extraction on the five seeds, against hand labels', () => {
  let corpus: Corpus;
  let quotes: Quote[];
  let score: LabelScore;
  beforeAll(async () => {
    corpus = await loadCorpus(SEEDS);
    quotes = corpus.documents.flatMap((doc) => extractQuotes(doc, corpus.gazetteer));
    score = scoreLabels(corpus, quotes, readLabels());
  });

  it('labels every sentence the loader produces, and no other', () => {
    expect(score.unlabelled).toEqual([]);
    expect(score.staleLabels).toEqual([]);
  });

  it.each([
    ['precision', 0.97],
    ['recall', 0.95],
    ['speakerPrecision', 0.97],
    ['speakerRecall', 0.95],
  ] as const)('%s is at least %s', (metric, target) => {
    expect(score[metric], score.errors.join('\n')).toBeGreaterThanOrEqual(target);
  });

  it.each([
    'Xi and Peng also hosted a welcoming banquet',
    'After the talks, the two heads of state witnessed the signing',
    'After the talks, the two heads of state signed',
    'Cai Qi, Wang Yi, and Qin Gang, among others, were present at the above events',
    'Upon his arrival, President Tokayev welcomed Xi Jinping with a grand ceremony',
    'Prior to the talks, Xi and his wife, Peng Liyuan, held a welcoming ceremony',
  ])('does not quote the narration "%s"', (opening) => {
    const sentences = corpus.documents.flatMap((doc) => doc.paragraphs.flatMap((p) => p.sentences));
    expect(sentences.some((sentence) => sentence.text.startsWith(opening))).toBe(true);
    expect(quotes.filter((quote) => quote.text.startsWith(opening))).toEqual([]);
  });
});

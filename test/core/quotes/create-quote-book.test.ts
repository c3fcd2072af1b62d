import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/corpus/load-corpus.js';
import type { Corpus } from '../../../src/core/document.js';
import { createQuoteBook, type QuoteBook } from '../../../src/core/quotes/index.js';
import { makeDocument, testGazetteer } from './make-document.js';

const SEEDS = new URL('../../../seeds', import.meta.url).pathname;

function fakeCorpus(): Corpus {
  const documents = [
    makeDocument('a', [
      'Xi said China is willing to expand trade with Kenya.',
      'Ruto said Kenya values the railway built with China.',
      'He added that tourism between the two countries is growing fast.',
    ]),
    makeDocument('b', [
      'Xi Jinping held talks with Tokayev in Astana.',
      'Xi stressed that security cooperation should deepen. Energy cooperation is also important.',
      'The two sides should firmly support each other, Xi said.',
    ]),
  ];
  return { dir: '/fake', documents, gazetteer: testGazetteer, warnings: [], fingerprint: 'fake' };
}

/** A random source that replays the given values. */
function sequence(...values: number[]): () => number {
  let at = 0;
  return () => values[at++ % values.length] ?? 0;
}

describe('createQuoteBook over a small corpus', () => {
  const book = createQuoteBook(fakeCorpus());

  it('lists speakers with counts, most first', () => {
    expect(book.speakers()).toEqual([
      { speaker: 'Xi Jinping', count: 4 },
      { speaker: 'William Ruto', count: 2 },
    ]);
  });

  it.each([
    ['xi jinping', 'Xi Jinping'],
    ['XI', 'Xi Jinping'],
    ['ruto', 'William Ruto'],
    ['  President Ruto ', 'William Ruto'],
    ['the chinese president', 'Xi Jinping'],
    ['xi jinpin', 'Xi Jinping'],
  ])('bySpeaker(%j) finds %s', (name, speaker) => {
    const found = book.bySpeaker(name);
    expect(found.ok && found.speaker).toBe(speaker);
    expect(found.ok && found.quotes.every((quote) => quote.speaker === speaker)).toBe(true);
  });

  it.each([
    ['tokayev', 'speaker_no_quotes', 'Kassym-Jomart Tokayev is in the corpus but has no quotes'],
    ['Rachel Ruto', 'speaker_no_quotes', 'Rachel Ruto is in the corpus but has no quotes'],
    ['Obama', 'speaker_unknown', 'No one called "Obama" is quoted in the corpus. Speakers with quotes: Xi Jinping'],
    ['', 'speaker_empty', 'Tell me whose quotes you want'],
    ['x'.repeat(10_000), 'speaker_too_long', 'too long'],
  ])('bySpeaker(%j) is the problem %s', (name, code, message) => {
    const found = book.bySpeaker(name);
    expect(found.ok).toBe(false);
    if (found.ok) return;
    expect(found.problem.code).toBe(code);
    expect(found.problem.message).toContain(message);
  });

  it('suggests quoted speakers for an unknown one', () => {
    const found = book.bySpeaker('Obama');
    expect(!found.ok && found.problem.suggestions).toEqual(['Xi Jinping', 'William Ruto']);
  });

  it.each([
    ['security', undefined, ['b:p1:s0']],
    ['railway', undefined, ['a:p1:s0']],
    ['trade', 'xi', ['a:p0:s0']],
    ['tourism', 'ruto', ['a:p2:s0']],
    ['secruity', undefined, ['b:p1:s0']],
  ])('about(%j, %j) finds %j first', (topic, speaker, ids) => {
    const found = book.about(topic, speaker);
    expect(found.ok && found.quotes.slice(0, ids.length).map((quote) => quote.id)).toEqual(ids);
  });

  it.each([
    ['', undefined, 'topic_empty'],
    ['   ', undefined, 'topic_empty'],
    ['the of and', undefined, 'topic_common_words'],
    ['railway', 'xi', 'topic_no_quotes'],
    ['zebra', undefined, 'topic_no_quotes'],
    ['trade', 'Obama', 'speaker_unknown'],
    ['trade '.repeat(2000), undefined, 'topic_too_long'],
  ])('about(%j, %j) is the problem %s', (topic, speaker, code) => {
    const found = book.about(topic, speaker);
    expect(!found.ok && found.problem.code).toBe(code);
  });

  it('draws uniformly: each quote once for evenly spaced draws', () => {
    const n = book.all().length;
    const draws = Array.from({ length: n }, (_, i) => book.random(() => (i + 0.5) / n)?.id);
    expect(new Set(draws).size).toBe(n);
  });

  it.each([
    [0, 'a:p0:s0'],
    [0.999999, 'b:p2:s0'],
    [1, 'b:p2:s0'],
    [-3, 'a:p0:s0'],
    [Number.NaN, 'a:p0:s0'],
  ])('random source %s gives %s', (value, id) => {
    expect(book.random(() => value)?.id).toBe(id);
  });

  it('draws only the given speaker, and nothing for an unknown one', () => {
    const draws = [0, 0.5, 0.99].map((value) => book.random(sequence(value), 'ruto')?.speaker);
    expect(draws).toEqual(['William Ruto', 'William Ruto', 'William Ruto']);
    expect(book.random(() => 0.5, 'nobody at all')).toBeUndefined();
  });

  it('finds quotes by id and picks the strongest per document', () => {
    expect(book.byId('a:p1:s0')?.speaker).toBe('William Ruto');
    expect(book.byId('nope')).toBeUndefined();
    expect(book.strongestIn('b')?.id).toBe('b:p1:s0');
    expect(book.strongestIn('missing')).toBeUndefined();
  });
});

describe('createQuoteBook over the seeds', () => {
  let book: QuoteBook;
  beforeAll(async () => {
    book = createQuoteBook(await loadCorpus(SEEDS));
  });

  it.each([
    ['tokaev', 'Kassym-Jomart Tokayev'],
    ['xi jinping', 'Xi Jinping'],
    ['ruto', 'William Ruto'],
    ['wang yi', 'Wang Yi'],
  ])('bySpeaker(%j) -> %s', (name, speaker) => {
    const found = book.bySpeaker(name);
    expect(found.ok && found.speaker).toBe(speaker);
  });

  it('says Rachel Ruto has no quotes, and lists every quoted speaker with the closest name first', () => {
    const found = book.bySpeaker('rachel ruto');
    expect(!found.ok && found.problem.message).toContain('Rachel Ruto is in the corpus but has no quotes');
    const everyone = book.speakers().map((entry) => entry.speaker);
    expect(everyone.length).toBeGreaterThan(3);
    expect(!found.ok && found.problem.suggestions).toEqual(['William Ruto', ...everyone.filter((name) => name !== 'William Ruto')]);
  });

  it('answers a 10,000-character topic with a problem, not a crash', () => {
    const found = book.about('belt and road '.repeat(800));
    expect(!found.ok && found.problem.code).toBe('topic_too_long');
  });

  it('finds Belt and Road quotes and a strongest quote for every document', () => {
    const found = book.about('Belt and Road');
    expect(found.ok && found.quotes.length).toBeGreaterThan(3);
    for (const doc of [
      '000_4428246b8b720a03',
      '001_de83d69b9d8be381',
      '002_3e7d9b0fb8ba22a7',
      '003_60b6fa42df298961',
      '004_d4b47ef68aae7118',
    ]) {
      expect(book.strongestIn(doc)?.cue.position).not.toBe('continuation');
    }
  });
});

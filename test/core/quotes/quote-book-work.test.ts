import { afterEach, describe, expect, it } from 'vitest';
import type { Corpus, Document } from '../../../src/core/document.js';
import { createQuoteBook, extractQuotes } from '../../../src/core/quotes/index.js';
import { makeDocument, testGazetteer } from './make-document.js';

/** `count` documents whose every paragraph quotes the same two speakers, so speaker lists grow long. */
function quotingCorpus(count: number): Corpus {
  const documents: Document[] = [];
  for (let at = 0; at < count; at++) {
    documents.push(
      makeDocument(`d${at}`, [
        `Xi said China is willing to expand trade number ${at}.`,
        `Ruto said Kenya values the railway, part ${at}.`,
        'The two sides should firmly support each other, Xi said.',
      ]),
    );
  }
  return { dir: '/fake', documents, gazetteer: testGazetteer, warnings: [], fingerprint: `work-${count}` };
}

// Every element step of every array iteration (spread, for…of, destructuring) goes through this `next`,
// so counting its calls counts the element copies and walks a build does, whatever the code looks like.
const arrayIterator = Object.getPrototypeOf([][Symbol.iterator]()) as { next: (...args: unknown[]) => unknown };
const originalNext = arrayIterator.next;
let steps = 0;
function countSteps<T>(work: () => T): number {
  steps = 0;
  arrayIterator.next = function (this: unknown, ...args: unknown[]) {
    steps++;
    return originalNext.apply(this, args);
  };
  try {
    work();
  } finally {
    arrayIterator.next = originalNext;
  }
  return steps;
}

afterEach(() => {
  arrayIterator.next = originalNext;
});

describe('building the quote book is linear in the corpus', () => {
  it('does at most about 4x the element steps for 4x the documents', () => {
    const small = quotingCorpus(150);
    const large = quotingCorpus(600);
    const smallSteps = countSteps(() => createQuoteBook(small).speakers());
    const largeSteps = countSteps(() => createQuoteBook(large).speakers());
    expect(smallSteps).toBeGreaterThan(0);
    expect(largeSteps / smallSteps).toBeLessThan(4.4);
  });

  it('does at most about 4x the element steps for 4x the quotes when they are given', () => {
    const quotesOf = (corpus: Corpus) => corpus.documents.flatMap((document) => extractQuotes(document, corpus.gazetteer));
    const small = quotingCorpus(150);
    const large = quotingCorpus(600);
    const smallQuotes = quotesOf(small);
    const largeQuotes = quotesOf(large);
    const smallSteps = countSteps(() => createQuoteBook(small, smallQuotes).speakers());
    const largeSteps = countSteps(() => createQuoteBook(large, largeQuotes).speakers());
    expect(largeSteps / smallSteps).toBeLessThan(4.4);
  });

  it('tokenizes every document exactly once, however many documents there are', () => {
    for (const count of [10, 40]) {
      const corpus = quotingCorpus(count);
      const extracted: string[] = [];
      const book = createQuoteBook(corpus, {
        extract: (document) => {
          extracted.push(document.id);
          return extractQuotes(document, corpus.gazetteer);
        },
      });
      book.strongestIn('d3');
      book.all();
      book.speakers();
      book.inDocument('d5');
      expect(extracted.length).toBe(count);
      expect(new Set(extracted).size).toBe(count);
    }
  });
});

describe('the quote book does only the work a command needs', () => {
  function countingBook(corpus: Corpus) {
    const extracted: string[] = [];
    const book = createQuoteBook(corpus, {
      extract: (document) => {
        extracted.push(document.id);
        return extractQuotes(document, corpus.gazetteer);
      },
    });
    return { book, extracted };
  }

  it('extracts nothing until asked', () => {
    const { book, extracted } = countingBook(quotingCorpus(20));
    expect(extracted).toEqual([]);
    expect(book.complete()).toBe(false);
  });

  it('extracts only the asked document for strongestIn and inDocument', () => {
    const { book, extracted } = countingBook(quotingCorpus(20));
    expect(book.strongestIn('d7')?.docId).toBe('d7');
    expect(book.inDocument('d7').length).toBe(3);
    expect(book.inDocument('missing')).toEqual([]);
    expect(extracted).toEqual(['d7']);
  });

  it('prepares in the background and then answers like an eager book', async () => {
    const corpus = quotingCorpus(20);
    const { book, extracted } = countingBook(corpus);
    book.strongestIn('d2');
    await book.prepare();
    expect(book.complete()).toBe(true);
    expect(extracted.length).toBe(20);
    expect(book.all()).toEqual(corpus.documents.flatMap((document) => extractQuotes(document, corpus.gazetteer)));
  });

  it('stops a background extraction when abandoned, and still answers when asked', async () => {
    const corpus = quotingCorpus(20);
    const { book, extracted } = countingBook(corpus);
    const preparing = book.prepare();
    book.abandon();
    await preparing;
    expect(book.complete()).toBe(false);
    expect(extracted.length).toBeLessThan(20);
    expect(book.all()).toHaveLength(60);
  });

  it('reads cached quotes instead of extracting, and reports a fresh extraction for caching', () => {
    const corpus = quotingCorpus(5);
    const saved: number[] = [];
    const fresh = createQuoteBook(corpus, { onExtracted: (quotes) => saved.push(quotes.length) });
    const quotes = fresh.all();
    expect(saved).toEqual([quotes.length]);
    const extracted: string[] = [];
    const cached = createQuoteBook(corpus, {
      cached: () => quotes,
      extract: (document) => {
        extracted.push(document.id);
        return [];
      },
    });
    expect(cached.speakers()).toEqual(fresh.speakers());
    expect(extracted).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../src/core/names/load-gazetteer.js';
import { extractQuotes } from '../../../src/core/quotes/extract-quotes.js';
import { readBrownDocuments, untagBrownLine } from './read-brown.js';

const SEEDS = new URL('../../../seeds', import.meta.url).pathname;

describe('the extractor on the Brown news section', () => {
  it.each([
    ["``/`` We/ppss won/vbd ,/, ''/'' he/pps said/vbd ./.", '“We won,” he said.'],
    ["The/at jury/nn said/vbd it/pps did/dod n't/* ./.", "The jury said it didn't."],
  ])('untags %s', (line, text) => {
    expect(untagBrownLine(line)).toBe(text);
  });

  it('reads all 44 files and extracts quotes without a crash, with exact offsets', () => {
    const documents = readBrownDocuments();
    expect(documents).toHaveLength(44);
    const gazetteer = loadGazetteer(SEEDS);
    const quotes = documents.flatMap((doc) => {
      const found = extractQuotes(doc, gazetteer, { keepUnknownSpeakers: true });
      for (const quote of found) expect(doc.raw.slice(quote.start, quote.end)).toBe(quote.text);
      return found;
    });
    expect(quotes.length).toBeGreaterThan(100);
  });
});

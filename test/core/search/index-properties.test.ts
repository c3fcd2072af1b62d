import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../../src/core/search/create-search-engine.js';
import { createTextIndex } from '../../../src/core/search/create-text-index.js';
import { makeCorpus } from './make-corpus.js';

// Words far apart (no two within an edit of each other), so typo correction never blurs the oracle.
const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliett', 'kilo', 'lima'];
const text = fc.array(fc.constantFrom(...WORDS, 'the', 'of'), { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));

describe('index properties', () => {
  it('a word finds exactly the texts that contain it', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 30 }), fc.constantFrom(...WORDS), (texts, word) => {
        const index = createTextIndex(texts.map((t, at) => ({ id: String(at), text: t })));
        const found = index
          .match(word, 100)
          .map((hit) => hit.id)
          .sort();
        const expected = texts
          .map((t, at) => ({ t, at }))
          .filter(({ t }) => t.split(' ').includes(word))
          .map(({ at }) => String(at))
          .sort();
        expect(found).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('a quoted pair of neighbouring words finds the paragraph it was cut from', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 20 }), fc.nat(), fc.nat(), (paragraphs, pick, at) => {
        const source = paragraphs[pick % paragraphs.length]!;
        const words = source.split(' ');
        if (words.length < 2) return;
        const start = at % (words.length - 1);
        const phrase = `"${words[start]} ${words[start + 1]}"`;
        const engine = createSearchEngine(makeCorpus([{ id: 'd', paragraphs }]));
        const result = engine.search(phrase, { limit: 50 });
        if (!result.ok) {
          expect(result.problem.code).toBe('only-stopwords');
          return;
        }
        const expected = paragraphs.flatMap((p, index) => (` ${p} `.includes(` ${words[start]} ${words[start + 1]} `) ? [index] : []));
        expect(result.hits.map((hit) => hit.paragraph).sort((a, b) => a - b)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});

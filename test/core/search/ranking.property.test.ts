import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../../src/core/search/create-search-engine.js';
import { makeCorpus } from './make-corpus.js';

const WORDS = ['trade', 'railway', 'kenya', 'summit', 'energy', 'friendship', 'security', 'tourism'];
const paragraph = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));
const corpus = fc.array(fc.array(paragraph, { minLength: 1, maxLength: 9 }), { minLength: 1, maxLength: 6 });

describe('diversified pages, for any corpus', () => {
  it('show every match exactly once across pages, at most 2 of a document per page while others wait', () => {
    fc.assert(
      fc.property(corpus, fc.subarray(WORDS, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 7 }), (documents, query, limit) => {
        const engine = createSearchEngine(makeCorpus(documents.map((paragraphs, at) => ({ id: `d${at}`, paragraphs }))));
        const first = engine.search(query.join(' '), { limit });
        if (!first.ok) return;
        const seen: string[] = [];
        for (let offset = 0; offset < first.total; offset += limit) {
          const page = engine.search(query.join(' '), { limit, offset });
          if (!page.ok) throw new Error(page.problem.message);
          const later = new Set<string>();
          for (let next = offset + limit; next < first.total; next += limit) {
            const rest = engine.search(query.join(' '), { limit, offset: next });
            if (rest.ok) for (const hit of rest.hits) later.add(hit.docId);
          }
          const perDocument = new Map<string, number>();
          for (const hit of page.hits) perDocument.set(hit.docId, (perDocument.get(hit.docId) ?? 0) + 1);
          // A third passage of a document is shown only when every document with matches left already has 2 on the page.
          const crowded = [...perDocument].some(([, count]) => count > 2);
          if (crowded) for (const docId of later) expect(perDocument.get(docId) ?? 0).toBeGreaterThanOrEqual(2);
          for (const hit of page.hits) {
            seen.push(`${hit.docId}:${hit.paragraph}`);
            const remaining = [...later].includes(hit.docId);
            if (hit.moreInDocument > 0) expect(remaining).toBe(true);
          }
        }
        expect(seen).toHaveLength(first.total);
        expect(new Set(seen).size).toBe(first.total);
      }),
      { numRuns: 60 },
    );
  });
});

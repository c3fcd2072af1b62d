import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/corpus/load-corpus.js';
import { createSearchEngine } from '../../../src/core/search/create-search-engine.js';
import type { SearchEngine } from '../../../src/core/search/search-types.js';

/** Document ids of the five seed readouts, by what they are about. */
const KENYA_2025 = '000_4428246b8b720a03';
const MOMBASA_2022 = '001_de83d69b9d8be381';
const XIAN_2023 = '002_3e7d9b0fb8ba22a7';
const ASTANA_2024 = '003_60b6fa42df298961';
const ASTANA_2025 = '004_d4b47ef68aae7118';

let engine: SearchEngine;
beforeAll(async () => {
  engine = createSearchEngine(await loadCorpus('seeds'));
});

const documentsFound = (query: string) => {
  const result = engine.search(query, { limit: 50 });
  if (!result.ok) throw new Error(result.problem.message);
  return new Set(result.hits.map((hit) => hit.docId));
};

describe('lookups over the seed readouts', () => {
  it.each([
    ['Tokaev', [XIAN_2023, ASTANA_2024, ASTANA_2025]],
    ['Kazakstan', [XIAN_2023, ASTANA_2024, ASTANA_2025]],
    ['Omammo Mombassa', [MOMBASA_2022]],
    ['terorism seperatism', [ASTANA_2025]],
    ['Mombasa Nairobi', [KENYA_2025]],
    ['Xian', [XIAN_2023]],
    ['Ruto', [KENYA_2025]],
  ])('%s finds %j', (query, documents) => {
    const found = documentsFound(query);
    for (const document of documents) expect(found).toContain(document);
  });

  it.each([
    ['Omammo Mombassa', MOMBASA_2022],
    ['terorism seperatism', ASTANA_2025],
    ['Mombasa Nairobi railway', KENYA_2025],
    ['"Consulate General"', XIAN_2023],
  ])('%s ranks %s first', (query, document) => {
    const result = engine.search(query);
    expect(result.ok && result.hits[0]?.docId).toBe(document);
  });

  it.each([
    ['cooperation person:tokaev', [XIAN_2023, ASTANA_2024, ASTANA_2025]],
    ['cooperation person:ruto', [KENYA_2025]],
    ['cooperation country:kenya', [KENYA_2025, MOMBASA_2022]],
    ['cooperation place:astana', [ASTANA_2024, ASTANA_2025]],
    ['cooperation place:xian', [XIAN_2023]],
    ['cooperation year:2023', [XIAN_2023]],
    ['cooperation from:2024-01-01 to:2024-12-31', [ASTANA_2024]],
    ['cooperation source:xinhua', [KENYA_2025, ASTANA_2025]],
  ])('%s keeps exactly %j', (query, documents) => {
    expect([...documentsFound(query)].sort()).toEqual([...documents].sort());
  });

  it('keeps snippets bounded and highlights inside them', () => {
    const result = engine.search('cooperation', { limit: 50 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.total).toBeGreaterThan(10);
    for (const hit of result.hits) {
      expect(hit.snippet.length).toBeLessThanOrEqual(240);
      for (const [start, end] of hit.highlights) {
        expect(hit.snippet.slice(start, end).toLowerCase()).toBe('cooperation');
      }
    }
  });

  it.each([
    ['person', 'tok', 'Kassym-Jomart Tokayev'],
    ['place', 'ast', 'Astana'],
    ['document', '002', `${XIAN_2023} — Xi Jinping Holds Talks with President Kassym-Jomart Tokayev of Kazakhstan`],
  ] as const)('suggest %s %s offers %s', (kind, prefix, expected) => {
    expect(engine.suggest(kind, prefix)).toContain(expected);
  });
});

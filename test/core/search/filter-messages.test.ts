import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/corpus/load-corpus.js';
import { createSearchEngine } from '../../../src/core/search/create-search-engine.js';
import type { SearchEngine } from '../../../src/core/search/search-types.js';

let engine: SearchEngine;
beforeAll(async () => {
  engine = createSearchEngine(await loadCorpus('seeds'));
});

const problemOf = (query: string) => {
  const result = engine.search(query);
  if (result.ok) throw new Error(`${query} found ${result.total}`);
  return result.problem;
};

describe('messages that help with filters', () => {
  it.each([
    ['year:2019', /No document matches `year:2019`. The corpus has years 2022, 2023, 2024, 2025./],
    ['place:beijing year:2019', /places Astana, Beijing, Mombasa, Xi'an; years 2022, 2023, 2024, 2025/],
    ['from:2030-01-01', /dates 2022-01-06 to 2025-06-16/],
    ['trade year:2019', /The corpus has years 2022/],
  ])('%s lists the values the filter can take', (query, message) => {
    const problem = problemOf(query);
    expect(problem.code).toBe('no-filter-match');
    expect(problem.message).toMatch(message);
  });

  it.each([
    ['place:almaty', "Places in the corpus: Astana, Beijing, Mombasa, Xi'an."],
    ['source:reuters', 'Sources in the corpus: Xinhua.'],
    ['person:obama', 'People in the corpus: Cai Qi, Kassym-Jomart Tokayev'],
  ])('%s names the known values instead of an unrelated "did you mean"', (query, message) => {
    const problem = problemOf(query);
    expect(problem.message).toContain(message);
    expect(problem.message).not.toMatch(/Try `/);
  });

  it('still offers a close name as "did you mean" when the filter value is a typo too far to resolve', () => {
    expect(engine.search('place:astna').ok).toBe(true);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/corpus/load-corpus.js';
import { createSearchEngine } from '../../../src/core/search/create-search-engine.js';
import type { SearchEngine, SearchHit } from '../../../src/core/search/search-types.js';
import { makeCorpus } from './make-corpus.js';
import { RANKING_QRELS } from './ranking-qrels.js';
import { judgeAll } from './ranking-quality.js';

/** Floors under the figures measured in docs/quality.md: the ranking may improve, never regress. */
const FLOOR = { recallAt10: 0.962, ndcgAt10: 0.967, recallAt5: 0.935, ndcgAt5: 0.952 };

let engine: SearchEngine;
beforeAll(async () => {
  engine = createSearchEngine(await loadCorpus('seeds'));
});

const search = (query: string, options: { limit?: number; offset?: number; doc?: string } = {}) => {
  const result = engine.search(query, options);
  if (!result.ok) throw new Error(result.problem.message);
  return result;
};
const where = (hit: SearchHit) => `${hit.docId.slice(0, 3)}:${hit.paragraph}`;

describe('the ranking test set', () => {
  it('has at least 30 judged queries, a third of them misspelled', () => {
    expect(RANKING_QRELS.length).toBeGreaterThanOrEqual(30);
    const misspelled = RANKING_QRELS.filter((q) => search(q.query).corrections.length > 0);
    expect(misspelled.length * 3).toBeGreaterThanOrEqual(RANKING_QRELS.length);
  });

  it('keeps recall@10 and nDCG@10 at or above the measured figures', () => {
    const at10 = judgeAll(engine, RANKING_QRELS, 10);
    expect(at10.recall).toBeGreaterThanOrEqual(FLOOR.recallAt10);
    expect(at10.ndcg).toBeGreaterThanOrEqual(FLOOR.ndcgAt10);
  });

  it('keeps recall@5 and nDCG@5 (the console page) at or above the measured figures', () => {
    const at5 = judgeAll(engine, RANKING_QRELS, 5);
    expect(at5.recall).toBeGreaterThanOrEqual(FLOOR.recallAt5);
    expect(at5.ndcg).toBeGreaterThanOrEqual(FLOOR.ndcgAt5);
  });
});

describe('one order across documents', () => {
  it('puts both documents holding "Forum on China-Africa Cooperation" in the top 3', () => {
    const top = search('Forum on China-Africa Cooperation', { limit: 3 }).hits;
    expect(new Set(top.map((hit) => hit.docId.slice(0, 3)))).toEqual(new Set(['000', '001']));
    expect(top.map(where)).toContain('001:4');
  });

  it('ranks every "Belt and Road" phrase match above a passage with only "Silk Road"', () => {
    const hits = search('belt and road', { limit: 20 }).hits.map(where);
    const silkRoadOnly = hits.indexOf('003:3');
    expect(silkRoadOnly).toBeGreaterThan(-1);
    for (const phrase of ['000:3', '000:9', '000:13', '001:1', '002:2', '003:5', '003:6', '004:7']) {
      expect(hits.indexOf(phrase)).toBeGreaterThan(-1);
      expect(hits.indexOf(phrase)).toBeLessThan(silkRoadOnly);
    }
  });

  it('shows all three Kazakhstan documents on the first page of "Kazakstan"', () => {
    const page = search('Kazakstan').hits;
    expect(page).toHaveLength(5);
    expect(new Set(page.map((hit) => hit.docId.slice(0, 3)))).toEqual(new Set(['002', '003', '004']));
  });

  it('ranks words adjacent and in order above the same words scattered', () => {
    // 004 ¶7 reads "Belt and Road cooperation"; 000 ¶1 has "cooperation" and "road" nowhere near.
    const hits = search('road cooperation', { limit: 20 }).hits.map(where);
    expect(hits[0]).toMatch(/^(004:7|000:3|003:6)$/);
  });
});

describe('diversified pages', () => {
  const query = 'Forum on China-Africa Cooperation';

  it.each([3, 5, 7])('shows at most 2 passages of a document on a page of %i while others wait', (limit) => {
    const first = search(query, { limit }).hits;
    const perDocument = new Map<string, number>();
    for (const hit of first) perDocument.set(hit.docId, (perDocument.get(hit.docId) ?? 0) + 1);
    expect(Math.max(...perDocument.values())).toBeLessThanOrEqual(2);
  });

  it('pages through every matching passage exactly once, with an exact total', () => {
    const { total } = search(query);
    const seen: string[] = [];
    for (let offset = 0; offset < total + 5; offset += 5) seen.push(...search(query, { limit: 5, offset }).hits.map(where));
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('counts what a document has left behind "N more in this document", and --doc lists it', () => {
    const page = search(query).hits;
    const kenya = page.filter((hit) => hit.docId.startsWith('000'));
    const all = search(query, { doc: '000', limit: 50 });
    expect(all.hits.every((hit) => hit.docId.startsWith('000'))).toBe(true);
    expect(kenya.at(-1)!.moreInDocument).toBe(all.total - kenya.length);
    // Inside one document nothing is held back.
    expect(all.hits).toHaveLength(all.total);
  });

  it('answers an unknown --doc with the known ids', () => {
    const result = engine.search('trade', { doc: '999' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toContain('000_4428246b8b720a03');
  });
});

describe('rules never spill into the one above', () => {
  it('ranks a passage with more query words first, however scattered, above a tight passage with one word fewer', () => {
    const words = Array.from({ length: 16 }, (_, i) => `word${String.fromCharCode(97 + i)}x`);
    const filler = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed';
    const scattered = words.map((word) => `${word} ${filler}`).join(' ');
    const tight = words.slice(0, 15).join(' ');
    const engine = createSearchEngine(
      makeCorpus([
        { id: 'tight', paragraphs: [tight] },
        { id: 'scattered', paragraphs: [scattered] },
      ]),
    );
    const result = engine.search(words.join(' '));
    expect(result.ok && result.hits.map((hit) => hit.docId)).toEqual(['scattered', 'tight']);
  });
});

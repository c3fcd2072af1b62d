import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../../src/core/search/create-search-engine.js';
import type { SearchHit, SearchResult } from '../../../src/core/search/search-types.js';
import { DOCUMENTS, GAZETTEER, makeCorpus } from './make-corpus.js';

const engine = createSearchEngine(makeCorpus(DOCUMENTS, GAZETTEER));

function hitsOf(result: SearchResult): SearchHit[] {
  if (!result.ok) throw new Error(`expected hits, got problem ${result.problem.code}: ${result.problem.message}`);
  return result.hits;
}

const where = (hit: SearchHit) => `${hit.docId}:${hit.paragraph}`;
const allHits = (query: string) => hitsOf(engine.search(query, { limit: 50 })).map(where);

describe('exact words', () => {
  it.each([
    ['Kazakhstan', ['kaz:0', 'kaz:2']],
    ['kazakhstan', ['kaz:0', 'kaz:2']],
    ['KAZAKHSTAN', ['kaz:0', 'kaz:2']],
    ['extremism', ['kaz:1']],
    ['Ruto', ['ken:0']],
    ['cafe', ['mom:1']],
    ['Café', ['mom:1']],
    ['Kenya', ['ken:1', 'mom:2']],
    ['China’s', ['mom:2']],
  ])('%s finds %j', (query, expected) => {
    expect(allHits(query).sort()).toEqual([...expected].sort());
  });
});

describe('normalization', () => {
  it.each([
    ['Mombasa Nairobi', 'ken:1'],
    ['Mombasa-Nairobi', 'ken:1'],
    ['Xian', 'kaz:0'],
    ["Xi'an", 'kaz:0'],
    ['Xi’an', 'kaz:0'],
    ['Ken\u200Bya railway', 'ken:1'],
    ['Kenya’s railway', 'ken:1'],
    ['kenya.* railway?', 'ken:1'],
  ])('%s ranks %s first', (query, first) => {
    expect(allHits(query)[0]).toBe(first);
  });
});

describe('phrases', () => {
  it.each([
    ['"shared future"', ['ken:2']],
    ['“shared future”', ['ken:2']],
    ['"community with a shared future"', ['ken:2']],
    ['"share a future"', ['ken:3']],
    ['"future shared"', []],
    ['"with a shared"', ['ken:2']],
    ['"community of a shared future"', []],
    ['"community with the shared future"', []],
    ['"sides agreed"', ['ken:2']],
    ['"agreed sides"', []],
    ['"shared futur" cooperation', ['ken:2']],
    ['"shared futures"', ['ken:2']],
    ['"shared pasta"', []],
    ['"Mombasa Nairobi"', ['ken:1']],
  ])('%s matches %j', (query, expected) => {
    expect(allHits(query)).toEqual(expected);
  });

  it('ranks the exact phrase only, even when the loose words are common', () => {
    expect(allHits('"two sides" terrorism')).toEqual(['kaz:1', 'ken:2']);
  });
});

describe('typos', () => {
  it.each([
    ['Tokayevv', 'tokayev', 'kaz'],
    ['Kazakstan', 'kazakhstan', 'kaz'],
    ['Omammo', 'omamo', 'mom'],
    ['Mombassa', 'mombasa', 'mom'],
    ['terorism seperatism', 'terrorism', 'kaz'],
    ['terorism seperatism', 'separatism', 'kaz'],
    ['extremsim', 'extremism', 'kaz'],
    ['Raychele', 'raychelle', 'mom'],
  ])('%s is corrected to %s and finds document %s', (query, corrected, first) => {
    const result = engine.search(query);
    expect(hitsOf(result)[0]?.docId).toBe(first);
    expect(result.ok && result.corrections.map((c) => c.to)).toContain(corrected);
  });

  it.each([
    ['kenia', 1],
    ['Tokayef', 1],
    ['Kazahkstan', 2],
    ['separtism', 1],
  ])('%s stays within the edit budget and still finds', (query, minimum) => {
    expect(allHits(query).length).toBeGreaterThanOrEqual(minimum);
  });

  it.each([['xo'], ['kem'], ['tarrarizm'], ['zzzzzzzz']])('%s is too far from every word and finds nothing', (query) => {
    const result = engine.search(query);
    expect(result.ok && result.total).toBe(0);
  });
});

describe('ranking', () => {
  it.each([
    ['passages with all words first', 'Mombasa railway', ['ken:1']],
    ['passages with all words first, whatever their length', 'Mombasa welcomed tourism', ['mom:1']],
    ['rare words weigh more than common ones', 'cooperation separatism', ['kaz:1']],
    ['an exact word above a fuzzy match of it', 'Tokaev', ['kaz:4']],
    [
      'long queries (scattered scoring) rank the same way',
      'jointly fight terrorism separatism extremism kenya railway cafe tourism press',
      ['kaz:1'],
    ],
    ['long queries with typos too', 'jointly fight terorism seperatism extremsim kenya railway cafe tourism press', ['kaz:1']],
  ])('%s', (_, query, firstHits) => {
    expect(allHits(query).slice(0, firstHits.length)).toEqual(firstHits);
  });

  it('finds the common spelling too when the exact word is a rare typo in the corpus', () => {
    const found = allHits('Tokaev');
    expect(found[0]).toBe('kaz:4');
    expect(found.slice(1).sort()).toEqual(['kaz:0', 'kaz:3', 'kaz:5']);
    const result = engine.search('Tokaev');
    expect(result.ok && result.corrections).toEqual([]);
  });

  it('orders passages across documents, at most 2 of one document on a page while others wait', () => {
    const all = hitsOf(engine.search('cooperation Kenya', { limit: 50 }));
    expect(new Set(all.map((hit) => hit.docId)).size).toBe(3);
    const page = hitsOf(engine.search('cooperation Kenya', { limit: 4 })).map((hit) => hit.docId);
    for (const docId of page) expect(page.filter((other) => other === docId).length).toBeLessThanOrEqual(2);
  });

  it.each([['Kenya cooperation China'], ['Kenya cooperation China Mombasa railway Xinhua talks sides future trade press']])(
    '%s: totals and order agree between short and long query paths',
    (query) => {
      const hits = hitsOf(engine.search(query, { limit: 50 }));
      const result = engine.search(query, { limit: 50 });
      expect(result.ok && result.total).toBe(hits.length);
      expect(new Set(hits.map(where)).size).toBe(hits.length);
    },
  );

  it('scores passages best first within a document and keeps scores positive', () => {
    const hits = hitsOf(engine.search('cooperation', { limit: 50 }));
    for (const [at, hit] of hits.entries()) {
      expect(hit.score).toBeGreaterThan(0);
      const next = hits[at + 1];
      if (next && next.docId === hit.docId) expect(hit.score).toBeGreaterThanOrEqual(next.score);
    }
  });
});

describe('filters', () => {
  it.each([
    ['cooperation person:tokaev', ['kaz']],
    ['cooperation person:Tokayev', ['kaz']],
    ['cooperation person:"William Ruto"', ['ken']],
    ['cooperation person:ruto', ['ken']],
    ['cooperation person:xi', ['kaz', 'ken']],
    ['cooperation person:xi person:ruto', ['ken']],
    ['cooperation country:kenya', ['ken', 'mom']],
    ['cooperation country:Kazakstan', ['kaz']],
    ['cooperation country:kenyan', ['ken', 'mom']],
    ['cooperation place:xian', ['kaz']],
    ['cooperation place:mombassa', ['mom']],
    ['cooperation source:xinhua', ['kaz', 'ken']],
    ['cooperation source:ministry', ['mom']],
    ['cooperation year:2022', ['mom']],
    ['cooperation year:2022 year:2023', ['kaz', 'mom']],
    ['cooperation from:2023-01-01', ['kaz', 'ken']],
    ['cooperation to:2023-01-01', ['mom']],
    ['cooperation from:2023-01-01 to:2024-12-31', ['kaz']],
    ['cooperation FROM:2023-05-17 to:2023-05-17', ['kaz']],
    ['cooperation person: tokayev', ['kaz']],
    ['cooperation Person:“William Ruto”', ['ken']],
  ])('%s keeps documents %j', (query, documents) => {
    const found = new Set(hitsOf(engine.search(query, { limit: 50 })).map((hit) => hit.docId));
    expect([...found].sort()).toEqual(documents);
  });

  it.each([
    ['person:tokaev', 6],
    ['place:mombasa', 3],
    ['the year:2025', 5],
  ])('filters alone (%s) list the documents’ paragraphs', (query, total) => {
    const result = engine.search(query, { limit: 50 });
    expect(result.ok && result.total).toBe(total);
  });
});

describe('bad queries', () => {
  it.each([
    ['', 'empty-query'],
    ['   ', 'empty-query'],
    ['\u200B\u200D', 'empty-query'],
    ['the of and', 'only-stopwords'],
    ['"to be or not to be"', 'only-stopwords'],
    ['😀🤝', 'no-words'],
    ['.*+?^$()|[]{}\\', 'no-words'],
    ['from:2023-02-30', 'bad-date'],
    ['Kenya from:2023-2-3', 'bad-date'],
    ['Kenya to:yesterday', 'bad-date'],
    ['Kenya year:abc', 'bad-year'],
    ['Kenya year:20233', 'bad-year'],
    ['Kenya year:1999', 'no-filter-match'],
    ['Kenya foo:bar', 'unknown-filter'],
    ['Kenya persn:xi', 'unknown-filter'],
    ['Kenya person:', 'missing-filter-value'],
    ['Kenya person:zzqqxx', 'unknown-person'],
    ['Kenya country:atlantis', 'unknown-country'],
    ['Kenya from:2024-01-01 to:2023-01-01', 'reversed-date-range'],
  ])('%j is a problem %s with a helpful message', (query, code) => {
    const result = engine.search(query);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe(code);
    expect(result.problem.message.length).toBeGreaterThan(20);
  });

  it('suggests the filter it probably meant', () => {
    const result = engine.search('Kenya persn:xi');
    expect(!result.ok && result.problem.suggestions).toContain('person:');
  });

  it.each([
    ['Kenya person:"Wang Yu Fei"', 'Wang Yi'],
    ['Kenya country:Kenyatta', 'Kenya'],
  ])('suggests close names for an unknown value in %s', (query, suggestion) => {
    const result = engine.search(query);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.suggestions).toContain(suggestion);
    expect(result.problem.message).toContain(suggestion);
  });

  it.each([
    ['10,000 characters of words', 'Kenya railway '.repeat(715)],
    ['10,000 characters without spaces', 'k'.repeat(10_000)],
    ['a pasted page of distinct words', Array.from({ length: 2000 }, (_, i) => `word${i}`).join(' ')],
  ])('%s is capped and answered', (_, query) => {
    expect(query.length).toBeGreaterThanOrEqual(10_000);
    const result = engine.search(query);
    expect(result.ok).toBe(true);
  });

  it.each([
    ['Chinese text in the corpus', '新华网', ['ken:4']],
    ['Chinese text not in the corpus', '中华人民共和国', []],
    ['emoji next to a word', 'Kenya 🤝', ['ken:1', 'mom:2']],
    ['regex metacharacters around words', '(Ruto|Tokayev)+', ['ken:0', 'kaz:0', 'kaz:3', 'kaz:5']],
    ['zero-width characters inside a word', 'Om\u200Bamo', ['mom:0']],
  ])('%s: %s', (_, query, expected) => {
    expect(allHits(query).sort()).toEqual([...expected].sort());
  });
});

describe('paging', () => {
  const everything = allHits('cooperation Kenya China');

  it.each([
    [{}, 5],
    [{ limit: 2 }, 2],
    [{ limit: 0 }, 1],
    [{ limit: 500 }, Math.min(50, everything.length)],
  ])('limit %j gives %i hits', (options, count) => {
    expect(hitsOf(engine.search('cooperation Kenya China', options))).toHaveLength(count);
  });

  it.each([[0], [2], [4], [6]])('offset %i continues where the previous page stopped', (offset) => {
    const page = hitsOf(engine.search('cooperation Kenya China', { limit: 2, offset })).map(where);
    expect(page).toEqual(everything.slice(offset, offset + 2));
  });

  it('counts every matching passage in total, whatever the page', () => {
    const first = engine.search('cooperation Kenya China', { limit: 1 });
    const later = engine.search('cooperation Kenya China', { limit: 1, offset: 3 });
    expect(first.ok && first.total).toBe(everything.length);
    expect(later.ok && later.total).toBe(everything.length);
  });

  it('returns no hits past the end', () => {
    expect(hitsOf(engine.search('cooperation', { offset: 1000 }))).toEqual([]);
  });
});

describe('hits', () => {
  it('carry the citation metadata of their document', () => {
    const [hit] = hitsOf(engine.search('extremism'));
    expect(hit).toMatchObject({
      docId: 'kaz',
      title: 'Xi Jinping holds talks with Tokayev',
      eventDate: '2023-05-17',
      place: "Xi'an",
      source: 'Xinhua',
      paragraph: 1,
    });
  });

  it.each([
    ['Mombasa railway', ['Mombasa', 'Nairobi', 'Railway'].slice(0, 1)],
    ['Kazakstan', ['Kazakhstan']],
    ['Xian', ["Xi'an"]],
    ['"shared future"', ['shared', 'future']],
  ])('highlight the matched words of %s', (query, words) => {
    const [hit] = hitsOf(engine.search(query));
    const marked = hit!.highlights.map(([start, end]) => hit!.snippet.slice(start, end));
    for (const word of words) expect(marked).toContain(word);
  });
});

describe('suggest', () => {
  it.each([
    ['person', 'tok', 'Kassym-Jomart Tokayev'],
    ['person', 'tokaev', 'Kassym-Jomart Tokayev'],
    ['person', 'ruto', 'William Ruto'],
    ['country', 'ken', 'Kenya'],
    ['country', 'kazak', 'Kazakhstan'],
    ['place', 'mom', 'Mombasa'],
    ['place', 'xian', "Xi'an"],
    ['document', 'kaz', 'kaz — Xi Jinping holds talks with Tokayev'],
    ['document', 'omamo', 'mom — Wang Yi and Omamo meet the press'],
    ['document', 'omamo pres', 'mom — Wang Yi and Omamo meet the press'],
    ['document', 'tokaev', 'kaz — Xi Jinping holds talks with Tokayev'],
  ] as const)('%s %s suggests %s', (kind, prefix, expected) => {
    expect(engine.suggest(kind, prefix, 5)).toContain(expected);
  });

  it.each([
    ['person', '', 3, 3],
    ['country', 'zzzzzz', 5, 0],
    ['person', 'x', 1, 1],
  ] as const)('%s %j with limit %i gives %i', (kind, prefix, limit, count) => {
    expect(engine.suggest(kind, prefix, limit)).toHaveLength(count);
  });
});

describe('an empty corpus', () => {
  const empty = createSearchEngine(makeCorpus([]));

  it.each([['Kenya'], ['"shared future"'], ['Kenya year:2023']])('answers %s with no hits', (query) => {
    const result = empty.search(query);
    expect(result.ok && result.total).toBe(0);
  });

  it('suggests nothing', () => {
    expect(empty.suggest('document', 'x')).toEqual([]);
    expect(empty.suggest('person', '')).toEqual([]);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { describeCorpus, loadCorpus } from '../../../src/core/corpus/index.js';
import type { Corpus } from '../../../src/core/document.js';
import { SEEDS_DIR } from './corpus-fixtures.js';

let corpus: Corpus;
beforeAll(async () => {
  corpus = await loadCorpus(SEEDS_DIR);
});

const doc = (id: string) => {
  const found = corpus.documents.find((d) => d.id === id);
  if (!found) throw new Error(`seed ${id} did not load`);
  return found;
};

describe('the five seeds', () => {
  it('all load, in file-name order, with no warnings', () => {
    expect(corpus.documents.map((d) => d.id)).toEqual([
      '000_4428246b8b720a03',
      '001_de83d69b9d8be381',
      '002_3e7d9b0fb8ba22a7',
      '003_60b6fa42df298961',
      '004_d4b47ef68aae7118',
    ]);
    expect(corpus.warnings).toEqual([]);
    expect(corpus.documents.flatMap((d) => d.warnings)).toEqual([]);
  });

  it.each([
    ['000_4428246b8b720a03', '2025-04-24', '2025-04-24', 'Beijing', 'Xinhua'],
    ['001_de83d69b9d8be381', '2022-01-06', '2022-01-07', 'Mombasa', null],
    ['002_3e7d9b0fb8ba22a7', '2023-05-17', '2023-05-17', "Xi'an", null],
    ['003_60b6fa42df298961', '2024-07-02', null, 'Astana', null],
    ['004_d4b47ef68aae7118', '2025-06-16', '2025-06-17', 'Astana', 'Xinhua'],
  ])('%s: event %s, published %s, place %s, source %s', (id, eventDate, publishedDate, place, source) => {
    expect(doc(id)).toMatchObject({ eventDate, publishedDate, place, source });
  });

  it.each([
    ['000_4428246b8b720a03', 'Chinese President Xi Jinping held talks with Kenyan President William Ruto in Beijing on Thursday'],
    ['001_de83d69b9d8be381', 'Wang Yi and Raychelle Awuor Omamo jointly met the press in Mombasa'],
    ['002_3e7d9b0fb8ba22a7', 'Xi Jinping Holds Talks with President Kassym-Jomart Tokayev of Kazakhstan'],
    ['003_60b6fa42df298961', 'President Xi Jinping Praises the Distinctive China-Kazakhstan Partnership'],
    ['004_d4b47ef68aae7118', 'Xi says China ready to work with Kazakhstan to contribute more to regional, world peace and development'],
  ])('%s has the title %s', (id, title) => {
    expect(doc(id).title).toBe(title);
  });

  it.each([
    ['000_4428246b8b720a03', ['Xi Jinping', 'William Ruto', 'Peng Liyuan', 'Rachel Ruto'], ['China', 'Kenya']],
    ['001_de83d69b9d8be381', ['Wang Yi', 'Raychelle Awuor Omamo'], ['Kenya', 'China']],
    ['002_3e7d9b0fb8ba22a7', ['Xi Jinping', 'Kassym-Jomart Tokayev', 'Cai Qi', 'Wang Yi', 'Qin Gang'], ['Kazakhstan', 'China']],
    ['003_60b6fa42df298961', ['Xi Jinping', 'Kassym-Jomart Tokayev'], ['China', 'Kazakhstan']],
    ['004_d4b47ef68aae7118', ['Xi Jinping', 'Kassym-Jomart Tokayev'], ['China', 'Kazakhstan']],
  ])('%s mentions %j and %j', (id, people, countries) => {
    expect(doc(id).people).toEqual(people);
    expect(doc(id).countries).toEqual(countries);
  });

  it.each([
    ['000_4428246b8b720a03', 17, 'BEIJING, April 24 (Xinhua) \u2014 Chinese President'],
    ['001_de83d69b9d8be381', 6, 'On January 6, 2022 local time,'],
    ['002_3e7d9b0fb8ba22a7', 7, 'On the afternoon of May 17, 2023,'],
    ['003_60b6fa42df298961', 13, 'Chinese President Xi Jinping emphasized on Tuesday'],
    ['004_d4b47ef68aae7118', 13, 'ASTANA, June 16 (Xinhua) -- Chinese President'],
  ])('%s has %i paragraphs and its lead starts %j', (id, count, leadStart) => {
    expect(doc(id).paragraphs).toHaveLength(count);
    expect(doc(id).paragraphs[0]?.text.startsWith(leadStart)).toBe(true);
  });

  it.each([
    ['share bar', /SHARES|Share Tweet/],
    ['breadcrumb', /Home\s*>/],
    ['suggest link', /Suggest To A Friend/],
    ['source bar', /From:|Date Add in|\[A A\]/],
    ['trailing pipe', /\|\s*$/],
    ['lone date line', /^\d{4}-\d{2}-\d{2}/],
    ['date token', /^date \d{4}/],
  ])('no paragraph or sentence keeps the %s', (_name, pattern) => {
    for (const d of corpus.documents) {
      for (const p of d.paragraphs) {
        expect(p.text).not.toMatch(pattern);
        for (const s of p.sentences) expect(s.text).not.toMatch(pattern);
      }
    }
  });

  it('headlines are metadata, not body paragraphs', () => {
    for (const id of ['002_3e7d9b0fb8ba22a7', '003_60b6fa42df298961', '004_d4b47ef68aae7118']) {
      expect(doc(id).paragraphs.map((p) => p.text)).not.toContain(doc(id).title);
    }
  });

  it('offsets of every paragraph and sentence slice back to their text, with stable ids', () => {
    for (const d of corpus.documents) {
      for (const [i, p] of d.paragraphs.entries()) {
        expect(p.id).toBe(`${d.id}:p${i}`);
        expect(p.index).toBe(i);
        expect(d.raw.slice(p.start, p.end)).toBe(p.text);
        expect(p.text).toBe(p.text.trim());
        expect(p.sentences.length).toBeGreaterThan(0);
        for (const [j, s] of p.sentences.entries()) {
          expect(s.id).toBe(`${p.id}:s${j}`);
          expect(s.index).toBe(j);
          expect(d.raw.slice(s.start, s.end)).toBe(s.text);
          expect(s.start).toBeGreaterThanOrEqual(p.start);
          expect(s.end).toBeLessThanOrEqual(p.end);
        }
      }
    }
  });

  it('keeps "2,000 years" and "32-year" inside their sentences', () => {
    const sentences = doc('003_60b6fa42df298961').paragraphs.flatMap((p) => p.sentences.map((s) => s.text));
    expect(sentences).toContain(
      'Xi noted that over 2,000 years ago, the ancient Silk Road connected China and Kazakhstan, laying the foundation for enduring friendship and cooperation between the two nations.',
    );
  });

  it('describes itself in the public JSON shape', () => {
    const described = describeCorpus(corpus);
    expect(Object.keys(described)).toEqual(['documents', 'warnings']);
    expect(Object.keys(described.documents[0] ?? {})).toEqual([
      'id',
      'title',
      'eventDate',
      'publishedDate',
      'place',
      'source',
      'people',
      'countries',
      'paragraphs',
      'sentences',
      'warnings',
    ]);
    expect(described.documents[3]).toMatchObject({ id: '003_60b6fa42df298961', eventDate: '2024-07-02', paragraphs: 13, sentences: 16 });
  });

  it('has a stable fingerprint', async () => {
    expect(corpus.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect((await loadCorpus(SEEDS_DIR)).fingerprint).toBe(corpus.fingerprint);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/corpus/index.js';
import { TINY_PEOPLE, tempFolders } from './corpus-fixtures.js';

const temp = tempFolders();
afterEach(() => temp.cleanup());

const TEXT = 'Xi Jinping emphasized on Tuesday that ties are strong.\nXi arrived in Beijing for talks.\n';

describe('sidecars', () => {
  it('set fields the text does not give', async () => {
    const dir = temp.folder({ 'people.json': TINY_PEOPLE, 'a.txt': TEXT, 'a.meta.json': '{"eventDate":"2024-07-02","source":"CGTN"}' });
    const [doc] = (await loadCorpus(dir)).documents;
    expect(doc).toMatchObject({ eventDate: '2024-07-02', source: 'CGTN', place: 'Beijing', publishedDate: null, warnings: [] });
  });

  it('clear the advice they settle: a dateline without a year asks once, and not at all once the sidecar gives the date', async () => {
    const yearless = 'BEIJING, April 24 (Xinhua) -- Xi Jinping said ties are strong.\n';
    const without = temp.folder({ 'people.json': TINY_PEOPLE, 'a.txt': yearless });
    const [asked] = (await loadCorpus(without)).documents;
    expect(asked?.warnings).toHaveLength(1);
    expect(asked?.warnings[0]).toMatch(/gives no year .* add "eventDate": "YYYY-MM-DD" to a\.meta\.json/);
    const settled = temp.folder({ 'people.json': TINY_PEOPLE, 'a.txt': yearless, 'a.meta.json': '{"eventDate":"2024-04-24"}' });
    const [doc] = (await loadCorpus(settled)).documents;
    expect(doc).toMatchObject({ eventDate: '2024-04-24', warnings: [] });
  });

  it('override every field the text gives', async () => {
    const sidecar = {
      title: 'My title',
      eventDate: '2020-02-29',
      publishedDate: null,
      place: 'Shanghai',
      source: null,
      people: ['Someone Else'],
      countries: ['Elsewhere'],
    };
    const dir = temp.folder({
      'people.json': TINY_PEOPLE,
      'a.txt': 'date 2025-04-24 BEIJING, April 24 (Xinhua) -- Xi said it. Fine.',
      'a.meta.json': JSON.stringify(sidecar),
    });
    const [doc] = (await loadCorpus(dir)).documents;
    expect(doc).toMatchObject(sidecar);
  });

  it.each([
    ['a bad date format', '{"eventDate":"July 2, 2024"}', /field eventDate must be a date written YYYY-MM-DD/],
    ['an impossible date', '{"eventDate":"2023-02-30"}', /field eventDate is not a real calendar date/],
    ['a wrong type', '{"people":"Xi"}', /field people /],
    ['a bad list item', '{"people":["Xi", 3]}', /field people\[1\]/],
    ['an unknown field', '{"eventdate":"2024-07-02"}', /field eventdate is not a known field/],
    ['broken JSON', '{"eventDate":', /not valid JSON/],
    ['an array', '[]', /field \(root\)/],
  ])('with %s is reported and the document loads without it', async (_name, content, reason) => {
    const dir = temp.folder({ 'people.json': TINY_PEOPLE, 'a.txt': TEXT, 'a.meta.json': content });
    const corpus = await loadCorpus(dir);
    const [doc] = corpus.documents;
    expect(doc?.eventDate).toBeNull();
    expect(corpus.warnings).toEqual([{ file: 'a.meta.json', reason: expect.stringMatching(reason) }]);
    expect(corpus.warnings[0]?.reason).toContain('a.meta.json');
    expect(doc?.warnings).toContain(corpus.warnings[0]?.reason);
  });

  it('without a document is reported', async () => {
    const dir = temp.folder({ 'people.json': TINY_PEOPLE, 'a.txt': TEXT, 'b.meta.json': '{}' });
    expect((await loadCorpus(dir)).warnings).toEqual([{ file: 'b.meta.json', reason: expect.stringContaining('no document') }]);
  });

  it('the seeds ship one for 003 with only its event date', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../../seeds/003_60b6fa42df298961.meta.json', import.meta.url), 'utf8');
    expect(JSON.parse(text)).toEqual({ eventDate: '2024-07-02' });
  });
});

import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/corpus/index.js';
import { UserError } from '../../../src/core/user-error.js';
import { TINY_PEOPLE, tempFolders } from './corpus-fixtures.js';

const temp = tempFolders();
afterEach(() => temp.cleanup());

const GOOD = 'BEIJING, April 24 (Xinhua) -- Xi said something. He meant it.\n';

describe('bad files are warnings, never fatal', () => {
  it.each<[string, string | Uint8Array, RegExp]>([
    ['empty', '', /empty/],
    ['whitespace only', ' \n\n\t \n', /empty/],
    ['binary with NUL bytes', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]), /binary/],
    ['not UTF-8 (Latin-1)', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b, 0x2e]), /not valid UTF-8/],
    ['UTF-16', new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]), /UTF-16/],
    ['only site chrome', 'date 2025-04-24 0 SHARES Share Tweet\n\nHome > China News\n<Suggest To A Friend>\n', /no sentences/],
    ['only punctuation', '... --- |||\n* * *\n', /no sentences/],
  ])('%s', async (_name, content, reason) => {
    const dir = temp.folder({ 'people.json': TINY_PEOPLE, 'a_good.txt': GOOD, 'bad.txt': content });
    const corpus = await loadCorpus(dir);
    expect(corpus.documents.map((d) => d.id)).toEqual(['a_good']);
    expect(corpus.warnings).toEqual([{ file: 'bad.txt', reason: expect.stringMatching(reason) }]);
  });

  it('reports a 50 MB file without reading it', async () => {
    const dir = temp.folder({ 'people.json': TINY_PEOPLE, 'a_good.txt': GOOD });
    // A sparse file: 50 MB on stat, no memory or disk spent.
    writeFileSync(join(dir, 'huge.txt'), '');
    truncateSync(join(dir, 'huge.txt'), 50 * 1024 * 1024);
    const corpus = await loadCorpus(dir);
    expect(corpus.documents.map((d) => d.id)).toEqual(['a_good']);
    expect(corpus.warnings).toEqual([{ file: 'huge.txt', reason: expect.stringContaining('50 MB, over the 10 MB limit') }]);
  });

  it('honours a smaller size limit', async () => {
    const dir = temp.folder({ 'people.json': TINY_PEOPLE, 'a.txt': GOOD });
    const corpus = await loadCorpus(dir, { maxBytes: 10 });
    expect(corpus.documents).toEqual([]);
    expect(corpus.warnings[0]?.reason).toMatch(/over the 10 bytes limit/);
  });

  it('reports a file it cannot open (a dangling link)', async () => {
    const dir = temp.folder({ 'people.json': TINY_PEOPLE, 'a_good.txt': GOOD });
    symlinkSync(join(dir, 'nowhere'), join(dir, 'gone.txt'));
    const corpus = await loadCorpus(dir);
    expect(corpus.documents).toHaveLength(1);
    expect(corpus.warnings).toEqual([{ file: 'gone.txt', reason: expect.stringContaining('cannot be read (ENOENT)') }]);
  });

  it('reports two files with the same id and keeps the first', async () => {
    const dir = temp.folder({ 'people.json': TINY_PEOPLE, 'a.md': GOOD, 'a.txt': 'Other text here. Fine.' });
    const corpus = await loadCorpus(dir);
    expect(corpus.documents.map((d) => d.file)).toEqual(['a.md']);
    expect(corpus.warnings).toEqual([{ file: 'a.txt', reason: expect.stringContaining('a.md, already has the id a') }]);
  });

  it('ignores other files, hidden files and sub-folders', async () => {
    const dir = temp.folder({ 'people.json': TINY_PEOPLE, 'a.txt': GOOD, 'notes.pdf': 'x', '.hidden.txt': GOOD, README: GOOD });
    mkdirSync(join(dir, 'sub.txt'));
    const corpus = await loadCorpus(dir);
    expect(corpus.documents.map((d) => d.id)).toEqual(['a']);
    expect(corpus.warnings).toEqual([]);
  });

  it('loads a folder without a people table, with a warning', async () => {
    const dir = temp.folder({ 'a.txt': GOOD });
    const corpus = await loadCorpus(dir);
    expect(corpus.documents).toHaveLength(1);
    expect(corpus.documents[0]?.people).toEqual([]);
    expect(corpus.warnings).toEqual([{ file: 'people.json', reason: expect.stringContaining('No people table') }]);
  });

  it('loads an empty folder as an empty corpus', async () => {
    const corpus = await loadCorpus(temp.folder({ 'people.json': TINY_PEOPLE }));
    expect(corpus).toMatchObject({ documents: [], warnings: [] });
  });

  it('reports progress once per document file', async () => {
    const dir = temp.folder({ 'people.json': TINY_PEOPLE, 'a.txt': GOOD, 'b.txt': GOOD, 'c.txt': '' });
    const calls: [number, number][] = [];
    await loadCorpus(dir, { onProgress: (done, total) => calls.push([done, total]), concurrency: 1 });
    expect(calls).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });
});

describe('a missing or unusable folder is a clear error', () => {
  it.each([
    ['missing', (dir: string) => join(dir, 'no-such-folder'), /does not exist/],
    ['a file', (dir: string) => join(dir, 'a.txt'), /is a file, not a folder/],
  ])('%s', async (_name, pick, message) => {
    const path = pick(temp.folder({ 'a.txt': GOOD }));
    const error = await loadCorpus(path).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('seeds_missing');
    expect((error as UserError).message).toMatch(message);
    expect((error as UserError).message).toContain(path);
  });

  it('an invalid people table is an error naming the file and field', async () => {
    const dir = temp.folder({ 'people.json': '{"people":[{"aliases":[]}]}', 'a.txt': GOOD });
    await expect(loadCorpus(dir)).rejects.toThrow(/people\.json.*people\[0\]\.name/);
  });
});

describe('fingerprint', () => {
  it.each([
    ['a document changes', 'a.txt', 'Changed text. Still fine.'],
    ['a sidecar appears', 'a.meta.json', '{"eventDate":"2020-01-01"}'],
    ['the people table changes', 'people.json', '{}'],
    ['a bad file appears', 'z.txt', ''],
  ])('changes when %s', async (_name, file, content) => {
    const dir = temp.folder({ 'people.json': TINY_PEOPLE, 'a.txt': GOOD });
    const before = (await loadCorpus(dir)).fingerprint;
    writeFileSync(join(dir, file), content);
    expect((await loadCorpus(dir)).fingerprint).not.toBe(before);
  });
});

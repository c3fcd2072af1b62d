import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../../src/core/search/create-search-engine.js';
import { DOCUMENTS, GAZETTEER, makeCorpus } from './make-corpus.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'readout-search-cache-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Starts an engine over the cache folder and reports where its index came from. */
function start(fingerprint: string, documents = DOCUMENTS) {
  const sources: string[] = [];
  const progress: number[] = [];
  const engine = createSearchEngine(makeCorpus(documents, GAZETTEER, fingerprint), {
    cacheDir: dir,
    onIndex: (source) => sources.push(source),
    onProgress: (done) => progress.push(done),
  });
  return { engine, source: sources.join(','), progress };
}

const cacheFiles = () => readdirSync(dir).filter((name) => name.endsWith('.bin'));

type Damage = (file: string) => void;
const damages: [string, Damage][] = [
  ['truncated', (file) => writeFileSync(file, readFileSync(file).subarray(0, 40))],
  ['empty', (file) => writeFileSync(file, '')],
  ['garbage', (file) => writeFileSync(file, 'not an index at all')],
  [
    'one byte flipped in the postings',
    (file) => {
      const bytes = readFileSync(file);
      bytes[bytes.length - 3] = (bytes[bytes.length - 3]! + 1) % 256;
      writeFileSync(file, bytes);
    },
  ],
  [
    'bad header length',
    (file) => {
      const bytes = readFileSync(file);
      bytes.writeUInt32LE(0xffffff, 8);
      writeFileSync(file, bytes);
    },
  ],
];

describe('index cache', () => {
  it('builds on the first start and loads on the second', () => {
    const first = start('f1');
    expect(first.source).toBe('built');
    expect(first.progress.at(-1)).toBeGreaterThan(0);
    expect(cacheFiles()).toHaveLength(1);
    const second = start('f1');
    expect(second.source).toBe('cache');
    expect(second.progress).toEqual([second.progress[0]]);
    expect(second.progress[0]).toBe(first.progress.at(-1));
    expect(second.engine.search('Kazakstan', { limit: 50 })).toEqual(first.engine.search('Kazakstan', { limit: 50 }));
  });

  it.each([
    ['the corpus fingerprint changes', 'f2', DOCUMENTS],
    ['a paragraph changes under the same fingerprint', 'f1', DOCUMENTS.map((d, at) => (at === 0 ? { ...d, paragraphs: ['Changed.'] } : d))],
  ])('rebuilds when %s, and keeps only the new cache', (_, fingerprint, documents) => {
    start('f1');
    const next = start(fingerprint, documents);
    expect(next.source).toBe('built');
    expect(cacheFiles()).toHaveLength(1);
    expect(start(fingerprint, documents).source).toBe('cache');
  });

  it.each(damages)('rebuilds a %s cache without crashing', (_, damage) => {
    const first = start('f1');
    const [file] = cacheFiles();
    damage(join(dir, file!));
    const second = start('f1');
    expect(second.source).toBe('built');
    expect(second.engine.search('Kazakstan', { limit: 50 })).toEqual(first.engine.search('Kazakstan', { limit: 50 }));
    expect(start('f1').source).toBe('cache');
  });

  it('still answers when the cache folder cannot be written', () => {
    const blocked = join(dir, 'file-not-folder');
    writeFileSync(blocked, 'x');
    const engine = createSearchEngine(makeCorpus(DOCUMENTS, GAZETTEER), { cacheDir: blocked });
    const result = engine.search('Omamo');
    expect(result.ok && result.total).toBe(1);
  });
});

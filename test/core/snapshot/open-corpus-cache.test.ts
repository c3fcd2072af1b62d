import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeCorpus } from '../../../src/core/corpus/describe-corpus.js';
import { loadCorpus } from '../../../src/core/corpus/load-corpus.js';
import type { Corpus } from '../../../src/core/document.js';
import { openCorpus } from '../../../src/core/live/index.js';
import { extractQuotes } from '../../../src/core/quotes/index.js';
import { seedsCopy } from '../live/seeds-copy.js';

let remove: (() => void) | undefined;
afterEach(() => {
  remove?.();
  remove = undefined;
});

function copy() {
  const made = seedsCopy();
  remove = made.remove;
  return made;
}

/** Everything a document holds, read through its public fields (so lazy ones are built). */
function plain(corpus: Corpus) {
  return corpus.documents.map((document) => JSON.parse(JSON.stringify(document)) as unknown);
}

const files = (dir: string, prefix: string) => readdirSync(dir).filter((name) => name.startsWith(prefix));

type Damage = (file: string) => void;
const damages: [string, Damage][] = [
  ['truncated', (file) => writeFileSync(file, readFileSync(file).subarray(0, 100))],
  ['empty', (file) => writeFileSync(file, '')],
  ['garbage', (file) => writeFileSync(file, 'not a snapshot')],
  [
    'one byte flipped in the text',
    (file) => {
      const bytes = readFileSync(file);
      bytes[bytes.length - 20] = (bytes[bytes.length - 20]! + 1) % 256;
      writeFileSync(file, bytes);
    },
  ],
];

describe('the corpus snapshot', () => {
  it('reads back exactly the documents the files parse into, with their paragraphs and sentences', async () => {
    const { dir, cacheDir } = copy();
    const cold = await openCorpus(dir, { cacheDir });
    expect(cold.source).toBe('files');
    const warm = await openCorpus(dir, { cacheDir });
    expect(warm.source).toBe('snapshot');
    const parsed = await loadCorpus(dir);
    expect(plain(warm.corpus)).toEqual(plain(parsed));
    expect(describeCorpus(warm.corpus)).toEqual(describeCorpus(parsed));
    expect(warm.corpus.fingerprint).toBe(parsed.fingerprint);
    expect(warm.corpus.gazetteer).toEqual(parsed.gazetteer);
    expect(warm.search.search('belt and road')).toEqual(cold.search.search('belt and road'));
  });

  it('serves quotes from the snapshot equal to extracting them, and caches them once extracted', async () => {
    const { dir, cacheDir } = copy();
    const cold = await openCorpus(dir, { cacheDir });
    expect(files(cacheDir, 'quotes-')).toEqual([]);
    const extracted = cold.quotes.all();
    expect(files(cacheDir, 'quotes-')).toHaveLength(1);
    const parsed = await loadCorpus(dir);
    expect(extracted).toEqual(parsed.documents.flatMap((document) => extractQuotes(document, parsed.gazetteer)));
    const warm = await openCorpus(dir, { cacheDir });
    expect(warm.quotes.all()).toEqual(extracted);
    expect(warm.quotes.speakers()).toEqual(cold.quotes.speakers());
  });

  it.each(damages)('rebuilds from the files when the snapshot is %s', async (_name, damage) => {
    const { dir, cacheDir } = copy();
    const cold = await openCorpus(dir, { cacheDir });
    for (const name of files(cacheDir, 'corpus-')) damage(join(cacheDir, name));
    const again = await openCorpus(dir, { cacheDir });
    expect(again.source).toBe('files');
    expect(plain(again.corpus)).toEqual(plain(cold.corpus));
    expect((await openCorpus(dir, { cacheDir })).source).toBe('snapshot');
  });

  it.each(damages)('extracts the quotes again when their cache is %s', async (_name, damage) => {
    const { dir, cacheDir } = copy();
    const expected = (await openCorpus(dir, { cacheDir })).quotes.all();
    for (const name of files(cacheDir, 'quotes-')) damage(join(cacheDir, name));
    expect((await openCorpus(dir, { cacheDir })).quotes.all()).toEqual(expected);
  });

  it('reads the files again when one is touched or changed, reusing the documents that did not change', async () => {
    const { dir, cacheDir } = copy();
    const cold = await openCorpus(dir, { cacheDir });
    const [first, second] = cold.corpus.documents;
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, first!.file), later, later);
    const touched = await openCorpus(dir, { cacheDir });
    expect(touched.source).toBe('files');
    expect(plain(touched.corpus)).toEqual(plain(cold.corpus));
    writeFileSync(join(dir, second!.file), `${second!.raw}\n\nXi said the talks were a great success.\n`);
    const changed = await openCorpus(dir, { cacheDir });
    expect(changed.corpus.documents[1]!.raw).toContain('great success');
    expect(changed.corpus.fingerprint).not.toBe(cold.corpus.fingerprint);
  });

  it('rebuilds when the cache was written for another folder with the same names', async () => {
    const a = copy();
    const first = await openCorpus(a.dir, { cacheDir: a.cacheDir });
    writeFileSync(join(a.dir, 'zz_extra.txt'), 'BEIJING, May 5 (Xinhua) — Xi said the visit matters.\n');
    const second = await openCorpus(a.dir, { cacheDir: a.cacheDir });
    expect(second.source).toBe('files');
    expect(second.corpus.documents.length).toBe(first.corpus.documents.length + 1);
  });
});

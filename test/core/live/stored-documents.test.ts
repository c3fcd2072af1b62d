import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredText } from '../../../src/core/corpus/stored-text.js';
import { createLiveCorpus, type LiveCorpus } from '../../../src/core/live/index.js';
import { NEW_DOCUMENT, seedsCopy } from './seeds-copy.js';

let remove: (() => void) | undefined;
afterEach(() => {
  remove?.();
  remove = undefined;
});

const hits = (live: LiveCorpus, query: string) => {
  const result = live.current().search.search(query);
  return result.ok ? [...new Set(result.hits.map((hit) => hit.docId))] : [];
};

describe.each([
  ['in a worker thread', true],
  ['on its own thread', false],
])('stored documents in the live corpus, rebuilt %s', (_name, worker) => {
  it('serves the folder plus the store, takes a stored document on reload, and keeps its sidecar fields', async () => {
    const copy = seedsCopy();
    remove = copy.remove;
    const stored: StoredText[] = [];
    const live = await createLiveCorpus(copy.dir, { cacheDir: copy.cacheDir, worker, storedDocuments: async () => stored });
    const folderOnly = live.current().corpus.documents.length;
    expect(hits(live, 'zanzibarquay')).toEqual([]);
    stored.push({ id: 'web-0123456789ab', text: NEW_DOCUMENT, sidecar: { title: 'Xi meets Zanzibarquay', eventDate: '2025-03-03' } });
    const outcome = await live.reload('store');
    expect(outcome).toMatchObject({ kind: 'reloaded', added: ['web-0123456789ab'], documents: folderOnly + 1 });
    expect(hits(live, 'zanzibarquay')).toEqual(['web-0123456789ab']);
    const document = live.current().corpus.documents.find((d) => d.id === 'web-0123456789ab');
    expect(document).toMatchObject({ title: 'Xi meets Zanzibarquay', eventDate: '2025-03-03', people: ['Xi Jinping'] });
    expect(await live.reload('store')).toMatchObject({ kind: 'unchanged' });
  }, 30_000);

  it('reports a stored document whose id a folder file has, and one whose sidecar is bad, without losing the rest', async () => {
    const copy = seedsCopy();
    remove = copy.remove;
    writeFileSync(join(copy.dir, 'web-clash.txt'), NEW_DOCUMENT);
    const stored: StoredText[] = [
      { id: 'web-clash', text: NEW_DOCUMENT, sidecar: {} },
      { id: 'web-badsidecar', text: NEW_DOCUMENT, sidecar: { eventDate: '2025-02-30' } },
    ];
    const live = await createLiveCorpus(copy.dir, { cacheDir: copy.cacheDir, worker, storedDocuments: async () => stored });
    const { documents, warnings } = live.current().corpus;
    expect(documents.filter((d) => d.id === 'web-clash')).toHaveLength(1);
    expect(documents.find((d) => d.id === 'web-clash')?.file).toBe('web-clash.txt');
    expect(documents.find((d) => d.id === 'web-badsidecar')).toMatchObject({ eventDate: null, people: ['Xi Jinping'] });
    expect(warnings.map((w) => w.file)).toEqual(expect.arrayContaining(['store:web-clash', 'store:web-badsidecar']));
  }, 30_000);

  it('keeps serving the corpus it has when the store cannot be read, and says why', async () => {
    const copy = seedsCopy();
    remove = copy.remove;
    let broken = false;
    const live = await createLiveCorpus(copy.dir, {
      cacheDir: copy.cacheDir,
      worker,
      storedDocuments: async () => {
        if (broken) throw new Error('connection refused');
        return [];
      },
    });
    const before = live.current();
    broken = true;
    expect(await live.reload('store')).toMatchObject({ kind: 'failed', reason: 'connection refused' });
    expect(live.current()).toBe(before);
    expect(live.status()).toBe('ready');
  });
});

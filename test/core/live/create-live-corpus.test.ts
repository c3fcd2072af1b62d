import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLiveCorpus } from '../../../src/core/live/index.js';
import { NEW_DOCUMENT, seedsCopy } from './seeds-copy.js';

let remove: (() => void) | undefined;
afterEach(() => {
  remove?.();
  remove = undefined;
});

let worker = true;

async function liveCopy() {
  const copy = seedsCopy();
  remove = copy.remove;
  const live = await createLiveCorpus(copy.dir, { cacheDir: copy.cacheDir, worker });
  return { ...copy, live };
}

const hits = (live: Awaited<ReturnType<typeof createLiveCorpus>>, query: string) => {
  const result = live.current().search.search(query);
  return result.ok ? [...new Set(result.hits.map((hit) => hit.docId))] : [];
};

describe.each([
  ['rebuilding in a worker thread', true],
  ['rebuilding on its own thread', false],
])('the live corpus, %s', (_name, inWorker) => {
  beforeEach(() => {
    worker = inWorker;
  });

  it('takes a new document, keeps serving the old corpus until the new one is ready, and reports what changed', async () => {
    const { dir, live } = await liveCopy();
    const before = live.current();
    expect(hits(live, 'zanzibarquay')).toEqual([]);
    writeFileSync(join(dir, '900_new.txt'), NEW_DOCUMENT);
    const pending = live.reload('test');
    expect(live.current()).toBe(before);
    expect(live.status()).toBe('reloading');
    const outcome = await pending;
    expect(outcome).toMatchObject({ kind: 'reloaded', documents: 6, added: ['900_new'], removed: [], changed: [] });
    expect(live.status()).toBe('ready');
    expect(live.current()).not.toBe(before);
    expect(hits(live, 'zanzibarquay')).toEqual(['900_new']);
    // The unchanged documents were reused, not parsed again (on this thread: the very same objects).
    const unchanged = before.corpus.documents[0]!;
    const now = live.current().corpus.documents.find((d) => d.id === unchanged.id)!;
    if (!inWorker) expect(now).toBe(unchanged);
    expect(now).toEqual(unchanged);
  });

  it('reports a broken file without losing the good ones', async () => {
    const { dir, live } = await liveCopy();
    writeFileSync(join(dir, '901_broken.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00, 0x42]));
    const outcome = await live.reload('test');
    expect(outcome.kind).toBe('reloaded');
    expect(live.current().corpus.documents).toHaveLength(5);
    expect(live.current().corpus.warnings.map((w) => w.file)).toContain('901_broken.txt');
    expect(hits(live, 'belt and road').length).toBeGreaterThan(0);
  });

  it('keeps the old corpus when the folder disappears or the people table breaks, and says why', async () => {
    const { dir, live } = await liveCopy();
    writeFileSync(join(dir, 'people.json'), '{ "people": [ { "name": 7 } ] }');
    const broken = await live.reload('test');
    expect(broken).toMatchObject({ kind: 'failed', documents: 5 });
    expect(broken.kind === 'failed' && broken.reason).toMatch(/people\.json/);
    renameSync(dir, `${dir}-gone`);
    const gone = await live.reload('test');
    expect(gone).toMatchObject({ kind: 'failed', documents: 5 });
    expect(gone.kind === 'failed' && gone.reason).toMatch(/seeds/i);
    expect(hits(live, 'belt and road').length).toBeGreaterThan(0);
    expect(live.lastReload()).toBe(gone);
  });

  it('answers "unchanged" when nothing changed, and removes a deleted document', async () => {
    const { dir, live } = await liveCopy();
    expect(await live.reload('test')).toMatchObject({ kind: 'unchanged', documents: 5 });
    const [first] = live.current().corpus.documents;
    rmSync(join(dir, first!.file));
    expect(await live.reload('test')).toMatchObject({ kind: 'reloaded', documents: 4, removed: [first!.id] });
  });

  it('runs one reload at a time and once more for requests made during it', async () => {
    const { dir, live } = await liveCopy();
    let swaps = 0;
    live.onSwap(() => swaps++);
    writeFileSync(join(dir, '900_new.txt'), NEW_DOCUMENT);
    const first = live.reload('a');
    writeFileSync(join(dir, '902_new.txt'), NEW_DOCUMENT.replace('Zanzibarquay', 'Quokkastan'));
    const second = live.reload('b');
    const third = live.reload('c');
    expect(third).toBe(second);
    await Promise.all([first, second, third]);
    expect(live.current().corpus.documents.map((d) => d.id)).toEqual(expect.arrayContaining(['900_new', '902_new']));
    expect(swaps).toBeLessThanOrEqual(2);
  });
});

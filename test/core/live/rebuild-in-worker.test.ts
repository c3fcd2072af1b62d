import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCorpus } from '../../../src/core/live/index.js';
import { rebuildInWorker } from '../../../src/core/live/rebuild-in-worker.js';
import { UserError } from '../../../src/core/user-error.js';
import { NEW_DOCUMENT, seedsCopy } from './seeds-copy.js';

let remove: (() => void) | undefined;
afterEach(() => {
  remove?.();
  remove = undefined;
});

describe('rebuilding in a worker thread', () => {
  it('writes the caches, so this thread opens the new corpus from the snapshot', async () => {
    const copy = seedsCopy();
    remove = copy.remove;
    await openCorpus(copy.dir, { cacheDir: copy.cacheDir });
    writeFileSync(join(copy.dir, '900_new.txt'), NEW_DOCUMENT);
    await rebuildInWorker(copy.dir, copy.cacheDir);
    const opened = await openCorpus(copy.dir, { cacheDir: copy.cacheDir });
    expect(opened.source).toBe('snapshot');
    expect(opened.corpus.documents.map((document) => document.id)).toContain('900_new');
  });

  it('rejects with the folder problem as a UserError', async () => {
    const copy = seedsCopy();
    remove = copy.remove;
    const failure = rebuildInWorker(join(copy.dir, 'missing'), copy.cacheDir);
    await expect(failure).rejects.toBeInstanceOf(UserError);
    await expect(failure).rejects.toThrow(/missing/);
  });
});

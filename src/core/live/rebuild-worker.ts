import { parentPort, workerData } from 'node:worker_threads';
import type { StoredText } from '../corpus/stored-text.js';
import { UserError } from '../user-error.js';
import { openCorpus } from './open-corpus.js';

/** Runs in a worker thread: parses what changed, builds the index and writes the caches, so the bot's thread only reads them. */
const { dir, cacheDir, stored } = workerData as { dir: string; cacheDir: string; stored: StoredText[] };
try {
  const state = await openCorpus(dir, { cacheDir, stored });
  parentPort?.postMessage({ ok: true, documents: state.corpus.documents.length });
} catch (error) {
  parentPort?.postMessage({
    ok: false,
    code: error instanceof UserError ? error.code : 'rebuild_failed',
    message: error instanceof Error ? error.message : String(error),
  });
}

import { Worker } from 'node:worker_threads';
import type { StoredText } from '../corpus/stored-text.js';
import { UserError } from '../user-error.js';

type WorkerReply = { ok: true; documents: number } | { ok: false; code: string; message: string };

/**
 * Rebuilds the caches of a seeds folder plus the stored documents (snapshot and index) in a worker thread and resolves when they are written;
 * the caller then opens them on its own thread in a fraction of the time. A folder problem rejects with its UserError.
 */
export function rebuildInWorker(dir: string, cacheDir: string, stored: readonly StoredText[] = []): Promise<void> {
  // From the TypeScript sources the worker is TypeScript too: a small bootstrap registers tsx in the thread first.
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = new URL(`./rebuild-worker.${fromSources ? 'ts' : 'js'}`, import.meta.url);
  const start = fromSources ? new URL('./rebuild-worker-tsx.mjs', import.meta.url) : entry;
  return new Promise((resolve, reject) => {
    const worker = new Worker(start, { workerData: { dir, cacheDir, stored, entry: entry.href } });
    let settled = false;
    worker.once('message', (reply: WorkerReply) => {
      settled = true;
      if (reply.ok) resolve();
      else reject(reply.code === 'rebuild_failed' ? new Error(reply.message) : new UserError(reply.code, reply.message));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the rebuild worker exited with code ${code} before finishing`));
    });
  });
}

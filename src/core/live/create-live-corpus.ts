import type { StoredText } from '../corpus/stored-text.js';
import type { Document, LoadWarning } from '../document.js';
import { UserError } from '../user-error.js';
import { type CorpusState, corpusChangedSince, type OpenCorpusOptions, openCorpus } from './open-corpus.js';
import { rebuildInWorker } from './rebuild-in-worker.js';

/** `reloading` while a new corpus is built beside the one serving (which keeps answering); `ready` otherwise. */
export type CorpusStatus = 'ready' | 'reloading';

/** What a reload did: swapped in a new corpus, found nothing changed, or failed and kept the old one. */
export type ReloadOutcome =
  | {
      kind: 'reloaded';
      documents: number;
      added: string[];
      removed: string[];
      changed: string[];
      warnings: LoadWarning[];
      durationMs: number;
    }
  | { kind: 'unchanged'; documents: number; warnings: LoadWarning[] }
  | { kind: 'failed'; reason: string; documents: number };

/** The corpus the bot serves, replaced atomically when the seeds folder changes. */
export interface LiveCorpus {
  dir: string;
  /** The corpus serving now; commands read it once per invocation. */
  current(): CorpusState;
  status(): CorpusStatus;
  /** Rebuilds from the folder and the store and swaps the result in; one reload at a time, a request during one runs once after it. */
  reload(reason: string): Promise<ReloadOutcome>;
  /** The last reload's outcome, if any. */
  lastReload(): ReloadOutcome | undefined;
  /** Calls `listener` after every swap (to warm quotes, log). */
  onSwap(listener: (state: CorpusState, outcome: ReloadOutcome) => void): void;
}

export interface LiveCorpusOptions extends Omit<OpenCorpusOptions, 'previous'> {
  /**
   * Rebuild in a worker thread (default: whenever there is a cache folder): the worker parses and indexes and writes
   * the caches, and this thread only reads them back, so commands are not held up by a rebuild.
   */
  worker?: boolean;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
  /** The documents kept in the store, read at open and at every reload (served beside the folder's). */
  storedDocuments?: () => Promise<readonly StoredText[]>;
}

/** Opens the folder once and returns the live holder; later changes arrive through `reload`. */
export async function createLiveCorpus(dir: string, options: LiveCorpusOptions = {}): Promise<LiveCorpus> {
  const now = options.now ?? Date.now;
  const readStored = options.storedDocuments ?? (async () => []);
  let state = await openCorpus(dir, { ...options, stored: await readStored() });
  let status: CorpusStatus = 'ready';
  let last: ReloadOutcome | undefined;
  let running: Promise<ReloadOutcome> | undefined;
  let queued: Promise<ReloadOutcome> | undefined;
  const listeners: ((state: CorpusState, outcome: ReloadOutcome) => void)[] = [];

  const rebuild = async (): Promise<ReloadOutcome> => {
    const started = now();
    const before = state;
    // Reading the store yields the thread: callers see `reloading` from the moment a reload starts.
    status = 'reloading';
    let stored: readonly StoredText[];
    try {
      stored = await readStored();
    } catch (error) {
      // The store being unreachable is a failed reload: the corpus serving now keeps answering.
      status = 'ready';
      return { kind: 'failed', reason: error instanceof Error ? error.message : String(error), documents: before.corpus.documents.length };
    }
    if (!corpusChangedSince(dir, before, stored)) {
      status = 'ready';
      return { kind: 'unchanged', documents: before.corpus.documents.length, warnings: before.corpus.warnings };
    }
    try {
      if (options.cacheDir && options.worker !== false) {
        try {
          await rebuildInWorker(dir, options.cacheDir, stored);
        } catch (error) {
          // A folder problem is the answer; a worker that could not run leaves the work to this thread.
          if (error instanceof UserError) throw error;
        }
      }
      const next = await openCorpus(dir, { ...options, stored, previous: before });
      if (next.corpus.fingerprint === before.corpus.fingerprint) {
        // Only modification times moved: keep serving the same objects, but remember the new stamps.
        state = { ...before, stampKey: next.stampKey };
        return { kind: 'unchanged', documents: before.corpus.documents.length, warnings: before.corpus.warnings };
      }
      state = next;
      // The replaced book's background extraction would only spend CPU on quotes nobody will ask for.
      before.quotes.abandon();
      const outcome: ReloadOutcome = {
        kind: 'reloaded',
        ...difference(before, next),
        warnings: next.corpus.warnings,
        durationMs: now() - started,
      };
      for (const listener of listeners) listener(next, outcome);
      return outcome;
    } catch (error) {
      const reason = error instanceof UserError ? error.message : error instanceof Error ? error.message : String(error);
      return { kind: 'failed', reason, documents: before.corpus.documents.length };
    } finally {
      status = 'ready';
    }
  };

  const reload = (_reason: string): Promise<ReloadOutcome> => {
    if (!running) {
      running = rebuild()
        .then((outcome) => {
          last = outcome;
          return outcome;
        })
        .finally(() => {
          running = undefined;
        });
      return running;
    }
    // Changes made while a reload runs may have been missed by it: run once more after it, for every waiting caller.
    queued ??= running.then(() => {
      queued = undefined;
      return reload(_reason);
    });
    return queued;
  };

  return {
    dir,
    current: () => state,
    status: () => status,
    reload,
    lastReload: () => last,
    onSwap: (listener) => {
      listeners.push(listener);
    },
  };
}

function difference(before: CorpusState, after: CorpusState): { documents: number; added: string[]; removed: string[]; changed: string[] } {
  const old = new Map(before.corpus.documents.map((document) => [document.id, document]));
  // Two documents are the same when their parsing keys (file, content, sidecar and people table) are.
  const keyOf = (state: CorpusState) => {
    const keys = new Map<Document, string>();
    for (const [key, document] of state.parsed) keys.set(document, key);
    return keys;
  };
  const beforeKeys = keyOf(before);
  const afterKeys = keyOf(after);
  const added: string[] = [];
  const changed: string[] = [];
  for (const document of after.corpus.documents) {
    const earlier = old.get(document.id);
    if (!earlier) added.push(document.id);
    else if (earlier !== document && (beforeKeys.get(earlier) ?? earlier) !== (afterKeys.get(document) ?? document))
      changed.push(document.id);
    old.delete(document.id);
  }
  return { documents: after.corpus.documents.length, added, removed: [...old.keys()], changed };
}

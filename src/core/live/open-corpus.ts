import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { loadCorpus } from '../corpus/load-corpus.js';
import { type StoredText, storedTextsKey } from '../corpus/stored-text.js';
import type { Corpus, Document } from '../document.js';
import { createQuoteBook, type LazyQuoteBook } from '../quotes/create-quote-book.js';
import { createSearchEngine } from '../search/create-search-engine.js';
import type { SearchEngine } from '../search/search-types.js';
import { codeVersion } from '../snapshot/code-version.js';
import { loadCorpusSnapshot, saveCorpusSnapshot } from '../snapshot/corpus-snapshot.js';
import { loadQuoteCache, saveQuoteCache } from '../snapshot/quote-cache.js';
import { statCorpusFiles } from './stat-corpus-files.js';

/** The long stages of opening a corpus, each with its own progress. */
export type OpenStage = 'read' | 'save' | 'index' | 'quotes';

/** One loaded corpus with everything built from it; replaced whole, never changed in place. */
export interface CorpusState {
  corpus: Corpus;
  search: SearchEngine;
  quotes: LazyQuoteBook;
  /** Parsed documents by the loader's reuse key, so the next load parses only files that changed. */
  parsed: ReadonlyMap<string, Document>;
  /** Where the documents came from: the snapshot cache, or the files. */
  source: 'snapshot' | 'files';
  /** The snapshot key the state matches (folder, code and file stamps), for the next open to compare. */
  stampKey: string | null;
}

export interface OpenCorpusOptions {
  /** Folder for the snapshot, index and quote caches; nothing is cached without it. */
  cacheDir?: string;
  /** The state being replaced: unchanged documents are reused instead of parsed again. */
  previous?: CorpusState;
  /** Documents from the store, served beside the folder's. */
  stored?: readonly StoredText[];
  onProgress?: (stage: OpenStage, done: number, total: number) => void;
}

/**
 * Opens a seeds folder: from the snapshot cache when the files and the code are unchanged, else by reading the
 * files (reusing what `previous` parsed) and writing a new snapshot. The search index is loaded or built;
 * quotes are extracted only when a command asks for them. Throws a UserError when the folder is missing.
 */
export async function openCorpus(dir: string, options: OpenCorpusOptions = {}): Promise<CorpusState> {
  const { cacheDir } = options;
  const version = codeVersion();
  const stampKey = corpusStampKey(dir, options.stored ?? []);
  const snapshotPath = cacheDir ? join(cacheDir, `corpus-${hashOf(resolve(dir)).slice(0, 16)}.bin`) : undefined;

  let corpus: Corpus | undefined;
  let parsed: ReadonlyMap<string, Document> | undefined;
  let source: CorpusState['source'] = 'files';
  if (snapshotPath && stampKey) {
    const snapshot = loadCorpusSnapshot(snapshotPath, stampKey, dir);
    if (snapshot) {
      ({ corpus, parsed } = snapshot);
      source = 'snapshot';
      options.onProgress?.('read', 1, 1);
    }
  }
  if (!corpus) {
    const next = new Map<string, Document>();
    // After a restart, the stale snapshot of the same code still holds every unchanged document, parsed.
    const previous =
      options.previous?.parsed ??
      (snapshotPath ? loadCorpusSnapshot(snapshotPath, (key) => key.startsWith(`${version}:`), dir)?.parsed : undefined);
    corpus = await loadCorpus(dir, {
      ...(options.stored ? { stored: options.stored } : {}),
      reuse: { previous: previous ?? new Map(), next },
      onProgress: (done, total) => options.onProgress?.('read', done, total),
    });
    parsed = next;
    if (snapshotPath && stampKey) {
      const keys = new Map<Document, string>();
      for (const [key, document] of next) keys.set(document, key);
      options.onProgress?.('save', 0, corpus.documents.length);
      saveCorpusSnapshot(snapshotPath, stampKey, corpus, keys);
      options.onProgress?.('save', corpus.documents.length, corpus.documents.length);
    }
  }

  const contentKey = hashOf(version, corpus.fingerprint);
  const search = createSearchEngine(corpus, {
    ...(cacheDir ? { cacheDir, cacheKey: contentKey.slice(0, 32) } : {}),
    onProgress: (done, total) => options.onProgress?.('index', done, total),
    // "what did Ruto say about …": only then are every quote extracted (or read from the cache).
    quotedPassages: (speaker) => {
      const found = quotes.bySpeaker(speaker);
      return found.ok ? found.quotes : [];
    },
  });
  const quotesPath = cacheDir ? join(cacheDir, `quotes-${hashOf(resolve(dir)).slice(0, 16)}.bin`) : undefined;
  const quotes = createQuoteBook(corpus, {
    ...(quotesPath
      ? {
          cached: () => loadQuoteCache(quotesPath, contentKey),
          onExtracted: (all) => saveQuoteCache(quotesPath, contentKey, all),
        }
      : {}),
    onProgress: (done, total) => options.onProgress?.('quotes', done, total),
  });
  return { corpus, search, quotes, parsed: parsed ?? new Map(), source, stampKey };
}

/** Whether the folder's files (names, sizes, modification times), the stored documents or the code changed since `state` was opened. */
export function corpusChangedSince(dir: string, state: CorpusState, stored: readonly StoredText[] = []): boolean {
  const key = corpusStampKey(dir, stored);
  return key === null || state.stampKey === null || key !== state.stampKey;
}

/** The snapshot key: code version, folder stamps and stored documents; null when the folder cannot be listed. */
function corpusStampKey(dir: string, stored: readonly StoredText[]): string | null {
  const stamps = statCorpusFiles(dir);
  if (stamps === null) return null;
  // The code version leads the key, so a snapshot of the same code with other file stamps can still lend its documents.
  const parts = stored.length > 0 ? [resolve(dir), stamps, storedTextsKey(stored)] : [resolve(dir), stamps];
  return `${codeVersion()}:${hashOf(...parts)}`;
}

function hashOf(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

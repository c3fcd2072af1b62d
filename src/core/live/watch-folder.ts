import { type FSWatcher, watch } from 'node:fs';
import { isCorpusFile } from './stat-corpus-files.js';

export interface FolderWatch {
  stop(): void;
}

export interface WatchOptions {
  /** Quiet time after the last change before `onChange` runs. */
  debounceMs: number;
  /** Longest a stream of changes can postpone `onChange` (default 10 x debounceMs). */
  maxWaitMs?: number;
  onChange: () => void;
  onError?: (error: Error) => void;
}

/**
 * Calls `onChange` once a burst of changes to the corpus files of `dir` has settled (an editor's save, a copy of
 * many files); dotfiles and other names are ignored. A watch that cannot start or fails reports through `onError`.
 */
export function watchFolder(dir: string, options: WatchOptions): FolderWatch {
  const maxWait = options.maxWaitMs ?? options.debounceMs * 10;
  let timer: NodeJS.Timeout | undefined;
  let firstChange: number | undefined;
  let watcher: FSWatcher | undefined;

  const fire = () => {
    timer = undefined;
    firstChange = undefined;
    options.onChange();
  };
  const changed = (name: string | null) => {
    if (name !== null && !isCorpusFile(name)) return;
    const at = Date.now();
    firstChange ??= at;
    if (timer) clearTimeout(timer);
    const wait = Math.max(0, Math.min(options.debounceMs, firstChange + maxWait - at));
    timer = setTimeout(fire, wait);
    timer.unref();
  };

  try {
    watcher = watch(dir, { persistent: false }, (_event, name) => changed(name === null ? null : String(name)));
    watcher.on('error', (error) => {
      options.onError?.(error);
      watcher?.close();
    });
  } catch (error) {
    options.onError?.(error as Error);
  }
  return {
    stop() {
      if (timer) clearTimeout(timer);
      watcher?.close();
    },
  };
}

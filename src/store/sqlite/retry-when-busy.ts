import type { Store } from '../../core/store/store-types.js';

/** How long one attempt may wait for a lock inside SQLite: the event loop is blocked while it does. */
export const SQLITE_BUSY_TIMEOUT_MS = 10;
/** How long a store call keeps trying (between turns of the loop) before the busy error reaches its caller. */
const GIVE_UP_AFTER_MS = 10_000;
const FIRST_WAIT_MS = 5;
const LONGEST_WAIT_MS = 100;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * The store with every call retried while another connection holds the write lock. better-sqlite3 is
 * synchronous, so SQLite's own busy wait blocks the event loop for as long as it waits (5 s stalled
 * Discord's 3 s deadline); here each attempt waits at most SQLITE_BUSY_TIMEOUT_MS and the waits between
 * attempts are timers, so commands and heartbeats go on. The store's writes are single transactions or
 * idempotent steps, so a call that failed busy is safe to run again.
 */
export function retryWhenBusy(store: Store, sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))): Store {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, method] of Object.entries(store) as [string, unknown][]) {
    if (typeof method !== 'function' || name === 'close') {
      wrapped[name] = method;
      continue;
    }
    const call = method as (...args: unknown[]) => Promise<unknown>;
    wrapped[name] = async (...args: unknown[]) => {
      const started = Date.now();
      for (let wait = FIRST_WAIT_MS; ; wait = Math.min(LONGEST_WAIT_MS, wait * 2)) {
        try {
          return await call.apply(store, args);
        } catch (error) {
          if (!isBusy(error) || Date.now() - started > GIVE_UP_AFTER_MS) throw error;
          await sleep(wait);
        }
      }
    };
  }
  return wrapped as unknown as Store;
}

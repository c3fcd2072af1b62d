import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import type { Store } from '../core/store/store-types.js';

export interface ActionTable<T> {
  /** Stores a value and returns its short key (kept in memory at once, and in the store when there is one). */
  put(value: T): string;
  /** The value from this process's memory, or undefined when it expired, was pushed out or was put elsewhere. */
  get(key: string): T | undefined;
  /** The value from memory, else from the store (put by another process, or before a restart); undefined once expired. */
  load(key: string): Promise<T | undefined>;
  readonly size: number;
}

export interface ActionTableOptions {
  maxEntries: number;
  ttlMs: number;
  clock: Clock;
  /**
   * Where entries also go, so a button answered by one process works when another (or this one after a
   * restart) receives the click. The store keeps them until `ttlMs` of database time, then sweeps them.
   */
  store?: Pick<Store, 'putAction' | 'getAction'>;
  /** Keeps tables apart in the store (`slack`, `discord-actions`, …). */
  namespace?: string;
  /** A failed store write loses only the cross-process copy; it is reported here, never thrown at the sender. */
  onStoreError?: (error: unknown) => void;
}

/**
 * A bounded, expiring map for button actions that do not fit a platform's button payload (Slack's
 * 2,000-character value, Discord's 100-character custom_id) and for the rest of a cut message.
 * Memory is bounded so a busy bot cannot grow without limit; with a store, entries outlive the process.
 */
export function createActionTable<T>(options: ActionTableOptions): ActionTable<T> {
  const entries = new Map<string, { value: T; expiresAt: number }>();
  const storeKey = (key: string) => `${options.namespace ?? 'actions'}:${key}`;
  const remember = (key: string, value: T) => {
    const now = options.clock.now().getTime();
    entries.set(key, { value, expiresAt: now + options.ttlMs });
    // Maps iterate in insertion order, so the first keys are the oldest.
    for (const [oldKey, entry] of entries) {
      if (entries.size <= options.maxEntries && entry.expiresAt > now) break;
      entries.delete(oldKey);
    }
  };
  const get = (key: string): T | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= options.clock.now().getTime()) {
      entries.delete(key);
      return undefined;
    }
    return entry.value;
  };
  return {
    put(value) {
      const key = randomBytes(8).toString('base64url');
      remember(key, value);
      options.store
        ?.putAction(storeKey(key), JSON.stringify(value), options.ttlMs)
        .catch((error: unknown) => options.onStoreError?.(error));
      return key;
    },
    get,
    async load(key) {
      const local = get(key);
      if (local !== undefined || !options.store) return local;
      const data = await options.store.getAction(storeKey(key));
      if (data === undefined) return undefined;
      const value = JSON.parse(data) as T;
      remember(key, value);
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}

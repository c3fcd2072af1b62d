import { randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock.js';

/**
 * A bounded, expiring in-memory table for what does not fit in a button's value (long queries, the rest
 * of a cut message). Old entries go first when it is full; a missing entry means "run the command again".
 */
export interface ActionTable<T> {
  put(value: T): string;
  get(id: string): T | undefined;
  readonly size: number;
}

export function createActionTable<T>(options: { maxEntries: number; ttlMs: number; clock: Clock }): ActionTable<T> {
  const entries = new Map<string, { value: T; expiresAt: number }>();
  return {
    put(value: T): string {
      const now = options.clock.now().getTime();
      for (const [id, entry] of entries) {
        // Map keeps insertion order, so the first entries are the oldest.
        if (entries.size < options.maxEntries && entry.expiresAt > now) break;
        entries.delete(id);
      }
      const id = randomBytes(6).toString('base64url');
      entries.set(id, { value, expiresAt: now + options.ttlMs });
      return id;
    },
    get(id: string): T | undefined {
      const entry = entries.get(id);
      if (!entry) return undefined;
      if (entry.expiresAt <= options.clock.now().getTime()) {
        entries.delete(id);
        return undefined;
      }
      return entry.value;
    },
    get size() {
      return entries.size;
    },
  };
}

import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock.js';

export interface ActionTable<T> {
  /** Stores a value and returns its short key. */
  put(value: T): string;
  /** The value, or undefined when it expired or was pushed out. */
  get(key: string): T | undefined;
  readonly size: number;
}

/**
 * A bounded, expiring in-memory map for button actions that do not fit a platform's button payload
 * (Slack's 2,000-character value, Discord's 100-character custom_id) and for the rest of a cut message.
 * Bounded so a busy bot cannot grow without limit; a lost entry only means "run the command again",
 * because a restart loses the table anyway.
 */
export function createActionTable<T>(options: { maxEntries: number; ttlMs: number; clock: Clock }): ActionTable<T> {
  const entries = new Map<string, { value: T; expiresAt: number }>();
  return {
    put(value) {
      const now = options.clock.now().getTime();
      const key = randomBytes(8).toString('base64url');
      entries.set(key, { value, expiresAt: now + options.ttlMs });
      // Maps iterate in insertion order, so the first keys are the oldest.
      for (const [oldKey, entry] of entries) {
        if (entries.size <= options.maxEntries && entry.expiresAt > now) break;
        entries.delete(oldKey);
      }
      return key;
    },
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= options.clock.now().getTime()) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    get size() {
      return entries.size;
    },
  };
}

import type { Clock } from '../../core/clock.js';

/** Remembers recent request keys for a while, so a redelivered request is acknowledged but not run twice. */
export interface SeenRequests {
  /** True the first time a key is seen within the window; false for a repeat. */
  firstSight(key: string): boolean;
}

export function createSeenRequests(options: { ttlMs: number; maxEntries: number; clock: Clock }): SeenRequests {
  const seen = new Map<string, number>();
  return {
    firstSight(key: string): boolean {
      const now = options.clock.now().getTime();
      for (const [old, expiresAt] of seen) {
        if (seen.size < options.maxEntries && expiresAt > now) break;
        seen.delete(old);
      }
      const expiresAt = seen.get(key);
      if (expiresAt !== undefined && expiresAt > now) return false;
      seen.set(key, now + options.ttlMs);
      return true;
    },
  };
}

import type { Logger } from '../core/logger.js';
import type { Store } from '../core/store/store-types.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface RetentionSweep {
  /** The sweep that runs at start, so callers (and tests) can wait for it. */
  first: Promise<void>;
  stop(): void;
}

/**
 * Deletes slot records and change log entries older than the retention, and expired button data: once at start, then hourly.
 * Every replica may run it; the deletes are idempotent. A failed sweep is logged and tried again later.
 */
export function startRetentionSweep(options: { store: Store; retentionDays: number; logger: Logger; intervalMs?: number }): RetentionSweep {
  const sweep = async () => {
    try {
      const removed = await options.store.sweep({ slotRetentionMs: options.retentionDays * DAY_MS });
      // The change log is kept as long as the ledger it explains.
      const changes = await options.store.sweepChanges({ retentionMs: options.retentionDays * DAY_MS });
      if (removed.slots > 0 || removed.actions > 0 || changes > 0)
        options.logger.info({ ...removed, changes, retentionDays: options.retentionDays }, 'retention sweep');
    } catch (error) {
      options.logger.warn({ err: error }, 'retention sweep failed; trying again in an hour');
    }
  };
  const first = sweep();
  const timer = setInterval(() => void sweep(), options.intervalMs ?? HOUR_MS);
  // The sweep alone must not keep a finished process alive.
  timer.unref();
  return { first, stop: () => clearInterval(timer) };
}

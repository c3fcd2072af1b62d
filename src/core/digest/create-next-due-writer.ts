import type { Store, Subscription } from '../store/store-types.js';

/** Next due times a run has computed, written a page at a time. */
export interface NextDueWriter {
  /** Queues `sub`'s next due time (nothing when the store has it already). */
  add(sub: Subscription, next: Date): void;
  /** Writes the queue when a page's worth has gathered. */
  flushIfFull(): Promise<void>;
  /** Writes whatever is queued. */
  flush(): Promise<void>;
}

const PAGE = 250;

/**
 * Collects next due times and writes them with `setNextDueBatch`, each one conditional on the schedule epoch it
 * was computed from: a subscription whose time, zone or status changed meanwhile keeps the null its change left,
 * so the next wake-up computes it afresh (one statement per page, not write, read back, write again).
 */
export function createNextDueWriter(store: Store): NextDueWriter {
  let queued: { ref: Subscription; nextDueAt: Date; scheduleSince: string }[] = [];
  const flush = async () => {
    if (queued.length === 0) return;
    const page = queued;
    queued = [];
    await store.setNextDueBatch(page.map(({ ref, nextDueAt, scheduleSince }) => ({ ref, nextDueAt, scheduleSince })));
  };
  return {
    add(sub, next) {
      if (sub.nextDueAt === next.toISOString()) return;
      queued.push({ ref: sub, nextDueAt: next, scheduleSince: sub.scheduleSince });
    },
    async flushIfFull() {
      if (queued.length >= PAGE) await flush();
    },
    flush,
  };
}

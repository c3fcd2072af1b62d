import type { DigestRunSummary } from '../core/digest/run-digests-types.js';
import type { Store } from '../core/store/store-types.js';

type TimedSlot = DigestRunSummary['slots'][number];

/**
 * A run summary whose posted slots carry `dueAt` and `postedAt`, read from the ledger when the run did
 * not report them, so the delivery-lag histogram sees every post. A ledger that cannot be read leaves the slot as it was.
 */
export async function withSlotTimes(summary: DigestRunSummary, store: Pick<Store, 'getSlot'>): Promise<DigestRunSummary> {
  const slots = await Promise.all(
    summary.slots.map(async (slot: TimedSlot): Promise<TimedSlot> => {
      if (slot.outcome !== 'posted' || (slot.dueAt && slot.postedAt)) return slot;
      const record = await store.getSlot(slot.key).catch(() => undefined);
      return record
        ? { ...slot, dueAt: slot.dueAt ?? record.dueAt ?? undefined, postedAt: slot.postedAt ?? record.postedAt ?? undefined }
        : slot;
    }),
  );
  return { ...summary, slots };
}

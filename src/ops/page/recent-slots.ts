import type { SlotRecord, Store } from '../../core/store/store-types.js';

const DAY_MS = 86_400_000;

/**
 * The ledger around now: slots of the local dates that can fall within the last day anywhere on Earth
 * (UTC yesterday to tomorrow), read one date at a time through the ledger's date index.
 */
export async function recentSlots(store: Store, now: Date): Promise<SlotRecord[]> {
  const dates = [-2, -1, 0, 1].map((offset) => new Date(now.getTime() + offset * DAY_MS).toISOString().slice(0, 10));
  return store.listSlotsOnDates(dates);
}

/** How a slot state counts on the page: states beyond these (new ones included) count as still open. */
export function stateGroup(state: string): 'posted' | 'skipped' | 'failed' | 'paused' | 'open' {
  if (state === 'posted') return 'posted';
  if (state.startsWith('skipped')) return 'skipped';
  if (state === 'failed') return 'failed';
  if (state === 'paused') return 'paused';
  return 'open';
}

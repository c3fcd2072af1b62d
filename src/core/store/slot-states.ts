import type { SlotState } from './store-types.js';

/** Every state but `claimed` is final: the ledger never claims such a slot again. */
export function isTerminalSlotState(state: SlotState): boolean {
  return state !== 'claimed';
}

import type { OpenSlotState, SlotState } from './store-types.js';

/** The states in which a slot may still be posted (claimed again once its lease or retry time has passed). */
export const OPEN_SLOT_STATES: readonly OpenSlotState[] = ['held', 'sending', 'retry_certain', 'retry_uncertain'];

/** Every state but the open ones is final: the ledger never claims such a slot again. */
export function isTerminalSlotState(state: SlotState): boolean {
  return !(OPEN_SLOT_STATES as readonly string[]).includes(state);
}

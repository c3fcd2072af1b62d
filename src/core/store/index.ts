export { slotKey } from './slot-key.js';
export { isTerminalSlotState, OPEN_SLOT_STATES } from './slot-states.js';
export type {
  ChannelRef,
  ImportResult,
  OpenSlotState,
  Replica,
  SlotFilter,
  SlotRecord,
  SlotState,
  Store,
  Subscription,
  SubscriptionFilter,
  SubscriptionInput,
  SweepResult,
  TerminalSlotState,
} from './store-types.js';

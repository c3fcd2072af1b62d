export { slotKey } from './slot-key.js';
export { isTerminalSlotState } from './slot-states.js';
export type {
  ChannelRef,
  ImportResult,
  Replica,
  SlotFilter,
  SlotRecord,
  SlotState,
  Store,
  Subscription,
  SubscriptionFilter,
  SubscriptionInput,
  SweepResult,
} from './store-types.js';

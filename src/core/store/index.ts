export { slotKey } from './slot-key.js';
export { isTerminalSlotState } from './slot-states.js';
export type {
  ChannelRef,
  SlotFilter,
  SlotRecord,
  SlotState,
  Store,
  Subscription,
  SubscriptionFilter,
  SubscriptionInput,
} from './store-types.js';

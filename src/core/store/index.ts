export { slotKey } from './slot-key.js';
export { isTerminalSlotState } from './slot-states.js';
export type {
  ChangeAction,
  ChangeInput,
  ChangeRecord,
  ChannelRef,
  ImportResult,
  SlotFilter,
  SlotRecord,
  SlotState,
  Store,
  Subscription,
  SubscriptionFilter,
  SubscriptionInput,
  SweepResult,
} from './store-types.js';

export type { AddDocumentResult, CorpusStore, DocumentInput, Feed, FeedPollUpdate, StoredDocument } from './corpus-store-types.js';
export { slotKey } from './slot-key.js';
export { isTerminalSlotState } from './slot-states.js';
export type {
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

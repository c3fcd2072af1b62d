export type { AnnouncementRecord, AnnouncementStorePort, AnnouncementUpdate, PendingAnnouncement } from './announcement-types.js';
export type { AddDocumentResult, CorpusStore, DocumentInput, Feed, FeedPollUpdate, StoredDocument } from './corpus-store-types.js';
export type { Follow, FollowInput, FollowStorePort } from './follow-types.js';
export { slotKey } from './slot-key.js';
export { isTerminalSlotState, OPEN_SLOT_STATES } from './slot-states.js';
export type {
  ChangeAction,
  ChangeInput,
  ChangeRecord,
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

export { applyMigrations, MIGRATIONS, type Migration } from './migrations.js';
export { DEFAULT_DATABASE_URL, openStore, sqlitePathOf } from './open-store.js';
export { slotKey } from './slot-key.js';
export { isTerminalSlotState } from './slot-states.js';
export { storeMessages } from './store-messages.js';
export type { ChannelRef, SlotRecord, SlotState, Store, Subscription } from './store-types.js';

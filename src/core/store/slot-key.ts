import type { ChannelRef } from './store-types.js';

/** The ledger key of one digest slot: `platform:workspace:channel:YYYY-MM-DD`, the unit of "exactly once". */
export function slotKey(ref: ChannelRef, localDate: string): string {
  return `${ref.platform}:${ref.workspace}:${ref.channel}:${localDate}`;
}

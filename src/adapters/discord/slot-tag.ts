import { slotNonce } from './slot-nonce.js';

const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/**
 * The line a digest message carries so the bot can find it again: Discord subtext (`-#`, small and grey),
 * readable in the bot's own messages without the message-content intent. Same slot and page, same line.
 */
export function slotTag(slotKey: string, page = 0): string {
  return `-# readout digest \`${slotNonce(slotKey, page)}\``;
}

/** The smallest snowflake of a given instant: `after` it lists every message sent from then on. */
export function snowflakeAt(ms: number): string {
  const at = BigInt(Math.max(0, Math.floor(ms))) - DISCORD_EPOCH_MS;
  return (at > 0n ? at << 22n : 0n).toString();
}

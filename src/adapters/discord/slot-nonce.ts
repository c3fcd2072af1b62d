import { createHash } from 'node:crypto';
import { discordLimits } from './discord-limits.js';

/**
 * The nonce a digest post carries: the same slot (and page) always gives the same 25 characters, so a
 * retried post with `enforce_nonce` is answered with the first message instead of posting twice.
 */
export function slotNonce(slotKey: string, page = 0): string {
  const hash = createHash('sha256').update(`${slotKey}#${page}`).digest('base64url');
  return `r${hash}`.slice(0, discordLimits.nonce);
}

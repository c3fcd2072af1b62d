import { randomUUID } from 'node:crypto';
import type { DigestPoster, PostHooks, PostResult } from '../../core/digest/digest-types.js';
import type { Reply } from '../../core/reply.js';
import type { ChannelRef } from '../../core/store/store-types.js';
import { renderText } from './render-text.js';

/** Posts digests to the terminal; the ledger keeps the message ids, so a console post is exactly-once too. */
export function createConsolePoster(
  print: (text: string) => void,
  color: boolean,
  /** Terminal columns to wrap to, read at each post; no wrapping when absent. */
  width?: () => number | undefined,
): DigestPoster {
  return {
    platform: 'console',
    async post(ref: ChannelRef, reply: Reply, slotKey: string, hooks?: PostHooks): Promise<PostResult> {
      if ((hooks?.firstPage ?? 0) > 0) return { messageId: '' };
      await hooks?.beforeRequest?.();
      const messageId = `console-${randomUUID().slice(0, 8)}`;
      // A follow's post (slot `…:doc:<id>`) is a new readout, not the day's digest.
      const kind = slotKey.includes(':doc:') ? 'new readout' : 'digest';
      print(
        `${renderText(reply, { color, width: width ? width() || 80 : undefined })}\n(${kind} ${slotKey} → #${ref.channel}, message ${messageId})`,
      );
      await hooks?.pageSent?.(0, messageId);
      return { messageId };
    },
    // The terminal keeps no history to search; the ledger's record is the only trace of a console post.
    async findPosted(): Promise<PostResult | undefined> {
      return undefined;
    },
  };
}

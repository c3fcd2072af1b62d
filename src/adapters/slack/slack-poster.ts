import type { webApi } from '@slack/bolt';
import type { DigestPoster, PostResult } from '../../core/digest/digest-types.js';
import type { Reply } from '../../core/reply.js';
import type { ChannelRef } from '../../core/store/store-types.js';
import { renderBlocks } from './render-blocks.js';
import { toPostError } from './to-post-error.js';

/** The metadata event type tagging a digest post, so an uncertain attempt can be found in the history. */
export const DIGEST_EVENT_TYPE = 'readout_digest';

/** How far back findPosted looks: a digest slot is settled within a day. */
const HISTORY_PAGE = 200;

/**
 * Posts digests with chat.postMessage. The client must not retry on its own (the digest ledger owns
 * retries and honours Retry-After through PostError), so pass one built with `retries: 0`.
 */
export function createSlackPoster(client: webApi.WebClient): DigestPoster {
  return {
    platform: 'slack',
    async post(ref: ChannelRef, reply: Reply, slotKey: string): Promise<PostResult> {
      // Digest buttons carry their action inline: a digest outlives any in-memory table.
      const message = renderBlocks(reply, {
        buttonValue: (button) => JSON.stringify({ k: 'a', c: button.action.command, a: button.action.args }),
      });
      try {
        const result = await client.chat.postMessage({
          channel: ref.channel,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
          metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { slot: slotKey } },
        });
        if (!result.ts) throw toPostError({ code: 'slack_webapi_platform_error', data: { error: 'missing_ts' } });
        return { messageId: result.ts };
      } catch (error) {
        throw toPostError(error);
      }
    },
    async findPosted(ref: ChannelRef, slotKey: string): Promise<PostResult | undefined> {
      try {
        const history = await client.conversations.history({ channel: ref.channel, include_all_metadata: true, limit: HISTORY_PAGE });
        const found = history.messages?.find(
          (message) =>
            message.metadata?.event_type === DIGEST_EVENT_TYPE &&
            (message.metadata.event_payload as { slot?: unknown } | undefined)?.slot === slotKey,
        );
        return found?.ts ? { messageId: found.ts } : undefined;
      } catch (error) {
        throw toPostError(error);
      }
    },
  };
}

import type { webApi } from '@slack/bolt';
import type { DigestPoster, PostHooks, PostResult } from '../../core/digest/digest-types.js';
import type { Button, Reply } from '../../core/reply.js';
import type { ChannelRef } from '../../core/store/store-types.js';
import { inlineButtonValue } from './button-codec.js';
import { renderBlocks } from './render-blocks.js';
import { slackLimits } from './slack-limits.js';
import { toPostError } from './to-post-error.js';

/** The metadata event type tagging a digest post, so an uncertain attempt can be found in the history. */
export const DIGEST_EVENT_TYPE = 'readout_digest';

/** findPosted reads at most this many pages of history, newest first. */
const HISTORY_PAGE = 200;
const HISTORY_PAGES = 5;
/** A slot's post cannot be older than its local date minus a day (time zones span about a day). */
const SLOT_DATE = /:(\d{4}-\d{2}-\d{2})$/;

/** The `oldest` bound for a slot's history search, in Slack's seconds, from the date ending the slot key. */
function oldestFor(slotKey: string): string | undefined {
  const date = SLOT_DATE.exec(slotKey)?.[1];
  if (!date) return undefined;
  const ms = Date.parse(`${date}T00:00:00Z`) - 24 * 60 * 60 * 1000;
  return Number.isNaN(ms) ? undefined : String(ms / 1000);
}

/** The digest's Slack message; its buttons carry their action inline, and one too long to carry is left out. */
function renderDigest(reply: Reply): ReturnType<typeof renderBlocks> {
  const inline = (button: Button) => inlineButtonValue(button.action);
  const buttons = reply.buttons.filter((button) => inline(button).length <= slackLimits.buttonValue);
  return renderBlocks({ ...reply, buttons }, { buttonValue: inline });
}

/**
 * Posts digests with chat.postMessage. The client must not retry on its own (the digest ledger owns
 * retries and honours Retry-After through PostError), so pass one built with `retries: 0`.
 */
export function createSlackPoster(client: webApi.WebClient): DigestPoster {
  // A fan-out posts one digest (one Reply object per date) to thousands of channels: rendered once.
  const rendered = new WeakMap<Reply, ReturnType<typeof renderBlocks>>();
  return {
    platform: 'slack',
    // chat.postMessage allows about one message per second per channel (short bursts aside).
    pacing: { perChannelMs: 1_000 },
    async post(ref: ChannelRef, reply: Reply, slotKey: string, hooks?: PostHooks): Promise<PostResult> {
      // Digest buttons carry their action inline, since a digest outlives any in-memory table; one too long to
      // carry is left out rather than sent cut.
      const message = rendered.get(reply) ?? renderDigest(reply);
      rendered.set(reply, message);
      // Outside the try: a lost lease or a stop is the runner's, not a Slack error.
      await hooks?.beforeRequest?.();
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
      const oldest = oldestFor(slotKey);
      let cursor: string | undefined;
      try {
        for (let page = 0; page < HISTORY_PAGES; page++) {
          const history = await client.conversations.history({
            channel: ref.channel,
            include_all_metadata: true,
            limit: HISTORY_PAGE,
            ...(oldest ? { oldest } : {}),
            ...(cursor ? { cursor } : {}),
          });
          const found = history.messages?.find(
            (message) =>
              message.metadata?.event_type === DIGEST_EVENT_TYPE &&
              (message.metadata.event_payload as { slot?: unknown } | undefined)?.slot === slotKey,
          );
          if (found?.ts) return { messageId: found.ts };
          cursor = history.response_metadata?.next_cursor || undefined;
          if (!history.has_more || !cursor) return undefined;
        }
        return undefined;
      } catch (error) {
        throw toPostError(error);
      }
    },
  };
}

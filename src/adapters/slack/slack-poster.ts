import type { webApi } from '@slack/bolt';
import type { DigestPoster, PostHooks, PostResult, SearchProgress } from '../../core/digest/digest-types.js';
import type { Button, Reply } from '../../core/reply.js';
import type { ChannelRef } from '../../core/store/store-types.js';
import { inlineButtonValue } from './button-codec.js';
import { renderBlocks } from './render-blocks.js';
import { slackLimits } from './slack-limits.js';
import { toPostError } from './to-post-error.js';

/**
 * Four digest posts a second per workspace (240 a minute): chat.postMessage allows about one message a second
 * per channel (paced apart) and, workspace-wide, "several hundred messages per minute" (its reference page),
 * so 240 stays under the lowest reading of that. One a second per workspace would take hours in a big one.
 */
export const SLACK_WORKSPACE_POST_INTERVAL_MS = 250;

/**
 * chat.postMessage allows about one message per second per channel (short bursts aside), and keeps a
 * workspace-wide limit too, shared through the store by every process posting to the workspace.
 */
export const SLACK_PACING = { perChannelMs: 1_000, perWorkspace: { intervalMs: SLACK_WORKSPACE_POST_INTERVAL_MS } };

/** The metadata event type tagging a digest post, so an uncertain attempt can be found in the history. */
export const DIGEST_EVENT_TYPE = 'readout_digest';

/**
 * Slack's current cap on conversations.history for apps outside the Marketplace: 15 messages a call
 * (and about one call a minute, which surfaces as a 429 → PostError('rate_limited'), so the runner waits).
 */
export const HISTORY_LIMIT = 15;
/** Pages read per search before giving up on completing it in this attempt (each page is one rate-limited call). */
const HISTORY_PAGES = 4;
/** Slack's clock and the ledger's may disagree a little; the search starts this much before the first claim. */
const CLOCK_SKEW_MS = 60_000;

interface HistoryMessage {
  ts?: string;
  bot_id?: string;
  metadata?: { event_type?: string; event_payload?: unknown };
}

/** A stored search position: where the walk down the history stands, and the newest message it saw. */
interface SearchPosition {
  oldest: string;
  cursor?: string;
  newest?: string;
}

function readPosition(text: string | null): SearchPosition | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<SearchPosition>;
    return typeof value.oldest === 'string' ? (value as SearchPosition) : undefined;
  } catch {
    // A position this version cannot read: search from the first claim again, as if none were stored.
    return undefined;
  }
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
  let botId: Promise<string> | undefined;
  /** Our own bot id (auth.test, once): only our messages can settle a slot. */
  const ownBotId = () => {
    botId ??= client.auth.test().then(
      (auth) => String(auth.bot_id ?? ''),
      (error: unknown) => {
        botId = undefined;
        throw error;
      },
    );
    return botId;
  };
  // A fan-out posts one digest (one Reply object per date) to thousands of channels: rendered once.
  const rendered = new WeakMap<Reply, ReturnType<typeof renderBlocks>>();
  return {
    platform: 'slack',
    // chat.postMessage allows about one message per second per channel (short bursts aside).
    pacing: SLACK_PACING,
    async post(ref: ChannelRef, reply: Reply, slotKey: string, hooks?: PostHooks): Promise<PostResult> {
      // Digest buttons carry their action inline, since a digest outlives any in-memory table; one too long to
      // carry is left out rather than sent cut.
      const message = rendered.get(reply) ?? renderDigest(reply);
      rendered.set(reply, message);
      // One message, page 0: nothing to send when the ledger has it already.
      if ((hooks?.firstPage ?? 0) > 0) return { messageId: '' };
      // Outside the try: a lost lease or a stop is the runner's, not a Slack error.
      await hooks?.beforeRequest?.();
      let ts: string;
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
        ts = result.ts;
      } catch (error) {
        throw toPostError(error);
      }
      await hooks?.pageSent?.(0, ts);
      return { messageId: ts };
    },
    /**
     * Reads the channel from the slot's first claim on (not from its date: an operator's `--date` run
     * posts today for any date), 15 messages a call, and keeps the bot's own message tagged with the slot.
     * History comes newest first: the search walks a cursor down to `oldest`, storing `{oldest, cursor}` after each
     * call, and a finished one stores the newest message seen as the next search's `oldest`. A search it cannot
     * finish now (more calls than it may make, or a 429) throws, so nothing is posted blind; the next attempt, in
     * any process, goes on from the stored position.
     */
    async findPosted(ref: ChannelRef, slotKey: string, since: Date, progress?: SearchProgress): Promise<PostResult | undefined> {
      const stored = readPosition(progress?.position ?? null);
      const oldest = stored?.oldest ?? ((since.getTime() - CLOCK_SKEW_MS) / 1000).toFixed(6);
      let cursor = stored?.cursor;
      let newest = stored?.newest ?? oldest;
      try {
        const bot = await ownBotId();
        for (let page = 0; page < HISTORY_PAGES; page++) {
          const history = await client.conversations.history({
            channel: ref.channel,
            include_all_metadata: true,
            limit: HISTORY_LIMIT,
            oldest,
            ...(cursor ? { cursor } : {}),
          });
          const messages = (history.messages as HistoryMessage[] | undefined) ?? [];
          for (const message of messages) if (message.ts && Number(message.ts) > Number(newest)) newest = message.ts;
          const found = messages.find(
            (message) =>
              message.bot_id === bot &&
              message.metadata?.event_type === DIGEST_EVENT_TYPE &&
              (message.metadata.event_payload as { slot?: unknown } | undefined)?.slot === slotKey,
          );
          if (found?.ts) return { messageId: found.ts };
          cursor = history.response_metadata?.next_cursor || undefined;
          if (!history.has_more || !cursor) {
            await progress?.advance(JSON.stringify({ oldest: newest }));
            return undefined;
          }
          await progress?.advance(JSON.stringify({ oldest, cursor, newest }));
        }
      } catch (error) {
        throw toPostError(error);
      }
      throw toPostError({ code: 'slack_webapi_platform_error', data: { error: 'history_search_incomplete' } });
    },
  };
}

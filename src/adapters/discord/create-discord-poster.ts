import { createHash } from 'node:crypto';
import { DiscordAPIError, HTTPError, type RateLimitData, RateLimitError, Routes } from 'discord.js';
import { createActionTable } from '../../commands/action-table.js';
import type { Clock } from '../../core/clock.js';
import { type DigestPoster, PostError, type PostHooks, type PostResult, type SearchProgress } from '../../core/digest/digest-types.js';
import type { Logger } from '../../core/logger.js';
import type { Reply } from '../../core/reply.js';
import type { ChannelRef } from '../../core/store/store-types.js';
import type { PagedReply } from './build-message.js';
import { buildMessages, type MessageTables } from './build-message.js';
import type { ButtonTarget } from './button-target.js';
import { createDiscordRest } from './create-discord-rest.js';
import { NO_MENTIONS } from './deliver-reply.js';
import { slotNonce } from './slot-nonce.js';
import { slotTag, snowflakeAt } from './slot-tag.js';

/** Discord's cap on one GET /channels/{id}/messages. */
const HISTORY_LIMIT = 100;
/** Pages read per search before giving up on completing it in this attempt. */
const HISTORY_PAGES = 5;
/** Discord's clock and the ledger's may disagree a little; the search starts this much before the first claim. */
const CLOCK_SKEW_MS = 60_000;

interface FetchedMessage {
  id: string;
  content?: string;
  author?: { id?: string };
}

export interface DiscordPosterOptions {
  token: string;
  apiUrl?: string | undefined;
  logger: Logger;
  clock: Clock;
  /** Longest rate-limit wait the library may sit out before the post fails as `rate_limited` (default 10 s). */
  maxRateLimitWaitMs?: number;
  /** How many 429s in a row one post may retry before giving up (default 2). */
  maxRateLimitRetries?: number;
  /** Per-request timeout (default 15 s); a timeout is `transient`. */
  timeoutMs?: number;
  /** Tables for button ids that do not fit inline; shared with the interaction handlers when given. */
  tables?: MessageTables;
  /** Requests per second this bot's digests may make, shared by every process on one database (default 48 of Discord's 50). */
  requestsPerSecond?: number;
}

/** Discord allows 50 requests per second per bot across all its processes; digests keep a little for commands. */
export const DISCORD_DIGEST_REQUESTS_PER_SECOND = 48;

/** The shared budget's name: one per bot (a hash of its token, never the token), so two bots on one database do not share. */
export function discordBudgetBucket(token: string): string {
  return `discord:${createHash('sha256').update(token).digest('hex').slice(0, 12)}`;
}

/**
 * Posts digests through the REST client. The library's rate-limit handling stays on, but bounded: it
 * waits out short limits itself and turns a long Retry-After (or a run of 429s) into
 * PostError('rate_limited', retryAfterMs), because by default it would retry a 429 forever.
 */
export function createDiscordPoster(options: DiscordPosterOptions): DigestPoster & { close(): void } {
  const maxWait = options.maxRateLimitWaitMs ?? 10_000;
  const maxRetries = options.maxRateLimitRetries ?? 2;
  const hits = new Map<string, number>();
  const rest = createDiscordRest({
    token: options.token,
    apiUrl: options.apiUrl,
    rest: {
      // Retries after 5xx/network errors; 429s are bounded by rejectOnRateLimit below.
      retries: 1,
      timeout: options.timeoutMs ?? 15_000,
      rejectOnRateLimit: (data: RateLimitData) => {
        const key = `${data.method} ${data.url}`;
        const count = (hits.get(key) ?? 0) + 1;
        hits.set(key, count);
        return data.retryAfter > maxWait || count > maxRetries;
      },
    },
  });
  const tables = options.tables ?? {
    actions: createActionTable<ButtonTarget>({ maxEntries: 2_000, ttlMs: 24 * 3_600_000, clock: options.clock }),
    pages: createActionTable<PagedReply>({ maxEntries: 500, ttlMs: 24 * 3_600_000, clock: options.clock }),
  };
  const log = options.logger.child({ component: 'discord-poster' });
  let botUserId: Promise<string> | undefined;
  /** Our own user id (GET /users/@me, once): only our messages can settle a slot. */
  const ownUserId = () => {
    botUserId ??= (rest.get(Routes.user('@me')) as Promise<{ id: string }>).then(
      (user) => user.id,
      (error: unknown) => {
        botUserId = undefined;
        throw error;
      },
    );
    return botUserId;
  };

  const perSecond = options.requestsPerSecond ?? DISCORD_DIGEST_REQUESTS_PER_SECOND;

  return {
    platform: 'discord',
    // Every page is a request against the bot's global budget, paced through the store so replicas share it.
    pacing: { shared: { bucket: discordBudgetBucket(options.token), intervalMs: 1000 / perSecond } },
    async post(ref: ChannelRef, reply: Reply, slotKey: string, hooks?: PostHooks): Promise<PostResult> {
      // A long digest goes out as one message per page; each page has its own nonce and tag, so a retry repeats none.
      // The tag is a subtext line in the message itself: nonces are forgotten after minutes, the tag is not.
      // Pages the ledger has recorded are not sent again; each new one is recorded before the next goes out.
      const messages = buildMessages(reply, tables);
      let firstId: string | undefined;
      for (const [page, message] of messages.entries()) {
        if (page < (hooks?.firstPage ?? 0)) continue;
        const url = Routes.channelMessages(ref.channel);
        // Outside the try: a lost lease or a stop is the runner's, not a platform error, and sends no more pages.
        await hooks?.beforeRequest?.();
        let posted: { id: string };
        try {
          posted = (await rest.post(url, {
            body: {
              ...message,
              content: slotTag(slotKey, page),
              allowed_mentions: NO_MENTIONS,
              nonce: slotNonce(slotKey, page),
              enforce_nonce: true,
            },
          })) as { id: string };
        } catch (error) {
          const postError = toPostError(error);
          log.warn({ channel: ref.channel, slotKey, page, kind: postError.kind, reason: postError.reason }, 'discord digest post failed');
          throw postError;
        } finally {
          for (const key of hits.keys()) if (key.includes(`/channels/${ref.channel}/`)) hits.delete(key);
        }
        firstId ??= posted.id;
        await hooks?.pageSent?.(page, posted.id);
      }
      return { messageId: firstId ?? '' };
    },
    /**
     * Reads the channel's messages after the snowflake of the slot's first claim (not its nonce: Discord
     * forgets nonces after minutes), or after where the last search stopped, 100 a call, and keeps the bot's
     * own message tagged with the slot and page. Each page read moves the stored position on, so a search it
     * cannot finish now throws, nothing is posted blind, and the next attempt goes on from there.
     */
    async findPosted(ref: ChannelRef, slotKey: string, since: Date, progress?: SearchProgress): Promise<PostResult | undefined> {
      const tag = slotTag(slotKey, progress?.page ?? 0);
      let after = progress?.position ?? snowflakeAt(since.getTime() - CLOCK_SKEW_MS);
      try {
        const bot = await ownUserId();
        for (let page = 0; page < HISTORY_PAGES; page++) {
          const query = new URLSearchParams({ after, limit: String(HISTORY_LIMIT) });
          const messages = (await rest.get(Routes.channelMessages(ref.channel), { query })) as FetchedMessage[];
          const found = messages.find((message) => message.author?.id === bot && message.content === tag);
          if (found) return { messageId: found.id };
          // Discord lists newest first; the next page starts after the newest one seen.
          after = messages.reduce((max, m) => (BigInt(m.id) > BigInt(max) ? m.id : max), after);
          if (messages.length < HISTORY_LIMIT) {
            // Read to the end: a later search (after another uncertain page) needs only what comes after this.
            await progress?.advance(after);
            return undefined;
          }
          await progress?.advance(after);
        }
      } catch (error) {
        throw toPostError(error);
      }
      throw new PostError('transient', 'history_search_incomplete');
    },
    /** Stops the REST client's sweeper timers. */
    close() {
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    },
  };
}

/** Maps a REST failure to what the digest runner should do: wait, retry, pause the subscription, or give up. */
export function toPostError(error: unknown): PostError {
  if (error instanceof PostError) return error;
  // Only a global 429 speaks for the whole bot; a route's own limit or a `shared` (per-resource) one holds that channel.
  if (error instanceof RateLimitError)
    return new PostError('rate_limited', 'http_429', Math.max(0, Math.ceil(error.retryAfter)), error.global ? 'global' : 'route');
  if (error instanceof DiscordAPIError || error instanceof HTTPError) {
    const status = error.status;
    if (status === 403 || status === 404) return new PostError('gone', `http_${status}`);
    if (status === 429) return new PostError('rate_limited', 'http_429');
    if (status >= 500) return new PostError('transient', `http_${status}`);
    return new PostError('fatal', `http_${status}`);
  }
  // After a 401 the REST client drops the token and refuses every later request: the token is bad for good.
  if (error instanceof Error && /token to be set/i.test(error.message)) return new PostError('fatal', 'http_401');
  if (error instanceof Error && error.name === 'AbortError') return new PostError('transient', 'timeout');
  // A network failure's message (`connect ECONNREFUSED …`) is for the log, not for the ledger users read.
  const code = (error as { code?: unknown } | undefined)?.code;
  return new PostError('transient', typeof code === 'string' && /^E[A-Z_]+$/.test(code) ? code.toLowerCase() : 'network_error');
}

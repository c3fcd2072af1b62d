import type { Reply } from '../reply.js';
import type { ChannelRef } from '../store/store-types.js';

export interface PostResult {
  /** Slack `ts` or Discord message id. */
  messageId: string;
}

/** How a platform post failed, so the digest runner knows whether to retry, wait or pause. */
export class PostError extends Error {
  readonly kind: 'rate_limited' | 'transient' | 'gone' | 'fatal';
  /** For `rate_limited`: how long the platform asked us to wait. */
  readonly retryAfterMs: number | undefined;
  /** Short machine reason: `channel_not_found`, `not_in_channel`, `http_403`, `timeout`, ... */
  readonly reason: string;
  constructor(kind: PostError['kind'], reason: string, retryAfterMs?: number) {
    super(`${kind}: ${reason}`);
    this.name = 'PostError';
    this.kind = kind;
    this.reason = reason;
    this.retryAfterMs = retryAfterMs;
  }
}

/** How fast a platform takes posts, so the runner paces a burst instead of collecting 429s. */
export interface PostPacing {
  /** Least time between two requests to one channel (Slack: about one message per second per channel). */
  perChannelMs?: number;
  /** A budget every process shares through the store: one request per `intervalMs` (Discord: 50 requests/s per bot). */
  shared?: { bucket: string; intervalMs: number };
}

/** What the runner asks of a poster while it posts. */
export interface PostHooks {
  /**
   * Awaited before each request to the platform (each page, each retry): waits for a paced turn and
   * renews the slot's lease. It throws when the lease was lost, and the poster must then send nothing more.
   */
  beforeRequest?(): Promise<void>;
}

/** What the digest runner needs from a platform: post once, tagged, and find an earlier uncertain post. */
export interface DigestPoster {
  platform: ChannelRef['platform'];
  /** The platform's rate limits; none means the runner does not pace this poster. */
  readonly pacing?: PostPacing;
  /** Posts the digest into the channel, tagged with the slot key where the bot can read it back. Throws PostError. */
  post(ref: ChannelRef, reply: Reply, slotKey: string, hooks?: PostHooks): Promise<PostResult>;
  /**
   * Finds the bot's message tagged with this slot key among the channel's messages since `since` (the
   * slot's first claim, from the ledger: no post for it can be older), to settle an attempt whose outcome
   * is unknown. Undefined only when the search was complete; throws PostError when it could not be.
   */
  findPosted(ref: ChannelRef, slotKey: string, since: Date): Promise<PostResult | undefined>;
}

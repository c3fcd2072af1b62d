import type { Reply } from '../reply.js';
import type { ChannelRef } from '../store/store-types.js';

export interface PostResult {
  /** Slack `ts` or Discord message id (of the first page this call sent; empty when it had none left to send). */
  messageId: string;
}

/** How a platform post failed, so the digest runner knows whether to retry, wait or pause. */
export class PostError extends Error {
  readonly kind: 'rate_limited' | 'transient' | 'gone' | 'fatal';
  /** For `rate_limited`: how long the platform asked us to wait. */
  readonly retryAfterMs: number | undefined;
  /**
   * For `rate_limited`: what the limit covers. `global` holds the whole bot (every channel, every replica);
   * `route` only the route or channel that was refused (Discord's per-route and `shared` scopes).
   */
  readonly scope: 'global' | 'route' | undefined;
  /** Short machine reason: `channel_not_found`, `not_in_channel`, `http_403`, `timeout`, ... */
  readonly reason: string;
  constructor(kind: PostError['kind'], reason: string, retryAfterMs?: number, scope?: 'global' | 'route') {
    super(`${kind}: ${reason}`);
    this.name = 'PostError';
    this.kind = kind;
    this.reason = reason;
    this.retryAfterMs = retryAfterMs;
    this.scope = scope;
  }
}

/** How fast a platform takes posts, so the runner paces a burst instead of collecting 429s. */
export interface PostPacing {
  /** Least time between two requests to one channel (Slack: about one message per second per channel). */
  perChannelMs?: number;
  /** A budget every process shares through the store: one request per `intervalMs` (Discord: 50 requests/s per bot). */
  shared?: { bucket: string; intervalMs: number };
  /**
   * A budget per workspace every process shares through the store (Slack keeps a workspace-wide limit on
   * chat.postMessage besides the per-channel one): one post per `intervalMs` in each workspace.
   */
  perWorkspace?: { intervalMs: number };
}

/** What the runner asks of a poster while it posts. */
export interface PostHooks {
  /**
   * Awaited before each request to the platform (each page, each retry): waits for a paced turn and
   * renews the slot's lease. It throws when the lease was lost, and the poster must then send nothing more.
   */
  beforeRequest?(): Promise<void>;
  /** Pages the ledger has recorded as sent already: the poster sends from this index on (default 0). */
  firstPage?: number;
  /**
   * Awaited after the platform accepted a page and before the next one is sent: the ledger records its index
   * and message id. It throws when the claim was lost, and the poster must then send nothing more.
   */
  pageSent?(index: number, messageId: string): Promise<void>;
}

/** Where a search of the channel stands, kept in the ledger so another attempt or process goes on from it. */
export interface SearchProgress {
  /**
   * The page whose fate is unknown: the first one the ledger has not recorded. Pages go out one at a time, each
   * recorded before the next is sent, so it is the only one that can be in the channel unrecorded.
   */
  page: number;
  /** Where the last search stopped, in the poster's own terms (a Discord message id, a Slack `oldest` and cursor). */
  position: string | null;
  /** Awaited after each page of history read, with the position to go on from. Throws when the claim was lost. */
  advance(position: string): Promise<void>;
}

/** What the digest runner needs from a platform: post once, tagged, and find an earlier uncertain post. */
export interface DigestPoster {
  platform: ChannelRef['platform'];
  /** The platform's rate limits; none means the runner does not pace this poster. */
  readonly pacing?: PostPacing;
  /** Posts the digest into the channel, tagged with the slot key where the bot can read it back. Throws PostError. */
  post(ref: ChannelRef, reply: Reply, slotKey: string, hooks?: PostHooks): Promise<PostResult>;
  /**
   * Finds the bot's message tagged with this slot key (and `progress.page`, default 0) among the channel's messages since `since` (the
   * slot's first claim, from the ledger: no post for it can be older), or from where `progress` says the last
   * search stopped, to settle an attempt whose outcome is unknown. Undefined only when the search was complete;
   * throws PostError when it could not be (a later attempt goes on from the stored position).
   */
  findPosted(ref: ChannelRef, slotKey: string, since: Date, progress?: SearchProgress): Promise<PostResult | undefined>;
}

import type { Clock } from '../../src/core/clock.js';
import {
  type DigestPoster,
  PostError,
  type PostHooks,
  type PostPacing,
  type PostResult,
  type SearchProgress,
} from '../../src/core/digest/digest-types.js';
import type { Reply } from '../../src/core/reply.js';
import type { ChannelRef } from '../../src/core/store/store-types.js';

/** How the next post call should go wrong. */
export type FakeFailure =
  /** 429 with Retry-After. */
  | { kind: 'rate_limited'; retryAfterMs: number }
  /** 5xx: refused, nothing posted. */
  | { kind: 'server_error' }
  /** Timed out after the platform accepted it: posted, but the caller cannot know. */
  | { kind: 'timeout_after_post' }
  /** Timed out before reaching the platform: nothing posted. */
  | { kind: 'timeout' }
  | { kind: 'gone'; reason?: 'channel_not_found' | 'not_in_channel' | 'http_403' | 'http_404' }
  | { kind: 'fatal'; reason?: string }
  /** The platform accepted the post, then the process died before the ledger write (modelled as a non-PostError throw). */
  | { kind: 'crash_after_post' };

export interface FakePost {
  ref: ChannelRef;
  reply: Reply;
  slotKey: string;
  messageId: string;
  /** When the platform accepted it (ISO), if the poster has a clock. */
  at: string | null;
}

function channelKey(ref: ChannelRef): string {
  return `${ref.platform}:${ref.workspace}:${ref.channel}`;
}

/** A platform that records posts, finds them by slot key, and fails on request. */
export class FakePoster implements DigestPoster {
  readonly platform: ChannelRef['platform'];
  /** Messages that exist in channels (including ones whose post call failed afterwards). */
  readonly posts: FakePost[] = [];
  /** Every post call, in order, with how it ended. */
  readonly calls: { slotKey: string; result: 'ok' | FakeFailure['kind'] }[] = [];
  readonly findCalls: string[] = [];
  /** The `since` bound of every findPosted call (ISO). */
  readonly findSince: string[] = [];
  private readonly failures: FakeFailure[] = [];
  private readonly searchFailures: PostError[] = [];
  private readonly goneChannels = new Map<string, NonNullable<Extract<FakeFailure, { kind: 'gone' }>['reason']>>();
  private nextId = 1;

  private readonly clock: Clock | undefined;
  readonly pacing: PostPacing | undefined;
  /** Posts that had begun and not yet finished, and the most at once: proof that a runner overlaps posts. */
  inFlight = 0;
  maxInFlight = 0;
  private readonly delay: ((slotKey: string) => Promise<void>) | undefined;

  constructor(
    platform: ChannelRef['platform'] = 'slack',
    options: {
      clock?: Clock;
      pacing?: PostPacing;
      /** Awaited inside every post call after its turn, as a platform's round trip: tests hold posts open with it. */
      delay?: (slotKey: string) => Promise<void>;
    } = {},
  ) {
    this.platform = platform;
    this.clock = options.clock;
    this.pacing = options.pacing;
    this.delay = options.delay;
  }

  /** Queues failures for the next post calls, in order. */
  failNext(...failures: FakeFailure[]): this {
    this.failures.push(...failures);
    return this;
  }

  /** Queues errors for the next findPosted calls, in order (a 429 with Retry-After, a gone channel). */
  failSearchNext(...errors: PostError[]): this {
    this.searchFailures.push(...errors);
    return this;
  }

  /** From now on every post to this channel fails as gone. */
  removeChannel(ref: ChannelRef, reason: 'channel_not_found' | 'not_in_channel' | 'http_403' | 'http_404' = 'channel_not_found'): void {
    this.goneChannels.set(channelKey(ref), reason);
  }

  postsFor(slotKey: string): FakePost[] {
    return this.posts.filter((post) => post.slotKey === slotKey);
  }

  private record(ref: ChannelRef, reply: Reply, slotKey: string): PostResult {
    const messageId = `m${this.nextId++}`;
    this.posts.push({ ref: { ...ref }, reply, slotKey, messageId, at: this.clock?.now().toISOString() ?? null });
    return { messageId };
  }

  async post(ref: ChannelRef, reply: Reply, slotKey: string, hooks?: PostHooks): Promise<PostResult> {
    // One message, page 0: nothing to send when the ledger has it already.
    if ((hooks?.firstPage ?? 0) > 0) return { messageId: '' };
    // Like the real posters: the runner's turn (pacing, lease) comes before the request, and a throw sends nothing.
    await hooks?.beforeRequest?.();
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    let result: PostResult;
    try {
      await this.delay?.(slotKey);
      result = this.send(ref, reply, slotKey);
    } finally {
      this.inFlight--;
    }
    // Like the real posters: the accepted page is reported before anything else is sent.
    await hooks?.pageSent?.(0, result.messageId);
    return result;
  }

  private send(ref: ChannelRef, reply: Reply, slotKey: string): PostResult {
    const gone = this.goneChannels.get(channelKey(ref));
    if (gone) {
      this.calls.push({ slotKey, result: 'gone' });
      throw new PostError('gone', gone);
    }
    const failure = this.failures.shift();
    this.calls.push({ slotKey, result: failure?.kind ?? 'ok' });
    switch (failure?.kind) {
      case undefined:
        return this.record(ref, reply, slotKey);
      case 'rate_limited':
        throw new PostError('rate_limited', 'ratelimited', failure.retryAfterMs);
      case 'server_error':
        throw new PostError('transient', 'http_503');
      case 'timeout':
        throw new PostError('transient', 'timeout');
      case 'timeout_after_post':
        this.record(ref, reply, slotKey);
        throw new PostError('transient', 'timeout');
      case 'gone':
        throw new PostError('gone', failure.reason ?? 'channel_not_found');
      case 'fatal':
        throw new PostError('fatal', failure.reason ?? 'invalid_blocks');
      case 'crash_after_post':
        this.record(ref, reply, slotKey);
        throw new Error('process died after the platform accepted the post');
    }
  }

  /** Like the platforms, only messages from `since` on are searched: a wrong bound misses the earlier post. */
  async findPosted(ref: ChannelRef, slotKey: string, since: Date, _progress?: SearchProgress): Promise<PostResult | undefined> {
    this.findCalls.push(slotKey);
    this.findSince.push(since.toISOString());
    const failure = this.searchFailures.shift();
    if (failure) throw failure;
    const found = this.posts.find(
      (post) =>
        post.slotKey === slotKey &&
        channelKey(post.ref) === channelKey(ref) &&
        (post.at === null || Date.parse(post.at) >= since.getTime()),
    );
    return found ? { messageId: found.messageId } : undefined;
  }
}

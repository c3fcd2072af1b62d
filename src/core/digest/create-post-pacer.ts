import type { Clock } from '../clock.js';
import type { ChannelRef, Store } from '../store/store-types.js';
import type { PostPacing } from './digest-types.js';

/** Hands out paced turns to post: per channel in this process, and a shared budget through the store. */
export interface PostPacer {
  /** Waits for this channel's next turn under `pacing`. */
  turn(pacing: PostPacing | undefined, ref: ChannelRef): Promise<void>;
  /**
   * The platform answered 429: keep this channel quiet for `ms`, and the shared budget too unless the limit's
   * scope was the route alone (Discord's per-route and `shared` 429s say nothing about the bot's other channels).
   */
  holdBack(pacing: PostPacing | undefined, ref: ChannelRef, ms: number, scope?: 'global' | 'route'): Promise<void>;
}

const channelKey = (ref: ChannelRef) => `${ref.platform}:${ref.workspace}:${ref.channel}`;
const workspaceBucket = (ref: ChannelRef) => `${ref.platform}:${ref.workspace}:posts`;

/**
 * Paces posts: a channel's turns are spaced in this run (Slack's per-channel limit; two processes rarely
 * post to one channel at once, since each slot has one holder), and a shared budget is a turn taken in the
 * store, so every process on one database draws on one rate (Discord's per-bot limit).
 */
export function createPostPacer(store: Store, clock: Clock, sleep: (ms: number) => Promise<void>): PostPacer {
  const channelNext = new Map<string, number>();
  const sentAt = new Map<string, number[]>();
  // Channels a route-scoped 429 holds back until a time; only this run posts to them (each slot has one holder).
  const routeHeld = new Map<string, number>();
  return {
    async turn(pacing, ref) {
      if (!pacing) return;
      const heldUntil = routeHeld.get(channelKey(ref));
      if (heldUntil !== undefined) {
        routeHeld.delete(channelKey(ref));
        const wait = heldUntil - clock.now().getTime();
        if (wait > 0) await sleep(wait);
      }
      if (pacing.perChannelMs) {
        const key = channelKey(ref);
        const now = clock.now().getTime();
        const at = Math.max(channelNext.get(key) ?? 0, now);
        channelNext.set(key, at + pacing.perChannelMs);
        if (at > now) await sleep(at - now);
      }
      if (pacing.perWorkspace) {
        const wait = await store.takeTurn(workspaceBucket(ref), { intervalMs: pacing.perWorkspace.intervalMs });
        if (wait > 0) await sleep(wait);
      }
      if (pacing.shared) {
        const { bucket, intervalMs } = pacing.shared;
        const wait = await store.takeTurn(bucket, { intervalMs });
        if (wait > 0) await sleep(wait);
        // Turns are spaced in database time, but a busy event loop can wake several late sleepers at once and
        // send them together; the platform counts arrivals per rolling second, so this process also keeps its
        // own sends within one second's budget (one wait, never a loop: a turn is never withheld for good).
        const perSecond = Math.max(1, Math.floor(1000 / Math.max(1, intervalMs)));
        const sent = (sentAt.get(bucket) ?? []).filter((at) => at > clock.now().getTime() - 1000);
        if (sent.length >= perSecond) await sleep(sent[sent.length - perSecond]! + 1000 - clock.now().getTime());
        sent.push(clock.now().getTime());
        sentAt.set(bucket, sent);
      }
    },
    async holdBack(pacing, ref, ms, scope) {
      if (!pacing || ms <= 0) return;
      const key = channelKey(ref);
      if (pacing.perChannelMs) channelNext.set(key, Math.max(channelNext.get(key) ?? 0, clock.now().getTime() + ms));
      if (pacing.perWorkspace && scope !== 'route') await store.takeTurn(workspaceBucket(ref), { intervalMs: 0, holdMs: ms });
      if (pacing.shared && scope === 'route') routeHeld.set(key, Math.max(routeHeld.get(key) ?? 0, clock.now().getTime() + ms));
      else if (pacing.shared) await store.takeTurn(pacing.shared.bucket, { intervalMs: 0, holdMs: ms });
    },
  };
}

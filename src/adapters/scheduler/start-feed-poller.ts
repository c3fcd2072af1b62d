import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { FeedPollResult, PollFeedsOptions } from '../../core/feeds/poll-feeds.js';
import { pollDueFeeds } from '../../core/feeds/poll-feeds.js';

export interface FeedPollerOptions extends Omit<PollFeedsOptions, 'owner'> {
  /** How often to look for due feeds (default one minute); each feed itself is polled every 30 minutes. */
  tickMs?: number;
  /** Delay before the first look, so start-up is not slowed (default 5 s). */
  firstTickMs?: number;
  owner?: string;
  onPoll?: (results: FeedPollResult[]) => void;
}

/**
 * Looks for due feeds every minute and polls them. Every replica runs one; leases in the store let exactly one
 * process poll a given feed, and fetch from a given host, at a time. Ticks never overlap, and `stop` waits for the one running, which fetches no further item once asked to stop.
 */
export function startFeedPoller(options: FeedPollerOptions): { stop(): Promise<void> } {
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let stopped = false;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    running = pollDueFeeds({ ...options, owner, shouldStop: () => stopped })
      .then((results) => {
        if (results.length > 0) options.onPoll?.(results);
      })
      .catch((error: unknown) => options.logger.error({ err: error }, 'feed poll failed; trying again at the next tick'))
      .finally(() => {
        running = undefined;
        if (!stopped) schedule(options.tickMs ?? 60_000);
      });
  };
  const schedule = (ms: number) => {
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  schedule(options.firstTickMs ?? 5_000);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

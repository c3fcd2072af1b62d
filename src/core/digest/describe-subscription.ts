import type { Subscription } from '../store/store-types.js';
import { digestMessages } from './digest-messages.js';
import { type NextRun, nextRunAt } from './next-run-at.js';

export interface SubscriptionStatus {
  platform: Subscription['platform'];
  workspace: string;
  channel: string;
  time: string;
  timezone: string;
  status: Subscription['status'];
  postEmpty: boolean;
  /** Machine reason (e.g. `channel_not_found`) when paused by the system. */
  pausedReason: string | null;
  /** What to tell the channel about a pause, and what would fix it. */
  pausedMessage: string | null;
  /** Next run in local time and UTC; null while paused. */
  nextRun: Pick<NextRun, 'localDate' | 'local' | 'utc'> | null;
}

/** What `digest list` and `digest status` show for one subscription. */
export function describeSubscription(sub: Subscription, now: Date, settled?: (localDate: string) => boolean): SubscriptionStatus {
  const next = sub.status === 'active' ? nextRunAt(sub, now, settled) : undefined;
  return {
    platform: sub.platform,
    workspace: sub.workspace,
    channel: sub.channel,
    time: sub.time,
    timezone: sub.timezone,
    status: sub.status,
    postEmpty: sub.postEmpty,
    pausedReason: sub.pausedReason,
    pausedMessage: sub.status === 'paused' ? digestMessages.pausedBecause(sub.pausedReason) : null,
    nextRun: next ? { localDate: next.localDate, local: next.local, utc: next.utc } : null,
  };
}

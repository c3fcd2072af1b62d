import type { Subscription, SubscriptionInput } from '../core/store/store-types.js';
import { storeMessages } from './store-messages.js';

/**
 * Why a subscription change closes the channel's open slots (`skipped_changed`), or null when the
 * change does not touch when or whether it posts (only the empty-day setting, or nothing).
 */
export function changeReason(before: Subscription | undefined, after: SubscriptionInput): string | null {
  if (!before) return null;
  if (after.status !== undefined && after.status !== before.status)
    return after.status === 'paused' ? storeMessages.reasonPaused : storeMessages.reasonResumed;
  if (after.time !== before.time || after.timezone !== before.timezone)
    return storeMessages.reasonChanged(`${before.time} ${before.timezone}`, `${after.time} ${after.timezone}`);
  return null;
}

export { slotKey } from '../store/slot-key.js';
export { buildDigestReply, type DigestReplyOptions } from './build-digest-reply.js';
export { createPostPacer, type PostPacer } from './create-post-pacer.js';
export { describeSubscription, type SubscriptionStatus } from './describe-subscription.js';
export { digestMessages } from './digest-messages.js';
export {
  type DigestPoster,
  PostError,
  type PostHooks,
  type PostPacing,
  type PostResult,
  type SearchProgress,
} from './digest-types.js';
export { DEFAULT_CATCH_UP_MS, DEFAULT_GRACE_MS, type DueSlot, dueSlots, isUsableSchedule, nextDueAfter, slotFor } from './due-slots.js';
export { formatLocalTime } from './format-local-time.js';
export { type NextRun, nextRunAt } from './next-run-at.js';
export { parseTimeOfDay } from './parse-time-of-day.js';
export { type PreviewOptions, previewDigest } from './preview-digest.js';
export { type ResolvedLocalTime, resolveLocalTime } from './resolve-local-time.js';
export { backoffMs, DEFAULT_CONCURRENCY, DEFAULT_LEASE_MS, DEFAULT_MAX_ATTEMPTS, jitteredBackoffMs, runDigests } from './run-digests.js';
export type { DigestRunSummary, RunDigestsDeps, SlotOutcome, SlotOutcomeKind } from './run-digests-types.js';
export { LeaseLostError } from './settle-slot.js';

import type { Reply } from '../reply.js';
import { slotKey } from '../store/slot-key.js';
import { isTerminalSlotState } from '../store/slot-states.js';
import type { ChannelRef, SlotRecord, Subscription } from '../store/store-types.js';
import type { PostPacer } from './create-post-pacer.js';
import { digestMessages } from './digest-messages.js';
import { type DigestPoster, PostError, type PostHooks } from './digest-types.js';
import { formatLocalTime } from './format-local-time.js';
import { readableReason } from './readable-reason.js';
import type { RunDigestsDeps, SlotOutcome } from './run-digests-types.js';

export const DEFAULT_LEASE_MS = 5 * 60_000;
export const DEFAULT_MAX_ATTEMPTS = 3;
const BACKOFF_BASE_MS = 2_000;
const BACKOFF_CAP_MS = 5 * 60_000;
// Room left in the lease for the post itself after an inline wait; beyond it the claim is handed back instead.
const POST_BUDGET_MS = 60_000;

/** Exponential backoff for the n-th failed attempt (1-based), capped. */
export function backoffMs(attempt: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
}

/** Backoff with jitter: between half and all of `backoffMs`, so retries of one burst do not return together. */
export function jitteredBackoffMs(attempt: number, random: () => number): number {
  return Math.round(backoffMs(attempt) * (0.5 + 0.5 * Math.min(1, Math.max(0, random()))));
}

/** Thrown by a post's `beforeRequest` when the slot's lease is gone: the poster sends nothing more. */
export class LeaseLostError extends Error {
  constructor(key: string) {
    super(`lease lost on ${key}`);
    this.name = 'LeaseLostError';
  }
}

/** Thrown by `beforeRequest` when the runner is stopping before the first request went out. */
class StoppingError extends Error {}

export interface SlotPlan {
  localDate: string;
  dueAt: Date;
}

/** What one run shares among its slots: the pacer, and the digest content per local date and empty-day setting. */
export interface RunContext {
  deps: RunDigestsDeps;
  graceMs: number;
  leaseMs: number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  pacer: PostPacer;
  /** Lets the event loop in when this run has held it for a few milliseconds. */
  breathe: () => Promise<void>;
  contentFor(localDate: string, postEmpty: boolean): Reply | undefined;
}

export function refOf(ref: ChannelRef): ChannelRef {
  return { platform: ref.platform, workspace: ref.workspace, channel: ref.channel };
}

/** Claims one slot and settles it: posted, recovered, skipped, failed, paused, or handed back for later. */
export async function runSlot(run: RunContext, sub: Subscription, plan: SlotPlan): Promise<SlotOutcome> {
  const { deps } = run;
  const key = slotKey(sub, plan.localDate);
  const base = { ...refOf(sub), key, localDate: plan.localDate, dueAt: plan.dueAt.toISOString() };
  const existing = await deps.store.getSlot(key);
  if (existing && isTerminalSlotState(existing.state)) return settled(base, existing);
  const poster = deps.posters.find((p) => p.platform === sub.platform);
  if (!poster) return { ...base, outcome: 'no_poster' };
  if (deps.shouldStop?.()) return { ...base, outcome: 'stopped' };
  const claim = await deps.store.claimSlot(sub, plan.localDate, deps.owner, run.leaseMs, { dueAt: plan.dueAt });
  if (!claim) {
    const current = await deps.store.getSlot(key);
    if (current && isTerminalSlotState(current.state)) return settled(base, current);
    return { ...base, outcome: 'held_elsewhere', state: 'claimed', reason: current?.reason ?? null };
  }
  try {
    return await settleClaim(run, poster, sub, plan, claim, base);
  } catch (error) {
    if (error instanceof LeaseLostError) return { ...base, outcome: 'lease_lost', state: 'claimed', reason: error.message };
    // Anything unexpected (a bug, the store, the corpus): hand the claim back; the next claim checks the channel first.
    const reason = digestMessages.reasonUnknownOutcome(readableReason(error));
    await deps.store.releaseSlot(key, deps.owner, { reason, retryAfterMs: jitteredBackoffMs(claim.attempts, run.random) });
    deps.logger?.error({ key, err: error }, 'digest slot failed unexpectedly');
    return { ...base, outcome: 'retry_later', state: 'claimed', reason };
  }
}

function settled(base: Omit<SlotOutcome, 'outcome'>, record: SlotRecord): SlotOutcome {
  return {
    ...base,
    outcome: 'already_done',
    state: record.state,
    messageId: record.messageId,
    reason: record.reason,
    ...(record.postedAt ? { postedAt: record.postedAt } : {}),
  };
}

async function settleClaim(
  run: RunContext,
  poster: DigestPoster,
  sub: Subscription,
  plan: SlotPlan,
  claim: SlotRecord,
  base: Omit<SlotOutcome, 'outcome'>,
): Promise<SlotOutcome> {
  const { deps, graceMs, random } = run;
  const { store, owner, clock } = deps;
  const key = claim.key;
  const claimedAt = clock.now();
  let leaseUntil = claimedAt.getTime() + run.leaseMs;
  // An operator's `--date` run is "due" now; its retries get a fresh grace period.
  const deadline = (deps.forDate ? claimedAt.getTime() : plan.dueAt.getTime()) + graceMs;

  const finish = async (outcome: SlotOutcome['outcome'], update: { state: SlotRecord['state']; messageId?: string; reason?: string }) => {
    const held = await store.finishSlot(key, owner, update);
    if (!held) deps.logger?.warn({ key, update }, 'digest claim was taken over before it could be recorded');
    const posted = update.state === 'posted' ? { postedAt: clock.now().toISOString() } : {};
    return {
      ...base,
      outcome,
      state: update.state,
      messageId: update.messageId ?? null,
      reason: update.reason ?? null,
      ...posted,
    } satisfies SlotOutcome;
  };
  const retryLater = async (reason: string, retryAt: Date): Promise<SlotOutcome> => {
    // The ledger keeps the bare reason (it ends up in a `failed` record); the retry time is the slot's lease.
    await store.releaseSlot(key, owner, { reason, retryAfterMs: Math.max(0, retryAt.getTime() - clock.now().getTime()) });
    return { ...base, outcome: 'retry_later', state: 'claimed', reason: digestMessages.reasonRetry(reason, retryAt.toISOString()) };
  };
  const backoffUntil = (attempt: number) => new Date(clock.now().getTime() + jitteredBackoffMs(attempt, random));
  const pause = async (reason: string): Promise<SlotOutcome> => {
    await store.setSubscriptionStatus(sub, 'paused', reason);
    // The change log says readout paused it and why; a log that cannot be written does not undo the pause.
    await store
      .recordChange({
        platform: sub.platform,
        workspace: sub.workspace,
        channel: sub.channel,
        action: 'paused',
        actor: 'readout',
        surface: 'digest',
        detail: reason,
      })
      .catch((error: unknown) => deps.logger?.warn({ key, err: error }, 'change log entry not written'));
    return finish('paused', { state: 'paused', reason: digestMessages.reasonGone(reason) });
  };
  /** Settles an earlier attempt whose outcome is unknown by asking the channel for a post tagged with this slot key. */
  const findEarlier = async (): Promise<SlotOutcome | undefined> => {
    const found = await poster.findPosted(sub, key, searchFrom(claim));
    return found ? finish('recovered', { state: 'posted', messageId: found.messageId }) : undefined;
  };

  // attempts > 1: someone claimed this slot before (and crashed, timed out or gave it back): it may have posted.
  let uncertain = claim.attempts > 1;
  try {
    if (uncertain) {
      const recovered = await findEarlier();
      if (recovered) return recovered;
      uncertain = false;
    }
  } catch (error) {
    if (!(error instanceof PostError)) deps.logger?.warn({ key, err: error }, 'digest search for an earlier post failed');
    if (error instanceof PostError && error.kind === 'gone') return pause(error.reason);
    if (clock.now().getTime() <= deadline) return retryLater(errorReason(error), backoffUntil(claim.attempts));
    return finish('failed', { state: 'failed', reason: digestMessages.reasonGaveUp(claim.attempts - 1, errorReason(error)) });
  }

  if (!deps.forDate && clock.now().getTime() > deadline) {
    if (claim.attempts > 1 && claim.reason) {
      return finish('failed', { state: 'failed', reason: digestMessages.reasonGaveUp(claim.attempts - 1, claim.reason) });
    }
    const dueLocal = formatLocalTime(plan.dueAt, sub.timezone);
    return finish('skipped_late', {
      state: 'skipped_late',
      reason: digestMessages.reasonLate(dueLocal, plan.dueAt.toISOString(), graceMs, clock.now().toISOString()),
    });
  }

  const reply = run.contentFor(plan.localDate, sub.postEmpty);
  if (!reply) return finish('skipped_empty', { state: 'skipped_empty', reason: digestMessages.reasonEmptyDay });

  const maxAttempts = Math.max(1, deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  for (let attempt = 1; ; attempt++) {
    if (uncertain) {
      const recovered = await findEarlier();
      if (recovered) return recovered;
    }
    let requests = 0;
    const hooks: PostHooks = {
      // Before each request (each page of a long post): a paced turn, then the lease renewed, so a holder
      // whose lease ran out while it waited sends nothing.
      beforeRequest: async () => {
        if (requests++ === 0 && deps.shouldStop?.()) throw new StoppingError();
        await run.pacer.turn(poster.pacing, sub);
        if (!(await store.renewLease(key, owner, run.leaseMs))) throw new LeaseLostError(key);
        leaseUntil = clock.now().getTime() + run.leaseMs;
      },
    };
    try {
      const posted = await poster.post(sub, reply, key, hooks);
      return finish('posted', { state: 'posted', messageId: posted.messageId });
    } catch (error) {
      if (error instanceof LeaseLostError) throw error;
      if (error instanceof StoppingError) return retryLater(digestMessages.reasonStopped, clock.now());
      if (!(error instanceof PostError)) {
        // The platform may have accepted the post before the error (a crash, a lost response): never post blind again.
        deps.logger?.warn({ key, err: error }, 'digest post failed with an unknown outcome');
        return retryLater(digestMessages.reasonUnknownOutcome(errorReason(error)), backoffUntil(claim.attempts + attempt - 1));
      }
      if (error.kind === 'gone') return pause(error.reason);
      if (error.kind === 'fatal') return finish('failed', { state: 'failed', reason: digestMessages.reasonFatal(error.reason) });
      // A 429 was refused outright; a 5xx or timeout may have gone through, so check before the next try.
      if (error.kind === 'transient') uncertain = true;
      const told = error.kind === 'rate_limited' && error.retryAfterMs !== undefined;
      // The platform's Retry-After is obeyed exactly, and holds back the channel's (and the bot's) other posts too.
      if (told) await run.pacer.holdBack(poster.pacing, sub, error.retryAfterMs!);
      const waitMs = told ? error.retryAfterMs! : jitteredBackoffMs(claim.attempts + attempt - 1, random);
      const resumeAt = clock.now().getTime() + waitMs;
      const canWaitHere = attempt < maxAttempts && resumeAt + POST_BUDGET_MS <= leaseUntil && resumeAt <= deadline && !deps.shouldStop?.();
      if (!canWaitHere) return retryLater(error.reason, new Date(resumeAt));
      await run.sleep(waitMs);
      // Shutdown cut the wait short: leave the retry to the next start rather than hurrying it.
      if (deps.shouldStop?.()) return retryLater(error.reason, new Date(resumeAt));
    }
  }
}

/** A post for the slot cannot be older than its first claim (database time, kept in the ledger). */
function searchFrom(claim: SlotRecord): Date {
  return new Date(claim.firstClaimedAt ?? claim.updatedAt);
}

/** The ledger keeps a readable reason; the raw error goes to the log. */
function errorReason(error: unknown): string {
  return readableReason(error);
}

import { onThisDay } from '../calendar/on-this-day.js';
import { parseIsoDate } from '../calendar/parse-iso-date.js';
import { isValidTimeZone } from '../calendar/time-zone.js';
import { slotKey } from '../store/slot-key.js';
import { isTerminalSlotState } from '../store/slot-states.js';
import type { ChannelRef, SlotRecord, Subscription } from '../store/store-types.js';
import { UserError } from '../user-error.js';
import { buildDigestReply } from './build-digest-reply.js';
import { digestMessages } from './digest-messages.js';
import { PostError } from './digest-types.js';
import { DEFAULT_GRACE_MS, type DueSlot, dueSlots } from './due-slots.js';
import { formatLocalTime } from './format-local-time.js';
import { parseTimeOfDay } from './parse-time-of-day.js';
import { readableReason } from './readable-reason.js';
import type { DigestRunSummary, RunDigestsDeps, SlotOutcome } from './run-digests-types.js';

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

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function sameChannel(a: ChannelRef, b: ChannelRef): boolean {
  return a.platform === b.platform && a.workspace === b.workspace && a.channel === b.channel;
}

interface SlotPlan {
  localDate: string;
  dueAt: Date;
  late: boolean;
}

/**
 * One wake-up of the digest: for every active subscription, every due slot not yet settled is
 * claimed in the ledger, posted once (after checking the channel for an earlier uncertain post),
 * and recorded. The ledger, not the caller, guarantees exactly once per channel and local date.
 */
export async function runDigests(deps: RunDigestsDeps): Promise<DigestRunSummary> {
  const graceMs = deps.graceMs ?? DEFAULT_GRACE_MS;
  if (deps.forDate !== undefined) {
    const date = parseIsoDate(deps.forDate);
    if (!date.ok) throw new UserError(date.problem.code, date.problem.message);
  }
  const startedAt = deps.clock.now().toISOString();
  const slots: SlotOutcome[] = [];
  const subscriptions = (await deps.store.listSubscriptions({ status: 'active' })).filter(
    (sub) => !deps.channel || sameChannel(sub, deps.channel),
  );
  for (const sub of subscriptions) {
    if (!isValidTimeZone(sub.timezone) || !parseTimeOfDay(sub.time).ok) {
      slots.push({
        ...refOf(sub),
        key: slotKey(sub, ''),
        localDate: '',
        outcome: 'invalid_subscription',
        reason: `${sub.time} ${sub.timezone}`,
      });
      continue;
    }
    const now = deps.clock.now();
    const plans: SlotPlan[] = deps.forDate
      ? [{ localDate: deps.forDate, dueAt: now, late: false }]
      : dueSlots(sub, now, graceMs).map((slot: DueSlot) => ({ localDate: slot.localDate, dueAt: slot.dueAt, late: slot.late }));
    for (const plan of plans) {
      // A gone channel pauses the subscription: its remaining catch-up slots wait for a resume.
      if ((await deps.store.getSubscription(sub))?.status !== 'active') break;
      const outcome = await runSlot(deps, sub, plan, graceMs);
      if (outcome.outcome === 'already_done' || outcome.outcome === 'held_elsewhere')
        deps.logger?.debug({ ...outcome }, `digest slot ${outcome.outcome}`);
      else deps.logger?.info({ ...outcome }, `digest slot ${outcome.outcome}`);
      slots.push(outcome);
    }
  }
  return { startedAt, finishedAt: deps.clock.now().toISOString(), slots };
}

function refOf(ref: ChannelRef): ChannelRef {
  return { platform: ref.platform, workspace: ref.workspace, channel: ref.channel };
}

async function runSlot(deps: RunDigestsDeps, sub: Subscription, plan: SlotPlan, graceMs: number): Promise<SlotOutcome> {
  const key = slotKey(sub, plan.localDate);
  const base = { ...refOf(sub), key, localDate: plan.localDate };
  const existing = await deps.store.getSlot(key);
  if (existing && isTerminalSlotState(existing.state)) return settled(base, existing);
  const poster = deps.posters.find((p) => p.platform === sub.platform);
  if (!poster) return { ...base, outcome: 'no_poster' };
  if (deps.shouldStop?.()) return { ...base, outcome: 'stopped' };
  const claim = await deps.store.claimSlot(sub, plan.localDate, deps.owner, deps.leaseMs ?? DEFAULT_LEASE_MS, { dueAt: plan.dueAt });
  if (!claim) {
    const current = await deps.store.getSlot(key);
    if (current && isTerminalSlotState(current.state)) return settled(base, current);
    return { ...base, outcome: 'held_elsewhere', state: 'claimed', reason: current?.reason ?? null };
  }
  try {
    return await settleClaim(deps, sub, plan, graceMs, claim, base);
  } catch (error) {
    // Anything unexpected (a bug, the store, the corpus): hand the claim back; the next claim checks the channel first.
    const reason = digestMessages.reasonUnknownOutcome(readableReason(error));
    await deps.store.releaseSlot(key, deps.owner, { reason, retryAfterMs: backoffMs(claim.attempts) });
    deps.logger?.error({ key, err: error }, 'digest slot failed unexpectedly');
    return { ...base, outcome: 'retry_later', state: 'claimed', reason };
  }
}

function settled(base: Omit<SlotOutcome, 'outcome'>, record: SlotRecord): SlotOutcome {
  return { ...base, outcome: 'already_done', state: record.state, messageId: record.messageId, reason: record.reason };
}

async function settleClaim(
  deps: RunDigestsDeps,
  sub: Subscription,
  plan: SlotPlan,
  graceMs: number,
  claim: SlotRecord,
  base: Omit<SlotOutcome, 'outcome'>,
): Promise<SlotOutcome> {
  const { store, owner, clock } = deps;
  const key = claim.key;
  const poster = deps.posters.find((p) => p.platform === sub.platform)!;
  const claimedAt = clock.now();
  const leaseUntil = claimedAt.getTime() + (deps.leaseMs ?? DEFAULT_LEASE_MS);
  // An operator's `--date` run is "due" now; its retries get a fresh grace period.
  const deadline = (deps.forDate ? claimedAt.getTime() : plan.dueAt.getTime()) + graceMs;

  const finish = async (outcome: SlotOutcome['outcome'], update: { state: SlotRecord['state']; messageId?: string; reason?: string }) => {
    const held = await store.finishSlot(key, owner, update);
    if (!held) deps.logger?.warn({ key, update }, 'digest claim was taken over before it could be recorded');
    return {
      ...base,
      outcome,
      state: update.state,
      messageId: update.messageId ?? null,
      reason: update.reason ?? null,
    } satisfies SlotOutcome;
  };
  const retryLater = async (reason: string, retryAt: Date): Promise<SlotOutcome> => {
    // The ledger keeps the bare reason (it ends up in a `failed` record); the retry time is the slot's lease.
    await store.releaseSlot(key, owner, { reason, retryAfterMs: Math.max(0, retryAt.getTime() - clock.now().getTime()) });
    return { ...base, outcome: 'retry_later', state: 'claimed', reason: digestMessages.reasonRetry(reason, retryAt.toISOString()) };
  };
  const pause = async (reason: string): Promise<SlotOutcome> => {
    await store.setSubscriptionStatus(sub, 'paused', reason);
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
    if (clock.now().getTime() <= deadline)
      return retryLater(errorReason(error), new Date(clock.now().getTime() + backoffMs(claim.attempts)));
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

  const result = onThisDay(deps.corpus, {
    date: plan.localDate,
    window: deps.nearbyWindow ?? 7,
    includeLeapDay: true,
    ...(deps.strongestQuote ? { strongestQuote: deps.strongestQuote } : {}),
  });
  const reply = buildDigestReply(result, plan.localDate, { postEmpty: sub.postEmpty });
  if (!reply) return finish('skipped_empty', { state: 'skipped_empty', reason: digestMessages.reasonEmptyDay });

  const maxAttempts = Math.max(1, deps.maxAttempts ?? 3);
  const sleep = deps.sleep ?? realSleep;
  for (let attempt = 1; ; attempt++) {
    if (uncertain) {
      const recovered = await findEarlier();
      if (recovered) return recovered;
    }
    try {
      const posted = await poster.post(sub, reply, key);
      return finish('posted', { state: 'posted', messageId: posted.messageId });
    } catch (error) {
      if (!(error instanceof PostError)) {
        // The platform may have accepted the post before the error (a crash, a lost response): never post blind again.
        deps.logger?.warn({ key, err: error }, 'digest post failed with an unknown outcome');
        const reason = digestMessages.reasonUnknownOutcome(errorReason(error));
        return retryLater(reason, new Date(clock.now().getTime() + backoffMs(claim.attempts + attempt - 1)));
      }
      if (error.kind === 'gone') return pause(error.reason);
      if (error.kind === 'fatal') return finish('failed', { state: 'failed', reason: digestMessages.reasonFatal(error.reason) });
      // A 429 was refused outright; a 5xx or timeout may have gone through, so check before the next try.
      if (error.kind === 'transient') uncertain = true;
      const waitMs =
        error.kind === 'rate_limited' && error.retryAfterMs !== undefined ? error.retryAfterMs : backoffMs(claim.attempts + attempt - 1);
      const resumeAt = clock.now().getTime() + waitMs;
      const canWaitHere = attempt < maxAttempts && resumeAt + POST_BUDGET_MS <= leaseUntil && resumeAt <= deadline && !deps.shouldStop?.();
      if (!canWaitHere) return retryLater(error.reason, new Date(resumeAt));
      await sleep(waitMs);
      // Shutdown cut the wait short: leave the retry to the next start rather than hurrying it.
      if (deps.shouldStop?.()) return retryLater(error.reason, new Date(resumeAt));
    }
  }
}

/** A post for the slot cannot be older than its first claim (database time, kept in the ledger). */
function searchFrom(claim: SlotRecord): Date {
  return new Date(claim.firstClaimedAt ?? claim.updatedAt);
}

function errorReason(error: unknown): string {
  return readableReason(error);
}

import type { Clock } from '../clock.js';
import type { Reply } from '../reply.js';
import { slotKey } from '../store/slot-key.js';
import { isTerminalSlotState } from '../store/slot-states.js';
import type { ChannelRef, SlotRecord, Subscription, TerminalSlotState } from '../store/store-types.js';
import type { NextDueWriter } from './create-next-due-writer.js';
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

/** What one run shares among its slots: its clock, the pacer, and the digest content per local date and empty-day setting. */
export interface RunContext {
  deps: RunDigestsDeps;
  /** The run's one clock: the database's time read once at the start, moved on by the process's clock. */
  clock: Clock;
  /** Next due times computed in this run, written a page at a time. */
  nextDue: NextDueWriter;
  graceMs: number;
  leaseMs: number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  pacer: PostPacer;
  /** Lets the event loop in when this run has held it for a few milliseconds. */
  breathe: () => Promise<void>;
  contentFor(localDate: string, postEmpty: boolean): Reply | undefined;
  /** What a gone channel pauses: the digest subscription by default; a follow's announcer pauses the follow instead. */
  pauseGone?: (ref: ChannelRef, reason: string) => Promise<void>;
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
    return { ...base, outcome: 'held_elsewhere', state: current?.state ?? 'held', reason: current?.reason ?? null };
  }
  try {
    return await settleClaim(run, poster, sub, plan, claim, base);
  } catch (error) {
    if (error instanceof LeaseLostError) return { ...base, outcome: 'lease_lost', reason: error.message };
    // Anything unexpected (a bug, the store, the corpus): hand the claim back as uncertain; the next claim checks the channel first.
    const reason = digestMessages.reasonUnknownOutcome(readableReason(error));
    await deps.store.releaseSlot(key, claim.token, {
      reason,
      retryAfterMs: jitteredBackoffMs(claim.attempts, run.random),
      outcome: 'uncertain',
    });
    deps.logger?.error({ key, err: error }, 'digest slot failed unexpectedly');
    return { ...base, outcome: 'retry_later', state: 'retry_uncertain', reason };
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
  const { deps, graceMs, random, clock } = run;
  const { store } = deps;
  const { key, token } = claim;
  const claimedAt = clock.now();
  let leaseUntil = claimedAt.getTime() + run.leaseMs;
  // An operator's `--date` run is "due" now; its retries get a fresh grace period.
  const dueDeadline = (deps.forDate ? claimedAt.getTime() : plan.dueAt.getTime()) + graceMs;
  // What the ledger knows, kept as it is written: pages out, the first page's id, where the last search stopped.
  let pagesSent = claim.pagesSent;
  let firstPageId = claim.pageIds[0] ?? claim.messageId;
  let searchPosition = claim.searchPosition;
  let uncertain = claim.uncertain;
  // A digest with pages out already gets a second grace period to finish: half a digest is worse than a late one.
  const deadline = () => dueDeadline + (pagesSent > 0 ? graceMs : 0);

  const held = (ok: boolean) => {
    if (!ok) throw new LeaseLostError(key);
  };
  const finish = async (outcome: SlotOutcome['outcome'], update: { state: TerminalSlotState; messageId?: string; reason?: string }) => {
    const recorded = await store.finishSlot(key, token, update);
    if (!recorded) deps.logger?.warn({ key, update }, 'digest claim was taken over before it could be recorded');
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
  /** Gives the claim back until `retryAt`; `certain` when nothing unrecorded can have reached the platform. */
  const retryLater = async (reason: string, retryAt: Date, outcome: 'certain' | 'uncertain'): Promise<SlotOutcome> => {
    // An uncertainty this claim met and has not settled yet (a timeout, then a failed search) is handed on too.
    const handedOn = outcome === 'uncertain' || uncertain ? 'uncertain' : 'certain';
    // The ledger keeps the bare reason (it ends up in a `failed` record); the retry time is the slot's lease.
    await store.releaseSlot(key, token, {
      reason,
      retryAfterMs: Math.max(0, retryAt.getTime() - clock.now().getTime()),
      outcome: handedOn,
    });
    const state = handedOn === 'uncertain' ? 'retry_uncertain' : 'retry_certain';
    return { ...base, outcome: 'retry_later', state, reason: digestMessages.reasonRetry(reason, retryAt.toISOString()) };
  };
  const backoffUntil = (attempt: number) => new Date(clock.now().getTime() + jitteredBackoffMs(attempt, random));
  const pause = async (reason: string): Promise<SlotOutcome> => {
    if (run.pauseGone) {
      await run.pauseGone(refOf(sub), reason);
      return finish('paused', { state: 'paused', reason: digestMessages.reasonGone(reason) });
    }
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
  const recordPage = async (index: number, messageId: string) => {
    held(await store.recordPage(key, token, { index, messageId }));
    pagesSent = index + 1;
    if (index === 0) firstPageId = messageId;
  };
  /**
   * Settles an earlier attempt whose outcome is unknown by asking the channel for the bot's post tagged with this
   * slot and the first unrecorded page, going on from where the last search stopped; what it finds is recorded.
   * Undefined when settled (found or not); otherwise the outcome to return (wait for a retry, pause, give up).
   */
  const settleUncertain = async (attempt: number): Promise<SlotOutcome | undefined> => {
    try {
      const progress = {
        page: pagesSent,
        position: searchPosition,
        advance: async (position: string) => {
          held(await store.recordSearch(key, token, { position, settled: false }));
          searchPosition = position;
        },
      };
      const found = await poster.findPosted(sub, key, searchFrom(claim), progress);
      if (found) await recordPage(pagesSent, found.messageId);
      held(await store.recordSearch(key, token, { position: searchPosition, settled: true }));
      uncertain = false;
      return undefined;
    } catch (error) {
      if (error instanceof LeaseLostError) throw error;
      if (!(error instanceof PostError)) deps.logger?.warn({ key, err: error }, 'digest search for an earlier post failed');
      if (error instanceof PostError && error.kind === 'gone') return pause(error.reason);
      // The search goes on from its stored position next time; a rate-limited one waits exactly as long as it was told.
      const told = error instanceof PostError && error.kind === 'rate_limited' && error.retryAfterMs !== undefined;
      const retryAt = told ? new Date(clock.now().getTime() + error.retryAfterMs!) : backoffUntil(attempt);
      if (clock.now().getTime() <= deadline()) return retryLater(errorReason(error), retryAt, 'certain');
      return finish('failed', { state: 'failed', reason: digestMessages.reasonGaveUp(claim.attempts - 1, errorReason(error)) });
    }
  };

  // Only an uncertain outcome sends us to the channel's history; a clean refusal (a 429, a 4xx) never does.
  if (uncertain) {
    const unsettled = await settleUncertain(claim.attempts);
    if (unsettled) return unsettled;
  }

  if (!deps.forDate && clock.now().getTime() > deadline()) {
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
  if (!reply && pagesSent === 0) return finish('skipped_empty', { state: 'skipped_empty', reason: digestMessages.reasonEmptyDay });

  const maxAttempts = Math.max(1, deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  for (let attempt = 1; ; attempt++) {
    if (uncertain) {
      const unsettled = await settleUncertain(claim.attempts + attempt - 1);
      if (unsettled) return unsettled;
    }
    let requests = 0;
    let sentNow = 0;
    const hooks: PostHooks = {
      firstPage: pagesSent,
      // Before each request (each page of a long post): a paced turn, then the lease renewed and the slot marked
      // `sending`, so a holder whose lease ran out while it waited sends nothing, and a crash from here is uncertain.
      beforeRequest: async () => {
        if (requests++ === 0 && deps.shouldStop?.()) throw new StoppingError();
        await run.pacer.turn(poster.pacing, sub);
        held(await store.renewLease(key, token, run.leaseMs, { sending: true }));
        leaseUntil = clock.now().getTime() + run.leaseMs;
      },
      // Each accepted page is written down before the next is sent: a retry goes on from the next one.
      pageSent: async (index, messageId) => {
        await recordPage(index, messageId);
        sentNow++;
      },
    };
    try {
      const posted = reply ? await poster.post(sub, reply, key, hooks) : undefined;
      // Nothing left to send: an earlier attempt's pages were all found in the channel.
      const outcome = sentNow === 0 && pagesSent > 0 ? 'recovered' : 'posted';
      const messageId = firstPageId ?? posted?.messageId;
      return finish(outcome, { state: 'posted', ...(messageId ? { messageId } : {}) });
    } catch (error) {
      if (error instanceof LeaseLostError) throw error;
      if (error instanceof StoppingError) return retryLater(digestMessages.reasonStopped, clock.now(), 'certain');
      if (!(error instanceof PostError)) {
        // The platform may have accepted the post before the error (a crash, a lost response): never post blind again.
        deps.logger?.warn({ key, err: error }, 'digest post failed with an unknown outcome');
        return retryLater(digestMessages.reasonUnknownOutcome(errorReason(error)), backoffUntil(claim.attempts + attempt - 1), 'uncertain');
      }
      if (error.kind === 'gone') return pause(error.reason);
      if (error.kind === 'fatal') return finish('failed', { state: 'failed', reason: digestMessages.reasonFatal(error.reason) });
      // A 429 was refused outright (certain); a 5xx or timeout may have gone through, so the channel is searched first.
      const outcome = error.kind === 'transient' ? 'uncertain' : 'certain';
      if (outcome === 'uncertain') uncertain = true;
      const told = error.kind === 'rate_limited' && error.retryAfterMs !== undefined;
      // The platform's Retry-After is obeyed exactly, and holds back what the limit covers (the channel, or the whole bot).
      if (told) await run.pacer.holdBack(poster.pacing, sub, error.retryAfterMs!, error.scope);
      const waitMs = told ? error.retryAfterMs! : jitteredBackoffMs(claim.attempts + attempt - 1, random);
      const resumeAt = clock.now().getTime() + waitMs;
      const canWaitHere =
        attempt < maxAttempts && resumeAt + POST_BUDGET_MS <= leaseUntil && resumeAt <= deadline() && !deps.shouldStop?.();
      if (!canWaitHere) return retryLater(error.reason, new Date(resumeAt), outcome);
      await run.sleep(waitMs);
      // Shutdown cut the wait short: leave the retry to the next start rather than hurrying it.
      if (deps.shouldStop?.()) return retryLater(error.reason, new Date(resumeAt), outcome);
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

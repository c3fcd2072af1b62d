import { parseIsoDate } from '../calendar/parse-iso-date.js';
import type { Clock } from '../clock.js';
import { slotKey } from '../store/slot-key.js';
import type { ChannelRef, Subscription } from '../store/store-types.js';
import { UserError } from '../user-error.js';
import { createNextDueWriter } from './create-next-due-writer.js';
import { createPostPacer } from './create-post-pacer.js';
import { digestContent } from './digest-content.js';
import { digestMessages } from './digest-messages.js';
import { DEFAULT_GRACE_MS, dueSlots, isUsableSchedule, nextDueAfter } from './due-slots.js';
import { interleaveWorkspaces } from './interleave-workspaces.js';
import { readableReason } from './readable-reason.js';
import type { DigestRunSummary, RunDigestsDeps, SlotOutcome } from './run-digests-types.js';
import { createBreather, runPool } from './run-pool.js';
import { DEFAULT_LEASE_MS, type RunContext, refOf, runSlot, type SlotPlan } from './settle-slot.js';

export { backoffMs, DEFAULT_LEASE_MS, DEFAULT_MAX_ATTEMPTS, jitteredBackoffMs } from './settle-slot.js';

/** Posts in flight at once by default: about round trip x rate (100 ms x 50/s = 5) with room for slow ones. */
export const DEFAULT_CONCURRENCY = 12;
const PAGE_SIZE = 500;
const DAY_MS = 86_400_000;
// An unreadable time or zone is reported once a day rather than on every wake-up.
const INVALID_RECHECK_MS = DAY_MS;
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Outcomes that leave a slot open: its subscription stays due so the next wake-up looks again. */
const OPEN_OUTCOMES = new Set<SlotOutcome['outcome']>(['retry_later', 'held_elsewhere', 'lease_lost', 'no_poster', 'stopped']);

function sameChannel(a: ChannelRef, b: ChannelRef): boolean {
  return a.platform === b.platform && a.workspace === b.workspace && a.channel === b.channel;
}

/** The subscriptions a run walks, a page at a time: the due ones, every active one for `--date`, or one channel. */
async function* subscriptionsToRun(deps: RunDigestsDeps, now: Date, breathe: () => Promise<void>): AsyncGenerator<Subscription> {
  if (deps.channel) {
    const sub = await deps.store.getSubscription(deps.channel);
    if (sub?.status === 'active' && sameChannel(sub, deps.channel)) yield sub;
    return;
  }
  let after: ChannelRef | undefined;
  // Only what this process can post: another platform's subscriptions stay due for a process connected to it.
  const platforms = [...new Set(deps.posters.map((poster) => poster.platform))];
  for (;;) {
    const page: Subscription[] = deps.forDate
      ? await deps.store.listSubscriptions({ status: 'active', limit: PAGE_SIZE, ...(after ? { after } : {}) })
      : await deps.store.listDueSubscriptions({ dueBy: now, limit: PAGE_SIZE, platforms, ...(after ? { after } : {}) });
    // Posted round-robin across workspaces (Slack paces each one); the next page still starts after this one's last key.
    for (const sub of interleaveWorkspaces(page)) yield sub;
    if (page.length < PAGE_SIZE) return;
    after = refOf(page[page.length - 1]!);
    await breathe();
  }
}

/**
 * One wake-up of the digest: the store lists the subscriptions that are due (by their next due time),
 * a bounded pool claims each due slot in the ledger, posts it once (paced to the platform, after checking
 * the channel for an earlier uncertain post) and records it, then stores when the subscription falls due
 * next. The ledger, not the caller, guarantees exactly once per channel and local date.
 */
export async function runDigests(deps: RunDigestsDeps): Promise<DigestRunSummary> {
  const graceMs = deps.graceMs ?? DEFAULT_GRACE_MS;
  if (deps.forDate !== undefined) {
    const date = parseIsoDate(deps.forDate);
    if (!date.ok) throw new UserError(date.problem.code, date.problem.message);
  }
  // One clock per run: the database's time, read once, moved on by the process's own clock. Due instants,
  // deadlines and retry times agree with the leases the database compares, however far this host's clock is off.
  const processStart = deps.clock.now().getTime();
  const offsetMs = (await deps.store.now()).getTime() - processStart;
  const clock: Clock = offsetMs === 0 ? deps.clock : { now: () => new Date(deps.clock.now().getTime() + offsetMs) };
  const startedAt = clock.now();
  const sleep = deps.sleep ?? realSleep;
  const breathe = createBreather();
  const nextDue = createNextDueWriter(deps.store);
  const run: RunContext = {
    deps,
    clock,
    nextDue,
    breathe,
    graceMs,
    leaseMs: deps.leaseMs ?? DEFAULT_LEASE_MS,
    random: deps.random ?? Math.random,
    sleep,
    pacer: createPostPacer(deps.store, clock, sleep),
    // The digest depends only on the local date and the empty-day setting: built once, not per channel.
    contentFor: (localDate, postEmpty) =>
      digestContent(deps.corpus, { localDate, postEmpty, nearbyWindow: deps.nearbyWindow ?? 7, strongestQuote: deps.strongestQuote }),
  };
  const bySubscription: SlotOutcome[][] = [];
  await runPool(
    subscriptionsToRun(deps, startedAt, breathe),
    deps.concurrency ?? DEFAULT_CONCURRENCY,
    async (sub, index) => {
      bySubscription[index] = await runSubscription(run, sub);
      await nextDue.flushIfFull();
      await breathe();
    },
    {
      // A store error stops that worker only; its subscription stays due (a claim it held runs out with its lease).
      onError: ({ item, index, error }) => {
        const reason = storeFailure(error);
        deps.logger?.error({ err: error, ...(item ? refOf(item) : {}) }, 'digest worker stopped by an error');
        if (item && index !== undefined)
          bySubscription[index] = [{ ...refOf(item), key: slotKey(item, ''), localDate: '', outcome: 'retry_later', reason }];
      },
    },
  );
  try {
    await nextDue.flush();
  } catch (error) {
    // Unsaved next due times only make the next wake-up read those subscriptions again; the summary still counts.
    deps.logger?.error({ err: error }, 'digest next due times not saved');
  }
  return { startedAt: startedAt.toISOString(), finishedAt: clock.now().toISOString(), slots: bySubscription.flat() };
}

/** The reason a slot's summary line gives when its worker failed (the database went away, most often). */
function storeFailure(error: unknown): string {
  return digestMessages.reasonNotSettled(readableReason(error));
}

/** Settles one subscription's due slots, oldest first, then records when it falls due next. */
async function runSubscription(run: RunContext, sub: Subscription): Promise<SlotOutcome[]> {
  const { deps } = run;
  const now = run.clock.now();
  if (!isUsableSchedule(sub)) {
    if (!deps.forDate && !deps.channel) run.nextDue.add(sub, new Date(now.getTime() + INVALID_RECHECK_MS));
    const outcome: SlotOutcome = {
      ...refOf(sub),
      key: slotKey(sub, ''),
      localDate: '',
      outcome: 'invalid_subscription',
      reason: digestMessages.reasonUnreadableSchedule(sub.time, sub.timezone),
    };
    deps.logger?.warn({ ...outcome }, 'digest subscription cannot be read');
    return [outcome];
  }
  await run.breathe();
  // Every slot due before the stored next due time is settled already: the walk starts there, or at the
  // schedule's epoch (its last change of time, zone or status; a re-save that changes none leaves it).
  const settledUntil = sub.nextDueAt && Date.parse(sub.nextDueAt) > Date.parse(sub.scheduleSince) ? sub.nextDueAt : sub.scheduleSince;
  const plans: SlotPlan[] = deps.forDate
    ? [{ localDate: deps.forDate, dueAt: now }]
    : dueSlots({ ...sub, updatedAt: settledUntil }, now, run.graceMs).map((slot) => ({ localDate: slot.localDate, dueAt: slot.dueAt }));
  const outcomes: SlotOutcome[] = [];
  for (const [i, plan] of plans.entries()) {
    // A gone channel pauses the subscription: its remaining catch-up slots wait for a resume.
    if (outcomes.at(-1)?.outcome === 'paused') break;
    if (i > 0 && (await deps.store.getSubscription(sub))?.status !== 'active') break;
    await run.breathe();
    const outcome = await runSlot(run, sub, plan);
    logOutcome(run, outcome);
    outcomes.push(outcome);
  }
  if (deps.forDate) return outcomes;
  const open = outcomes.some((o) => OPEN_OUTCOMES.has(o.outcome)) || outcomes.at(-1)?.outcome === 'paused';
  if (!open) {
    await run.breathe();
    const next = nextDueAfter(sub, now);
    if (next) run.nextDue.add(sub, next);
  }
  return outcomes;
}

function logOutcome(run: RunContext, outcome: SlotOutcome): void {
  const log = run.deps.logger;
  if (!log) return;
  if (outcome.outcome === 'already_done' || outcome.outcome === 'held_elsewhere') {
    log.debug({ ...outcome }, `digest slot ${outcome.outcome}`);
    return;
  }
  // Lateness (posted - due) is what an operator watches when a channel says its digest came late.
  const lateMs = outcome.postedAt && outcome.dueAt ? Date.parse(outcome.postedAt) - Date.parse(outcome.dueAt) : undefined;
  log.info({ ...outcome, ...(lateMs !== undefined ? { lateMs } : {}) }, `digest slot ${outcome.outcome}`);
}

import { DEFAULT_GRACE_MS } from '../digest/due-slots.js';
import { readableReason } from '../digest/readable-reason.js';
import type { SlotOutcome } from '../digest/run-digests-types.js';
import type { Gazetteer } from '../document.js';
import type { PendingAnnouncement } from '../store/announcement-types.js';
import { type AnnounceDeps, announceDocument } from './announce-document.js';

export interface SweepAnnouncementsOptions extends Omit<AnnounceDeps, 'gazetteer'> {
  /** The people table the corpus uses now, so a follow's filters match as `/lookup` would. */
  gazetteer: () => Gazetteer;
  /** Announcements taken per sweep (default 20); the rest wait for the next. */
  limit?: number;
  /** How long a sweep holds an announcement (default 10 minutes of database time). */
  announcementLeaseMs?: number;
  /** When an announcement with channels still open is looked at again (default one minute). */
  retryMs?: number;
}

/** What one sweep did with one document's announcement. */
export interface AnnouncementSweepResult {
  documentId: string;
  /** True when every following channel is settled (posted, recovered, skipped late, failed, paused) or none matched. */
  done: boolean;
  outcomes: SlotOutcome[];
  /** The announcement's record: counts by outcome, or why it is open. */
  summary: string;
  /** False when another process took the announcement over before this sweep could record it. */
  recorded: boolean;
}

const DEFAULT_LIMIT = 20;
const DEFAULT_ANNOUNCEMENT_LEASE_MS = 10 * 60_000;
const DEFAULT_RETRY_MS = 60_000;
/** Outcomes that leave a channel's post open: the announcement is looked at again. */
const OPEN = new Set<SlotOutcome['outcome']>(['retry_later', 'held_elsewhere', 'lease_lost', 'no_poster', 'stopped']);

/**
 * One sweep of the announcement outbox: every document added (by a feed, `/readout add`, `readout ingest` in any
 * process) has an announcement row written in its own transaction; a sweep leases the due ones and posts each to its
 * following channels through the ledger, then records it done, or open again in a minute while a channel waits on a
 * retry, a lease held elsewhere or a platform no process here serves. A crash anywhere leaves the row open, so the
 * next sweep (of any replica) goes on; the ledger keeps each channel to one post.
 */
export async function sweepAnnouncements(options: SweepAnnouncementsOptions): Promise<AnnouncementSweepResult[]> {
  const { store, owner } = options;
  const claimed = await store.claimAnnouncements(
    owner,
    options.announcementLeaseMs ?? DEFAULT_ANNOUNCEMENT_LEASE_MS,
    options.limit ?? DEFAULT_LIMIT,
  );
  const results: AnnouncementSweepResult[] = [];
  for (const pending of claimed) {
    results.push(await sweepOne(options, pending));
  }
  return results;
}

async function sweepOne(options: SweepAnnouncementsOptions, pending: PendingAnnouncement): Promise<AnnouncementSweepResult> {
  const { store, owner } = options;
  const documentId = pending.document.id;
  const retryAt = async () => new Date((await store.now()).getTime() + (options.retryMs ?? DEFAULT_RETRY_MS));
  if (options.shouldStop?.()) {
    // Shutting down: handed back at once for the next process rather than held for the lease.
    const recorded = await store.finishAnnouncement(documentId, owner, { done: false, outcome: 'stopped', retryAt: await store.now() });
    return { documentId, done: false, outcomes: [], summary: 'stopped', recorded };
  }
  let outcomes: SlotOutcome[];
  try {
    outcomes = await announceDocument({ ...options, gazetteer: options.gazetteer() }, pending.document, { dueAt: new Date(pending.dueAt) });
  } catch (error) {
    const summary = `not announced: ${readableReason(error)}`;
    options.logger?.error({ err: error, docId: documentId }, 'new readout not announced; tried again at the next sweep');
    const recorded = await store.finishAnnouncement(documentId, owner, { done: false, outcome: summary, retryAt: await retryAt() });
    return { documentId, done: false, outcomes: [], summary, recorded };
  }
  const open = outcomes.filter((outcome) => OPEN.has(outcome.outcome));
  const now = await store.now();
  // A platform no process serves would keep it open for ever: once its grace period is over, it is closed with that said.
  const pastGrace = now.getTime() > Date.parse(pending.dueAt) + (options.graceMs ?? DEFAULT_GRACE_MS);
  const done = open.length === 0 || (pastGrace && open.every((outcome) => outcome.outcome === 'no_poster'));
  const summary = summarize(outcomes);
  const recorded = await store.finishAnnouncement(
    documentId,
    owner,
    done ? { done: true, outcome: summary } : { done: false, outcome: summary, retryAt: await retryAt() },
  );
  if (!recorded) options.logger?.warn({ docId: documentId }, 'announcement taken over before it could be recorded');
  return { documentId, done, outcomes, summary, recorded };
}

/** `posted 3, paused 1` (or `no following channel`): what the announcement row keeps. */
function summarize(outcomes: readonly SlotOutcome[]): string {
  if (outcomes.length === 0) return 'no following channel';
  const counts = new Map<string, number>();
  for (const { outcome } of outcomes) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  return [...counts].map(([outcome, count]) => `${outcome} ${count}`).join(', ');
}

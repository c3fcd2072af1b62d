import type { Clock } from '../clock.js';
import { buildDocument } from '../corpus/build-document.js';
import { createNextDueWriter } from '../digest/create-next-due-writer.js';
import { createPostPacer } from '../digest/create-post-pacer.js';
import type { DigestPoster } from '../digest/digest-types.js';
import { DEFAULT_GRACE_MS } from '../digest/due-slots.js';
import type { SlotOutcome } from '../digest/run-digests-types.js';
import { createBreather } from '../digest/run-pool.js';
import { DEFAULT_LEASE_MS, type RunContext, runSlot } from '../digest/settle-slot.js';
import type { Gazetteer } from '../document.js';
import type { Logger } from '../logger.js';
import type { StoredDocument } from '../store/corpus-store-types.js';
import type { Follow } from '../store/follow-types.js';
import type { ChannelRef, Store, Subscription } from '../store/store-types.js';
import { followReply } from './follow-reply.js';
import { createFollowMatcher } from './match-follow.js';

export interface AnnounceDeps {
  store: Store;
  posters: DigestPoster[];
  clock: Clock;
  /** Who claims slots (host:pid:random), as for the digest. */
  owner: string;
  gazetteer: Gazetteer;
  logger?: Logger;
  leaseMs?: number;
  graceMs?: number;
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  shouldStop?: () => boolean;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The ledger's "local date" of a follow post: the document it announces, so each channel gets each document once. */
export function followSlotDate(documentId: string): string {
  return `doc:${documentId}`;
}

/**
 * Posts a new document to every channel whose follow matches it, through the digest's ledger: a slot per channel
 * and document (`platform:workspace:channel:doc:<id>`) is claimed, posted with the digest's poster and pacing, and
 * recorded with the claim token, so however many replicas are told of the document, each channel gets it once.
 * `dueAt` is when the document was added (now by default): follows made later are not told of it, paused ones are
 * not told at all, and past the grace period a slot is recorded `skipped_late`. A gone channel pauses its follow.
 */
export async function announceDocument(deps: AnnounceDeps, stored: StoredDocument, options: { dueAt?: Date } = {}): Promise<SlotOutcome[]> {
  const built = buildDocument({
    id: stored.id,
    file: `store:${stored.id}`,
    raw: stored.text,
    gazetteer: deps.gazetteer,
    sidecar: stored.sidecar,
  });
  if (!built.ok) return [];
  const matches = createFollowMatcher(built.document, deps.gazetteer);
  // One clock: the database's time, moved on by the process's own clock, as a digest run does.
  const offsetMs = (await deps.store.now()).getTime() - deps.clock.now().getTime();
  const clock: Clock = offsetMs === 0 ? deps.clock : { now: () => new Date(deps.clock.now().getTime() + offsetMs) };
  const dueAt = options.dueAt ?? clock.now();
  const follows = (await deps.store.listFollows()).filter(
    (follow) => follow.status === 'active' && Date.parse(follow.createdAt) <= dueAt.getTime() && matches(follow.filter),
  );
  if (follows.length === 0) return [];
  const sleep = deps.sleep ?? realSleep;
  const reply = followReply(built.document, stored.canonicalUrl ?? stored.sourceUrl);
  const run: RunContext = {
    deps: {
      store: deps.store,
      posters: deps.posters,
      corpus: { dir: '', documents: [], gazetteer: deps.gazetteer, warnings: [], fingerprint: '' },
      clock: deps.clock,
      owner: deps.owner,
      ...(deps.logger ? { logger: deps.logger } : {}),
      ...(deps.maxAttempts !== undefined ? { maxAttempts: deps.maxAttempts } : {}),
      ...(deps.shouldStop ? { shouldStop: deps.shouldStop } : {}),
    },
    clock,
    nextDue: createNextDueWriter(deps.store),
    graceMs: deps.graceMs ?? DEFAULT_GRACE_MS,
    leaseMs: deps.leaseMs ?? DEFAULT_LEASE_MS,
    random: deps.random ?? Math.random,
    sleep,
    pacer: createPostPacer(deps.store, clock, sleep),
    breathe: createBreather(),
    contentFor: () => reply,
    pauseGone: (ref, reason) => pauseFollow(deps, ref, reason),
  };
  const outcomes: SlotOutcome[] = [];
  for (const follow of follows) {
    const outcome = await runSlot(run, asSubscription(follow, dueAt), { localDate: followSlotDate(stored.id), dueAt });
    deps.logger?.info({ ...outcome }, `follow post ${outcome.outcome}`);
    outcomes.push(outcome);
  }
  return outcomes;
}

/** A channel that is gone stops its follow (kept, with the reason, for a new `/readout follow` to resume) and says so in the change log. */
async function pauseFollow(deps: AnnounceDeps, ref: ChannelRef, reason: string): Promise<void> {
  await deps.store.setFollowStatus(ref, 'paused', reason);
  await deps.store
    .recordChange({ ...ref, action: 'paused', actor: 'readout', surface: 'follow', detail: reason })
    .catch((error: unknown) => deps.logger?.warn({ ...ref, err: error }, 'change log entry not written'));
}

/** The digest's slot runner reads a channel's schedule; a follow is due once, now, in UTC, never empty. */
function asSubscription(follow: Follow, dueAt: Date): Subscription {
  const at = dueAt.toISOString();
  return {
    platform: follow.platform,
    workspace: follow.workspace,
    channel: follow.channel,
    time: '00:00',
    timezone: 'UTC',
    status: 'active',
    pausedReason: null,
    postEmpty: false,
    nextDueAt: null,
    createdAt: follow.createdAt,
    updatedAt: at,
    scheduleSince: at,
  };
}

import type { Clock } from '../clock.js';
import type { Corpus } from '../document.js';
import type { Logger } from '../logger.js';
import type { Quote } from '../quotes/quote-types.js';
import type { ChannelRef, SlotState, Store } from '../store/store-types.js';
import type { DigestPoster } from './digest-types.js';

export interface RunDigestsDeps {
  store: Store;
  /** One poster per platform; subscriptions of a platform without one are left for a process that has it. */
  posters: DigestPoster[];
  corpus: Corpus;
  strongestQuote?: (docId: string) => Quote | undefined;
  clock: Clock;
  /** Who claims slots (host:pid:random); claims by the same owner still exclude each other. */
  owner: string;
  /** How long after its due time a slot may still be posted; default 6 h. */
  graceMs?: number;
  /** How long a claim is held before others may take it over; must exceed a post's timeout plus inline waits. Default 5 min. */
  leaseMs?: number;
  /** Run this local date's slot now for every active subscription (operator `digest run --date`), still exactly once. */
  forDate?: string;
  /** Only this channel's subscription (operator runs for one channel). */
  channel?: ChannelRef;
  /** Waits between inline retries; tests pass one that advances a fake clock. */
  sleep?: (ms: number) => Promise<void>;
  /** Post attempts within one claim before handing the slot to a later tick; default 3. */
  maxAttempts?: number;
  /** Days either side for nearby anniversaries; default 7. */
  nearbyWindow?: number;
  logger?: Logger;
  /** Checked between slots and before waits: true once the scheduler is stopping. */
  shouldStop?: () => boolean;
  /** Subscriptions settled at once (posts in flight); default 12. */
  concurrency?: number;
  /** Jitter source for backoff, in [0, 1); tests pass a fixed one. */
  random?: () => number;
}

/** What happened to one slot in one run. */
export type SlotOutcomeKind =
  /** Posted now, message id recorded. */
  | 'posted'
  /** An earlier uncertain attempt had posted: found by its slot key and recorded, not posted again. */
  | 'recovered'
  | 'skipped_empty'
  | 'skipped_late'
  /** The channel is gone: subscription paused, slot closed. */
  | 'paused'
  | 'failed'
  /** Not settled in this run (rate limit, 5xx, unknown outcome): the claim was given back with a retry time. */
  | 'retry_later'
  /** The slot already had a terminal record; nothing done. */
  | 'already_done'
  /** Another runner (or an earlier failure's retry time) holds the slot. */
  | 'held_elsewhere'
  /** This runner's lease ran out before it could post (it waited too long) and another took the slot: nothing posted. */
  | 'lease_lost'
  | 'no_poster'
  | 'stopped'
  /** The subscription's time or zone cannot be read. */
  | 'invalid_subscription';

export interface SlotOutcome extends ChannelRef {
  key: string;
  localDate: string;
  outcome: SlotOutcomeKind;
  /** The ledger state after this run, when there is a record. */
  state?: SlotState;
  messageId?: string | null;
  reason?: string | null;
  /** When the slot fell due (UTC ISO); an operator's `--date` run is due when it starts. */
  dueAt?: string;
  /** When it was posted (UTC ISO); posted minus due is the delivery lag. */
  postedAt?: string;
}

export interface DigestRunSummary {
  startedAt: string;
  finishedAt: string;
  slots: SlotOutcome[];
}

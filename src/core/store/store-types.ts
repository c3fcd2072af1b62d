import type { AnnouncementStorePort } from './announcement-types.js';
import type { CorpusStore } from './corpus-store-types.js';
import type { FollowStorePort } from './follow-types.js';
import type { InstallationStorePort } from './installation-types.js';

/** Which channel, on which platform: the unit a subscription and a digest slot belong to. */
export interface ChannelRef {
  /** `slack`, `discord` or `console` today; the store keeps any platform name an adapter uses. */
  platform: 'slack' | 'discord' | 'console';
  /** Slack team id, Discord guild id, or `local` for the console. */
  workspace: string;
  channel: string;
}

export interface Subscription extends ChannelRef {
  /** Local time of day, `HH:MM`. */
  time: string;
  /** IANA time zone, e.g. `Asia/Almaty`. */
  timezone: string;
  status: 'active' | 'paused';
  /** Why it is paused, when the system paused it (e.g. `channel_not_found`). */
  pausedReason: string | null;
  /** Post a short "nothing on this day" line on empty days. */
  postEmpty: boolean;
  /** When its next slot falls due (UTC ISO), as the digest engine last computed it; null = not computed yet. */
  nextDueAt: string | null;
  createdAt: string;
  /** When anything about it last changed (the empty-day setting too): `modified_at`. */
  updatedAt: string;
  /**
   * The schedule's epoch: when its time, zone or status last changed (or it was created). Slots due before
   * it do not exist; a re-save that changes none of the three leaves it, and so every open slot, alone.
   */
  scheduleSince: string;
}

/** What a caller gives to create or change a subscription; the store fills in the rest. */
export type SubscriptionInput = Omit<Subscription, 'createdAt' | 'updatedAt' | 'scheduleSince' | 'status' | 'pausedReason' | 'nextDueAt'> &
  Partial<Pick<Subscription, 'status' | 'pausedReason'>>;

/**
 * The states a slot (channel x local date) can be in while someone may still post it (docs/digest.md has the
 * table of who moves it where): `held` (a claim with nothing unrecorded at the platform), `sending` (a request
 * is out and its answer not recorded yet), and waiting for a retry after an outcome that was `retry_certain`
 * (the platform refused; nothing unrecorded went out) or `retry_uncertain` (it may have posted).
 */
export type OpenSlotState = 'held' | 'sending' | 'retry_certain' | 'retry_uncertain';
/** States the ledger never leaves: the slot is never claimed again. */
export type TerminalSlotState = 'posted' | 'skipped_late' | 'skipped_empty' | 'skipped_changed' | 'failed' | 'paused';
export type SlotState = OpenSlotState | TerminalSlotState;

export interface SlotRecord extends ChannelRef {
  /** `platform:workspace:channel:YYYY-MM-DD`. */
  key: string;
  localDate: string;
  state: SlotState;
  messageId: string | null;
  reason: string | null;
  attempts: number;
  /**
   * The claim token: a fencing number that grows with every claim of this slot. Every write of a holder
   * (renew, page, search, release, finish) presents it; once another claim has taken the slot, the old
   * token changes nothing.
   */
  token: number;
  /**
   * True while an earlier attempt may have reached the platform without being recorded (a timeout, a lost
   * answer, a 5xx after sending, a crash or lost lease while `sending`): the channel is searched before posting.
   */
  uncertain: boolean;
  /** Pages of the digest the platform accepted and the ledger recorded, in order; the next attempt sends the rest. */
  pagesSent: number;
  /** Their message ids, page 0 first (`messageId` is page 0's). */
  pageIds: string[];
  /** Where the last search of the channel for this slot stopped (the poster's own position), so the next goes on from it. */
  searchPosition: string | null;
  /** Who holds the claim and until when (ISO, database time), so a crashed claimer's slot can be retried. */
  claimedBy: string | null;
  leaseUntil: string | null;
  /** When the slot was first claimed (database time): a post for it cannot be older, so recovery searches from here. */
  firstClaimedAt: string | null;
  /** When the slot fell due (UTC ISO), as given by the first claimer. */
  dueAt: string | null;
  /** When the post was recorded (database time). */
  postedAt: string | null;
  updatedAt: string;
}

/** Filters for listing subscriptions; `after` and `limit` page through them in (platform, workspace, channel) order. */
export interface SubscriptionFilter {
  platform?: ChannelRef['platform'];
  status?: Subscription['status'];
  after?: ChannelRef;
  limit?: number;
  /** Subscriptions to skip first, in the same order (for pages a person asks for by number). */
  offset?: number;
}

/** Filters for listing slots; newest local date first. */
/** `kind` narrows to the daily digest's slots or to the new-readout posts of a follow (`doc:<id>` dates). */
export type SlotFilter = Partial<ChannelRef> & { localDate?: string; limit?: number; kind?: 'digest' | 'follow' };

/** What one import wrote: new channels, and existing channels brought up to date. */
export interface ImportResult {
  created: number;
  updated: number;
}

/** What was done to a channel's digest subscription: the change log the operator page shows. */
export type ChangeAction = 'subscribed' | 'changed' | 'paused' | 'resumed' | 'unsubscribed';

/** One entry of the change log, as a caller records it. */
export interface ChangeInput extends ChannelRef {
  action: ChangeAction;
  /** Who did it: a chat user id, a local user name, or `readout` for a pause the digest made itself. */
  actor: string;
  /** Through which surface: `slack`, `discord`, `console`, `cli` or `digest` (readout itself). */
  surface: string;
  /** What changed, in words (`09:00 Europe/London`, `channel_not_found`). */
  detail: string | null;
}

/** A change log entry with the database time it was recorded at. */
export interface ChangeRecord extends ChangeInput {
  id: number;
  at: string;
}

/** What a retention sweep removed. */
export interface SweepResult {
  slots: number;
  actions: number;
}

/** One running readout process, as its heartbeat records it. */
export interface Replica {
  /** host:pid:random, the same as the digest's claim owner. */
  id: string;
  host: string;
  pid: number;
  /** What it serves: the platforms it is connected to (`slack`, `discord`), or `console`. */
  serves: string[];
  startedAt: string;
  /** Its last heartbeat, in database time. */
  lastSeenAt: string;
}

/** The heartbeat methods of the Store (kept beside the slot ledger's implementation, not inside it). */
export type ReplicaMethods = 'recordReplica' | 'listReplicas' | 'removeReplica';

/**
 * Subscriptions and the digest ledger: the port every store implements (SQLite embedded, Postgres
 * for several processes). Every method is async so a networked driver changes nothing above it.
 * Times that decide leases are the database's own clock, never the caller's.
 */
export interface Store extends InstallationStorePort, CorpusStore, FollowStorePort, AnnouncementStorePort {
  /**
   * Creates or changes a subscription. A change of time, zone or status (and `removeSubscription`,
   * `setSubscriptionStatus`) closes the channel's claimed or retry-waiting slots as `skipped_changed`
   * in the same transaction; a holder still mid-post may then record `posted` (or `paused`) over it.
   */
  upsertSubscription(sub: SubscriptionInput): Promise<Subscription>;
  /** Creates or updates many subscriptions in batched transactions (an import); same rules as `upsertSubscription`. */
  importSubscriptions(subs: readonly SubscriptionInput[]): Promise<ImportResult>;
  getSubscription(ref: ChannelRef): Promise<Subscription | undefined>;
  listSubscriptions(filter?: SubscriptionFilter): Promise<Subscription[]>;
  /**
   * One workspace's subscriptions on one platform, in channel order, one page: `offset` skipped, at most
   * `limit` returned. It reads the primary key's range for that workspace only, never other workspaces' rows.
   */
  listWorkspaceSubscriptions(
    scope: Pick<ChannelRef, 'platform' | 'workspace'>,
    page: { offset: number; limit: number },
  ): Promise<Subscription[]>;
  setSubscriptionStatus(ref: ChannelRef, status: Subscription['status'], reason?: string | null): Promise<Subscription | undefined>;
  removeSubscription(ref: ChannelRef): Promise<boolean>;
  /** Records when a subscription's next slot falls due; a changed time, zone or status resets it to null. */
  setNextDue(ref: ChannelRef, nextDueAt: Date | null): Promise<void>;
  /**
   * The same for many subscriptions at once (one statement on Postgres; short transactions on SQLite): a tick
   * records a page. An update with `scheduleSince` is written only while the subscription's schedule epoch is
   * still that one, so a time computed from a schedule changed meanwhile never lands.
   */
  setNextDueBatch(updates: readonly { ref: ChannelRef; nextDueAt: Date | null; scheduleSince?: string }[]): Promise<void>;
  /**
   * Active subscriptions whose next slot is due by `dueBy` or not computed yet, one page of at most
   * `limit` in (platform, workspace, channel) order after `after`: a tick reads only what is due, and only
   * of the `platforms` this process serves (all when absent), so a platform it has no connection to is left to one that has.
   */
  listDueSubscriptions(options: { dueBy: Date; limit: number; after?: ChannelRef; platforms?: readonly string[] }): Promise<Subscription[]>;

  /** The database's time (Postgres `now()`; the injected system clock for SQLite): a digest run reads it once. */
  now(): Promise<Date>;

  /**
   * Claims a slot atomically (an open slot whose lease or retry time has passed, or a new one); returns the
   * record, in state `held` with a new `token`, when this caller now holds it; undefined when another does or it is done.
   * The record says whether the last outcome is `uncertain` (it was `sending` or `retry_uncertain`).
   */
  claimSlot(
    ref: ChannelRef,
    localDate: string,
    owner: string,
    leaseMs: number,
    options?: { dueAt?: Date },
  ): Promise<SlotRecord | undefined>;
  /**
   * Extends the lease of the claim `token` still holds (`held` or `sending`); false when another claim took the
   * slot or it was settled. `sending: true` marks that a request is about to go out: from then on, until the
   * page is recorded, a crash or a lost lease leaves the outcome uncertain.
   */
  renewLease(key: string, token: number, leaseMs: number, options?: { sending?: boolean }): Promise<boolean>;
  /**
   * Records that page `index` (0-based, the next unrecorded one) was accepted as `messageId`, and goes back to
   * `held`. False for a stale token, or a page out of order (recorded already).
   */
  recordPage(key: string, token: number, page: { index: number; messageId: string }): Promise<boolean>;
  /**
   * Stores where a search of the channel for this slot stopped; `settled` says it read to the end and found
   * nothing more, so the last outcome is certain again. False for a stale token.
   */
  recordSearch(key: string, token: number, search: { position: string | null; settled: boolean }): Promise<boolean>;
  /**
   * Records a terminal state for the claim `token` holds; false when another claim took the slot. A holder whose
   * slot was closed as `skipped_changed` may still record `posted` or `paused` while its lease lasts.
   */
  finishSlot(
    key: string,
    token: number,
    update: { state: TerminalSlotState; messageId?: string | null; reason?: string | null },
  ): Promise<boolean>;
  /**
   * Gives a claim back to wait for a retry: others stay off for `retryAfterMs`. `outcome: 'uncertain'` (the default)
   * when a request may have reached the platform unrecorded; an earlier uncertainty not yet settled by a search stays.
   */
  releaseSlot(
    key: string,
    token: number,
    update?: { reason?: string | null; retryAfterMs?: number; outcome?: 'certain' | 'uncertain' },
  ): Promise<boolean>;
  getSlot(key: string): Promise<SlotRecord | undefined>;
  listSlots(filter?: SlotFilter): Promise<SlotRecord[]>;

  /** Keeps button data that does not fit a message, readable by any process until `ttlMs` of database time passes. */
  putAction(key: string, data: string, ttlMs: number): Promise<void>;
  /** The data, or undefined when it expired or never existed. */
  getAction(key: string): Promise<string | undefined>;
  /** Deletes settled slots last touched more than `slotRetentionMs` ago and every expired action. */
  sweep(options: { slotRetentionMs: number }): Promise<SweepResult>;

  /** Every slot of these local dates, in no particular order: a day's outcomes in one indexed read (the operator page). */
  listSlotsOnDates(localDates: readonly string[]): Promise<SlotRecord[]>;
  /** Paused subscriptions, at most `limit`, read through the status index (the operator page's failures). */
  listPausedSubscriptions(limit: number): Promise<Subscription[]>;
  /** When each of these channels last posted (its newest posted slot), keyed `platform:workspace:channel`; absent when never. */
  lastPostedAt(refs: readonly ChannelRef[]): Promise<Map<string, string>>;

  /** Appends one entry to the change log (database time). */
  recordChange(change: ChangeInput): Promise<void>;
  /** Change log entries, newest first; `before` (an id) pages back, a channel narrows. */
  listChanges(filter?: Partial<ChannelRef> & { before?: number; limit?: number }): Promise<ChangeRecord[]>;
  /** Deletes change log entries older than `retentionMs` (the ledger's retention); returns how many. */
  sweepChanges(options: { retentionMs: number }): Promise<number>;

  /**
   * Takes the next turn of a rate shared by every process on this database (one request every
   * `intervalMs` per bucket, e.g. Discord's 50 requests/s per bot) and returns how many ms to wait
   * before using it, in database time. `holdMs` first pushes the bucket's next turn to at least
   * now + holdMs (a 429's Retry-After); `intervalMs: 0` with `holdMs` only holds the bucket back.
   */
  takeTurn(bucket: string, options: { intervalMs: number; holdMs?: number }): Promise<number>;

  /** Records this process's heartbeat (database time): inserts it on the first call, then moves `lastSeenAt`. */
  recordReplica(replica: Omit<Replica, 'startedAt' | 'lastSeenAt'>): Promise<void>;
  /** The processes whose last heartbeat is at most `seenWithinMs` old (database time), most recently seen first. */
  listReplicas(options: { seenWithinMs: number }): Promise<Replica[]>;
  /** Forgets a process's heartbeat (it stopped cleanly). */
  removeReplica(id: string): Promise<void>;

  close(): Promise<void>;
}

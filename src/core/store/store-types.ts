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
  updatedAt: string;
}

/** What a caller gives to create or change a subscription; the store fills in the rest. */
export type SubscriptionInput = Omit<Subscription, 'createdAt' | 'updatedAt' | 'status' | 'pausedReason' | 'nextDueAt'> &
  Partial<Pick<Subscription, 'status' | 'pausedReason'>>;

/** The terminal and in-between states of one digest slot (channel x local date). */
export type SlotState = 'claimed' | 'posted' | 'skipped_late' | 'skipped_empty' | 'skipped_changed' | 'failed' | 'paused';

export interface SlotRecord extends ChannelRef {
  /** `platform:workspace:channel:YYYY-MM-DD`. */
  key: string;
  localDate: string;
  state: SlotState;
  messageId: string | null;
  reason: string | null;
  attempts: number;
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
export type SlotFilter = Partial<ChannelRef> & { localDate?: string; limit?: number };

/** What one import wrote: new channels, and existing channels brought up to date. */
export interface ImportResult {
  created: number;
  updated: number;
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
export interface Store {
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
  /** The same for many subscriptions at once (one statement on Postgres; short transactions on SQLite): a tick records a page. */
  setNextDueBatch(updates: readonly { ref: ChannelRef; nextDueAt: Date | null }[]): Promise<void>;
  /**
   * Active subscriptions whose next slot is due by `dueBy` or not computed yet, one page of at most
   * `limit` in (platform, workspace, channel) order after `after`: a tick reads only what is due, and only
   * of the `platforms` this process serves (all when absent), so a platform it has no connection to is left to one that has.
   */
  listDueSubscriptions(options: { dueBy: Date; limit: number; after?: ChannelRef; platforms?: readonly string[] }): Promise<Subscription[]>;

  /** Claims a slot atomically; returns the record when this caller now holds it, undefined when another does or it is done. */
  claimSlot(
    ref: ChannelRef,
    localDate: string,
    owner: string,
    leaseMs: number,
    options?: { dueAt?: Date },
  ): Promise<SlotRecord | undefined>;
  /** Extends a lease this caller still holds; false when it was lost (expired and taken over, or settled). */
  renewLease(key: string, owner: string, leaseMs: number): Promise<boolean>;
  /** Records a terminal or retry state for a slot this caller holds; false when it no longer holds it (lease taken over). */
  finishSlot(key: string, owner: string, update: { state: SlotState; messageId?: string | null; reason?: string | null }): Promise<boolean>;
  /** Gives a claim back (shutdown mid-post, retry later) without a terminal record; others stay off for `retryAfterMs`. */
  releaseSlot(key: string, owner: string, update?: { reason?: string | null; retryAfterMs?: number }): Promise<boolean>;
  getSlot(key: string): Promise<SlotRecord | undefined>;
  listSlots(filter?: SlotFilter): Promise<SlotRecord[]>;

  /** Keeps button data that does not fit a message, readable by any process until `ttlMs` of database time passes. */
  putAction(key: string, data: string, ttlMs: number): Promise<void>;
  /** The data, or undefined when it expired or never existed. */
  getAction(key: string): Promise<string | undefined>;
  /** Deletes settled slots last touched more than `slotRetentionMs` ago and every expired action. */
  sweep(options: { slotRetentionMs: number }): Promise<SweepResult>;

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

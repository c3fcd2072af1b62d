/** Which channel, on which platform: the unit a subscription and a digest slot belong to. */
export interface ChannelRef {
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
  createdAt: string;
  updatedAt: string;
}

/** The terminal and in-between states of one digest slot (channel x local date). */
export type SlotState = 'claimed' | 'posted' | 'skipped_late' | 'skipped_empty' | 'failed' | 'paused';

export interface SlotRecord extends ChannelRef {
  /** `platform:workspace:channel:YYYY-MM-DD`. */
  key: string;
  localDate: string;
  state: SlotState;
  messageId: string | null;
  reason: string | null;
  attempts: number;
  /** Who holds the claim and until when (ISO), so a crashed claimer's slot can be retried. */
  claimedBy: string | null;
  leaseUntil: string | null;
  updatedAt: string;
}

/** Subscriptions and the digest ledger. SQLite by default; a Postgres implementation will satisfy the same interface. */
export interface Store {
  upsertSubscription(
    sub: Omit<Subscription, 'createdAt' | 'updatedAt' | 'status' | 'pausedReason'> & Partial<Pick<Subscription, 'status' | 'pausedReason'>>,
  ): Subscription;
  getSubscription(ref: ChannelRef): Subscription | undefined;
  listSubscriptions(filter?: { platform?: ChannelRef['platform']; status?: Subscription['status'] }): Subscription[];
  setSubscriptionStatus(ref: ChannelRef, status: Subscription['status'], reason?: string | null): Subscription | undefined;
  removeSubscription(ref: ChannelRef): boolean;

  /** Claims a slot atomically; returns the record when this caller now holds it, undefined when another does or it is done. */
  claimSlot(ref: ChannelRef, localDate: string, owner: string, leaseMs: number, now: Date): SlotRecord | undefined;
  /** Records a terminal or retry state for a slot this caller holds; false when it no longer holds it (lease taken over). */
  finishSlot(
    key: string,
    owner: string,
    update: { state: SlotState; messageId?: string | null; reason?: string | null },
    now: Date,
  ): boolean;
  /** Gives a claim back (shutdown mid-post, retry later) without a terminal record; `retryAt` keeps others off until then. */
  releaseSlot(key: string, owner: string, update?: { reason?: string | null; retryAt?: Date }): boolean;
  getSlot(key: string): SlotRecord | undefined;
  listSlots(filter?: Partial<ChannelRef> & { localDate?: string }): SlotRecord[];

  close(): void;
}

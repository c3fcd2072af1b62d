import type { ChannelRef, SlotRecord, SlotState, Subscription } from '../../core/store/store-types.js';

export interface PgSubscriptionRow {
  platform: ChannelRef['platform'];
  workspace: string;
  channel: string;
  time: string;
  timezone: string;
  status: Subscription['status'];
  paused_reason: string | null;
  post_empty: boolean;
  next_due_at: Date | null;
  created_at: Date;
  updated_at: Date;
  schedule_since: Date | null;
}

export interface PgSlotRow {
  key: string;
  platform: ChannelRef['platform'];
  workspace: string;
  channel: string;
  local_date: string;
  state: SlotState;
  message_id: string | null;
  reason: string | null;
  attempts: number;
  /** BIGINT: pg hands it over as a string. */
  claim_token: string;
  uncertain: boolean;
  pages_sent: number;
  page_ids: string | null;
  search_position: string | null;
  claimed_by: string | null;
  lease_until: Date | null;
  first_claimed_at: Date | null;
  due_at: Date | null;
  posted_at: Date | null;
  updated_at: Date;
}

// Postgres keeps microseconds; the domain speaks the same millisecond ISO strings as SQLite.
const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export function toSubscription(row: PgSubscriptionRow): Subscription {
  return {
    platform: row.platform,
    workspace: row.workspace,
    channel: row.channel,
    time: row.time,
    timezone: row.timezone,
    status: row.status,
    pausedReason: row.paused_reason,
    postEmpty: row.post_empty,
    nextDueAt: iso(row.next_due_at),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    scheduleSince: (row.schedule_since ?? row.updated_at).toISOString(),
  };
}

export function toSlot(row: PgSlotRow): SlotRecord {
  return {
    key: row.key,
    platform: row.platform,
    workspace: row.workspace,
    channel: row.channel,
    localDate: row.local_date,
    state: row.state,
    messageId: row.message_id,
    reason: row.reason,
    attempts: row.attempts,
    token: Number(row.claim_token),
    uncertain: row.uncertain,
    pagesSent: row.pages_sent,
    pageIds: row.page_ids ? row.page_ids.split(' ') : [],
    searchPosition: row.search_position,
    claimedBy: row.claimed_by,
    leaseUntil: iso(row.lease_until),
    firstClaimedAt: iso(row.first_claimed_at),
    dueAt: iso(row.due_at),
    postedAt: iso(row.posted_at),
    updatedAt: row.updated_at.toISOString(),
  };
}

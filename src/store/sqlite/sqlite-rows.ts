import type { ChannelRef, SlotRecord, SlotState, Subscription } from '../../core/store/store-types.js';

export interface SubscriptionRow {
  platform: ChannelRef['platform'];
  workspace: string;
  channel: string;
  time: string;
  timezone: string;
  status: Subscription['status'];
  paused_reason: string | null;
  post_empty: number;
  next_due_at: string | null;
  created_at: string;
  updated_at: string;
  schedule_since: string | null;
}

export interface SlotRow {
  key: string;
  platform: ChannelRef['platform'];
  workspace: string;
  channel: string;
  local_date: string;
  state: SlotState;
  message_id: string | null;
  reason: string | null;
  attempts: number;
  claim_token: number;
  uncertain: number;
  pages_sent: number;
  page_ids: string | null;
  search_position: string | null;
  claimed_by: string | null;
  lease_until: string | null;
  first_claimed_at: string | null;
  due_at: string | null;
  posted_at: string | null;
  updated_at: string;
}

export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    platform: row.platform,
    workspace: row.workspace,
    channel: row.channel,
    time: row.time,
    timezone: row.timezone,
    status: row.status,
    pausedReason: row.paused_reason,
    postEmpty: row.post_empty === 1,
    nextDueAt: row.next_due_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    scheduleSince: row.schedule_since ?? row.updated_at,
  };
}

export function toSlot(row: SlotRow): SlotRecord {
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
    token: row.claim_token,
    uncertain: row.uncertain === 1,
    pagesSent: row.pages_sent,
    pageIds: row.page_ids ? row.page_ids.split(' ') : [],
    searchPosition: row.search_position,
    claimedBy: row.claimed_by,
    leaseUntil: row.lease_until,
    firstClaimedAt: row.first_claimed_at,
    dueAt: row.due_at,
    postedAt: row.posted_at,
    updatedAt: row.updated_at,
  };
}

export const refOf = (ref: ChannelRef) => ({ platform: ref.platform, workspace: ref.workspace, channel: ref.channel });

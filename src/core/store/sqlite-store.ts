import type Database from 'better-sqlite3';
import type { Clock } from '../clock.js';
import { slotKey } from './slot-key.js';
import type { ChannelRef, SlotRecord, SlotState, Store, Subscription } from './store-types.js';

interface SubscriptionRow {
  platform: ChannelRef['platform'];
  workspace: string;
  channel: string;
  time: string;
  timezone: string;
  status: Subscription['status'];
  paused_reason: string | null;
  post_empty: number;
  created_at: string;
  updated_at: string;
}

interface SlotRow {
  key: string;
  platform: ChannelRef['platform'];
  workspace: string;
  channel: string;
  local_date: string;
  state: SlotState;
  message_id: string | null;
  reason: string | null;
  attempts: number;
  claimed_by: string | null;
  lease_until: string | null;
  updated_at: string;
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    platform: row.platform,
    workspace: row.workspace,
    channel: row.channel,
    time: row.time,
    timezone: row.timezone,
    status: row.status,
    pausedReason: row.paused_reason,
    postEmpty: row.post_empty === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toSlot(row: SlotRow): SlotRecord {
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
    claimedBy: row.claimed_by,
    leaseUntil: row.lease_until,
    updatedAt: row.updated_at,
  };
}

const REF_WHERE = 'platform = @platform AND workspace = @workspace AND channel = @channel';

/** The Store over one better-sqlite3 connection whose schema is already migrated. */
export function createSqliteStore(db: Database.Database, clock: Clock): Store {
  const now = () => clock.now().toISOString();
  const refOf = (ref: ChannelRef) => ({ platform: ref.platform, workspace: ref.workspace, channel: ref.channel });

  const statements = {
    upsert: db.prepare(`
      INSERT INTO subscriptions (platform, workspace, channel, time, timezone, status, paused_reason, post_empty, created_at, updated_at)
      VALUES (@platform, @workspace, @channel, @time, @timezone, COALESCE(@status, 'active'), @pausedReason, @postEmpty, @now, @now)
      ON CONFLICT (platform, workspace, channel) DO UPDATE SET
        time = excluded.time,
        timezone = excluded.timezone,
        post_empty = excluded.post_empty,
        status = COALESCE(@status, subscriptions.status),
        paused_reason = CASE WHEN @status IS NULL THEN subscriptions.paused_reason ELSE @pausedReason END,
        updated_at = excluded.updated_at
      RETURNING *`),
    getSubscription: db.prepare(`SELECT * FROM subscriptions WHERE ${REF_WHERE}`),
    listSubscriptions: db.prepare(`
      SELECT * FROM subscriptions
      WHERE (@platform IS NULL OR platform = @platform) AND (@status IS NULL OR status = @status)
      ORDER BY platform, workspace, channel`),
    setStatus: db.prepare(`
      UPDATE subscriptions SET status = @status, paused_reason = @reason, updated_at = @now
      WHERE ${REF_WHERE} RETURNING *`),
    remove: db.prepare(`DELETE FROM subscriptions WHERE ${REF_WHERE}`),
    // The whole claim is one statement: a fresh slot is inserted, a claimed slot whose lease ran out
    // (its holder crashed, or it was released until `retryAt`) is taken over, and a terminal slot is
    // never touched. SQLite serialises writers, so exactly one caller gets a row back.
    claim: db.prepare(`
      INSERT INTO digest_slots (key, platform, workspace, channel, local_date, state, attempts, claimed_by, lease_until, updated_at)
      VALUES (@key, @platform, @workspace, @channel, @localDate, 'claimed', 1, @owner, @leaseUntil, @now)
      ON CONFLICT (key) DO UPDATE SET
        attempts = digest_slots.attempts + 1,
        claimed_by = excluded.claimed_by,
        lease_until = excluded.lease_until,
        updated_at = excluded.updated_at
      WHERE digest_slots.state = 'claimed' AND (digest_slots.lease_until IS NULL OR digest_slots.lease_until <= excluded.updated_at)
      RETURNING *`),
    finish: db.prepare(`
      UPDATE digest_slots SET
        state = @state,
        message_id = COALESCE(@messageId, message_id),
        reason = @reason,
        lease_until = CASE WHEN @state = 'claimed' THEN lease_until ELSE NULL END,
        updated_at = @now
      WHERE key = @key AND claimed_by = @owner AND state = 'claimed'`),
    release: db.prepare(`
      UPDATE digest_slots SET claimed_by = NULL, lease_until = @retryAt, reason = COALESCE(@reason, reason), updated_at = @now
      WHERE key = @key AND claimed_by = @owner AND state = 'claimed'`),
    getSlot: db.prepare('SELECT * FROM digest_slots WHERE key = ?'),
    listSlots: db.prepare(`
      SELECT * FROM digest_slots
      WHERE (@platform IS NULL OR platform = @platform) AND (@workspace IS NULL OR workspace = @workspace)
        AND (@channel IS NULL OR channel = @channel) AND (@localDate IS NULL OR local_date = @localDate)
      ORDER BY local_date DESC, key`),
  };

  return {
    upsertSubscription(sub) {
      const row = statements.upsert.get({
        ...refOf(sub),
        time: sub.time,
        timezone: sub.timezone,
        status: sub.status ?? null,
        pausedReason: sub.status === 'paused' ? (sub.pausedReason ?? null) : null,
        postEmpty: sub.postEmpty ? 1 : 0,
        now: now(),
      }) as SubscriptionRow;
      return toSubscription(row);
    },
    getSubscription(ref) {
      const row = statements.getSubscription.get(refOf(ref)) as SubscriptionRow | undefined;
      return row ? toSubscription(row) : undefined;
    },
    listSubscriptions(filter = {}) {
      const rows = statements.listSubscriptions.all({
        platform: filter.platform ?? null,
        status: filter.status ?? null,
      }) as SubscriptionRow[];
      return rows.map(toSubscription);
    },
    setSubscriptionStatus(ref, status, reason = null) {
      const row = statements.setStatus.get({ ...refOf(ref), status, reason: status === 'paused' ? reason : null, now: now() }) as
        | SubscriptionRow
        | undefined;
      return row ? toSubscription(row) : undefined;
    },
    removeSubscription(ref) {
      return statements.remove.run(refOf(ref)).changes > 0;
    },
    claimSlot(ref, localDate, owner, leaseMs, at) {
      const row = statements.claim.get({
        key: slotKey(ref, localDate),
        ...refOf(ref),
        localDate,
        owner,
        leaseUntil: new Date(at.getTime() + leaseMs).toISOString(),
        now: at.toISOString(),
      }) as SlotRow | undefined;
      return row ? toSlot(row) : undefined;
    },
    finishSlot(key, owner, update, at) {
      const result = statements.finish.run({
        key,
        owner,
        state: update.state,
        messageId: update.messageId ?? null,
        reason: update.reason ?? null,
        now: at.toISOString(),
      });
      return result.changes > 0;
    },
    releaseSlot(key, owner, update = {}) {
      const result = statements.release.run({
        key,
        owner,
        retryAt: update.retryAt ? update.retryAt.toISOString() : null,
        reason: update.reason ?? null,
        now: now(),
      });
      return result.changes > 0;
    },
    getSlot(key) {
      const row = statements.getSlot.get(key) as SlotRow | undefined;
      return row ? toSlot(row) : undefined;
    },
    listSlots(filter = {}) {
      const rows = statements.listSlots.all({
        platform: filter.platform ?? null,
        workspace: filter.workspace ?? null,
        channel: filter.channel ?? null,
        localDate: filter.localDate ?? null,
      }) as SlotRow[];
      return rows.map(toSlot);
    },
    close() {
      if (db.open) db.close();
    },
  };
}

import type Database from 'better-sqlite3';
import type { Clock } from '../../core/clock.js';
import { slotKey } from '../../core/store/slot-key.js';
import type { Store } from '../../core/store/store-types.js';
import { refOf, type SlotRow, type SubscriptionRow, toSlot, toSubscription } from './sqlite-rows.js';

const REF_WHERE = 'platform = @platform AND workspace = @workspace AND channel = @channel';
// Keyset paging in primary-key order: (platform, workspace, channel) > (@afterPlatform, …).
const AFTER = `(@afterPlatform IS NULL OR (platform, workspace, channel) > (@afterPlatform, @afterWorkspace, @afterChannel))`;
const MAX_PAGE = -1;

/**
 * The Store over one better-sqlite3 connection whose schema is already migrated. SQLite is one file
 * on one host, so "database time" is that host's clock (injected, so tests can move it).
 */
export function createSqliteStore(db: Database.Database, clock: Clock): Store {
  const nowIso = () => clock.now().toISOString();
  const later = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();
  const after = (ref: { platform: string; workspace: string; channel: string } | undefined) => ({
    afterPlatform: ref?.platform ?? null,
    afterWorkspace: ref?.workspace ?? null,
    afterChannel: ref?.channel ?? null,
  });

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
        next_due_at = NULL,
        updated_at = excluded.updated_at
      RETURNING *`),
    getSubscription: db.prepare(`SELECT * FROM subscriptions WHERE ${REF_WHERE}`),
    listSubscriptions: db.prepare(`
      SELECT * FROM subscriptions
      WHERE (@platform IS NULL OR platform = @platform) AND (@status IS NULL OR status = @status) AND ${AFTER}
      ORDER BY platform, workspace, channel LIMIT @limit`),
    listDue: db.prepare(`
      SELECT * FROM subscriptions
      WHERE status = 'active' AND (next_due_at IS NULL OR next_due_at <= @dueBy) AND ${AFTER}
      ORDER BY platform, workspace, channel LIMIT @limit`),
    setStatus: db.prepare(`
      UPDATE subscriptions SET status = @status, paused_reason = @reason, next_due_at = NULL, updated_at = @now
      WHERE ${REF_WHERE} RETURNING *`),
    setNextDue: db.prepare(`UPDATE subscriptions SET next_due_at = @nextDueAt WHERE ${REF_WHERE}`),
    remove: db.prepare(`DELETE FROM subscriptions WHERE ${REF_WHERE}`),
    // The whole claim is one statement: a fresh slot is inserted, a claimed slot whose lease ran out
    // (its holder crashed, or it was released for a while) is taken over, and a terminal slot is
    // never touched. SQLite serialises writers, so exactly one caller gets a row back.
    claim: db.prepare(`
      INSERT INTO digest_slots (key, platform, workspace, channel, local_date, state, attempts, claimed_by, lease_until, first_claimed_at, due_at, updated_at)
      VALUES (@key, @platform, @workspace, @channel, @localDate, 'claimed', 1, @owner, @leaseUntil, @now, @dueAt, @now)
      ON CONFLICT (key) DO UPDATE SET
        attempts = digest_slots.attempts + 1,
        claimed_by = excluded.claimed_by,
        lease_until = excluded.lease_until,
        first_claimed_at = COALESCE(digest_slots.first_claimed_at, excluded.first_claimed_at),
        due_at = COALESCE(digest_slots.due_at, excluded.due_at),
        updated_at = excluded.updated_at
      WHERE digest_slots.state = 'claimed' AND (digest_slots.lease_until IS NULL OR digest_slots.lease_until <= excluded.updated_at)
      RETURNING *`),
    renew: db.prepare(`
      UPDATE digest_slots SET lease_until = @leaseUntil, updated_at = @now
      WHERE key = @key AND claimed_by = @owner AND state = 'claimed' AND lease_until > @now`),
    finish: db.prepare(`
      UPDATE digest_slots SET
        state = @state,
        message_id = COALESCE(@messageId, message_id),
        reason = @reason,
        lease_until = CASE WHEN @state = 'claimed' THEN lease_until ELSE NULL END,
        posted_at = CASE WHEN @state = 'posted' THEN @now ELSE posted_at END,
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
      ORDER BY local_date DESC, key LIMIT @limit`),
    // One statement per turn: SQLite serialises writers, so every caller gets its own turn.
    takeTurn: db.prepare(`
      INSERT INTO rate_turns (bucket, next_at) VALUES (@bucket, @now + @holdMs + @intervalMs)
      ON CONFLICT (bucket) DO UPDATE SET next_at = MAX(rate_turns.next_at, @now + @holdMs) + @intervalMs
      RETURNING next_at`),
  };

  return {
    async upsertSubscription(sub) {
      const row = statements.upsert.get({
        ...refOf(sub),
        time: sub.time,
        timezone: sub.timezone,
        status: sub.status ?? null,
        pausedReason: sub.status === 'paused' ? (sub.pausedReason ?? null) : null,
        postEmpty: sub.postEmpty ? 1 : 0,
        now: nowIso(),
      }) as SubscriptionRow;
      return toSubscription(row);
    },
    async getSubscription(ref) {
      const row = statements.getSubscription.get(refOf(ref)) as SubscriptionRow | undefined;
      return row ? toSubscription(row) : undefined;
    },
    async listSubscriptions(filter = {}) {
      const rows = statements.listSubscriptions.all({
        platform: filter.platform ?? null,
        status: filter.status ?? null,
        ...after(filter.after),
        limit: filter.limit ?? MAX_PAGE,
      }) as SubscriptionRow[];
      return rows.map(toSubscription);
    },
    async listDueSubscriptions(options) {
      const rows = statements.listDue.all({
        dueBy: options.dueBy.toISOString(),
        ...after(options.after),
        limit: options.limit,
      }) as SubscriptionRow[];
      return rows.map(toSubscription);
    },
    async setSubscriptionStatus(ref, status, reason = null) {
      const row = statements.setStatus.get({ ...refOf(ref), status, reason: status === 'paused' ? reason : null, now: nowIso() }) as
        | SubscriptionRow
        | undefined;
      return row ? toSubscription(row) : undefined;
    },
    async setNextDue(ref, nextDueAt) {
      statements.setNextDue.run({ ...refOf(ref), nextDueAt: nextDueAt ? nextDueAt.toISOString() : null });
    },
    async removeSubscription(ref) {
      return statements.remove.run(refOf(ref)).changes > 0;
    },
    async claimSlot(ref, localDate, owner, leaseMs, options = {}) {
      const row = statements.claim.get({
        key: slotKey(ref, localDate),
        ...refOf(ref),
        localDate,
        owner,
        leaseUntil: later(leaseMs),
        dueAt: options.dueAt ? options.dueAt.toISOString() : null,
        now: nowIso(),
      }) as SlotRow | undefined;
      return row ? toSlot(row) : undefined;
    },
    async renewLease(key, owner, leaseMs) {
      return statements.renew.run({ key, owner, leaseUntil: later(leaseMs), now: nowIso() }).changes > 0;
    },
    async finishSlot(key, owner, update) {
      const result = statements.finish.run({
        key,
        owner,
        state: update.state,
        messageId: update.messageId ?? null,
        reason: update.reason ?? null,
        now: nowIso(),
      });
      return result.changes > 0;
    },
    async releaseSlot(key, owner, update = {}) {
      const result = statements.release.run({
        key,
        owner,
        retryAt: update.retryAfterMs !== undefined ? later(update.retryAfterMs) : null,
        reason: update.reason ?? null,
        now: nowIso(),
      });
      return result.changes > 0;
    },
    async getSlot(key) {
      const row = statements.getSlot.get(key) as SlotRow | undefined;
      return row ? toSlot(row) : undefined;
    },
    async listSlots(filter = {}) {
      const rows = statements.listSlots.all({
        platform: filter.platform ?? null,
        workspace: filter.workspace ?? null,
        channel: filter.channel ?? null,
        localDate: filter.localDate ?? null,
        limit: filter.limit ?? MAX_PAGE,
      }) as SlotRow[];
      return rows.map(toSlot);
    },
    async takeTurn(bucket, options) {
      const now = clock.now().getTime();
      const intervalMs = Math.max(0, Math.round(options.intervalMs));
      const holdMs = Math.max(0, Math.round(options.holdMs ?? 0));
      const row = statements.takeTurn.get({ bucket, now, intervalMs, holdMs }) as { next_at: number };
      return Math.max(0, row.next_at - intervalMs - now);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

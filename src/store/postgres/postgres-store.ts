import type pg from 'pg';
import { slotKey } from '../../core/store/slot-key.js';
import { isTerminalSlotState } from '../../core/store/slot-states.js';
import type { ChannelRef, ReplicaMethods, Store, SubscriptionInput } from '../../core/store/store-types.js';
import { changeReason } from '../change-reason.js';
import { storeMessages } from '../store-messages.js';
import { createPostgresAnnouncements } from './postgres-announcements.js';
import { createPostgresChangeLog } from './postgres-change-log.js';
import { createPostgresCorpusStore } from './postgres-corpus-store.js';
import { createPostgresFollows } from './postgres-follows.js';
import { createPostgresInstallations } from './postgres-installations.js';
import { createPostgresOpsReads } from './postgres-ops-reads.js';
import { type PgSlotRow, type PgSubscriptionRow, toSlot, toSubscription } from './postgres-rows.js';
import { pgSql } from './postgres-statements.js';

// An import writes this many lines per statement and transaction.
const IMPORT_BATCH = 1_000;

const refParams = (ref: ChannelRef) => [ref.platform, ref.workspace, ref.channel];

/**
 * The Store over a pg Pool whose schema is already migrated. Leases and expiries are compared with
 * the server's `now()`, so replicas on different hosts agree on when a claim runs out.
 */
export function createPostgresStore(pool: pg.Pool): Omit<Store, ReplicaMethods> {
  const inTransaction = async <T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
  const lockedSubscription = async (client: pg.ClientBase, ref: ChannelRef) => {
    const { rows } = await client.query<PgSubscriptionRow>(pgSql.lockSubscription, refParams(ref));
    return rows[0] ? toSubscription(rows[0]) : undefined;
  };

  const importBatch = (batch: readonly SubscriptionInput[]) =>
    inTransaction(async (client) => {
      const columns = (pick: (sub: SubscriptionInput) => unknown) => batch.map(pick);
      const refs = [columns((s) => s.platform), columns((s) => s.workspace), columns((s) => s.channel)];
      const { rows } = await client.query<PgSubscriptionRow>(pgSql.getMany, refs);
      const before = new Map(rows.map((row) => [slotKey(row, ''), toSubscription(row)]));
      await client.query(pgSql.upsertMany, [
        ...refs,
        columns((s) => s.time),
        columns((s) => s.timezone),
        columns((s) => s.status ?? 'active'),
        columns((s) => s.postEmpty),
      ]);
      const closed = batch.flatMap((sub) => {
        const reason = changeReason(before.get(slotKey(sub, '')), { ...sub, status: sub.status ?? 'active' });
        return reason ? [{ sub, reason }] : [];
      });
      if (closed.length > 0) {
        await client.query(pgSql.closeOpenSlotsMany, [
          closed.map((c) => c.sub.platform),
          closed.map((c) => c.sub.workspace),
          closed.map((c) => c.sub.channel),
          closed.map((c) => c.reason),
        ]);
      }
      return batch.length - before.size;
    });

  return {
    ...createPostgresInstallations(pool),
    ...createPostgresCorpusStore(pool),
    async upsertSubscription(sub) {
      return inTransaction(async (client) => {
        const before = await lockedSubscription(client, sub);
        const { rows } = await client.query<PgSubscriptionRow>(pgSql.upsert, [
          ...refParams(sub),
          sub.time,
          sub.timezone,
          sub.status ?? null,
          sub.status === 'paused' ? (sub.pausedReason ?? null) : null,
          sub.postEmpty,
        ]);
        const reason = changeReason(before, sub);
        if (reason) await client.query(pgSql.closeOpenSlots, [...refParams(sub), reason]);
        return toSubscription(rows[0]!);
      });
    },
    async importSubscriptions(subs) {
      // One row per channel per statement (ON CONFLICT cannot touch a row twice); the last line wins, as it would one by one.
      const unique = [...new Map(subs.map((sub) => [slotKey(sub, ''), sub])).values()];
      let created = 0;
      for (let i = 0; i < unique.length; i += IMPORT_BATCH) created += await importBatch(unique.slice(i, i + IMPORT_BATCH));
      return { created, updated: subs.length - created };
    },
    async getSubscription(ref) {
      const { rows } = await pool.query<PgSubscriptionRow>(pgSql.getSubscription, refParams(ref));
      return rows[0] ? toSubscription(rows[0]) : undefined;
    },
    async listSubscriptions(filter = {}) {
      const { rows } = await pool.query<PgSubscriptionRow>(pgSql.listSubscriptions, [
        filter.platform ?? null,
        filter.status ?? null,
        filter.after?.platform ?? null,
        filter.after?.workspace ?? null,
        filter.after?.channel ?? null,
        filter.limit ?? null,
        filter.offset ?? 0,
      ]);
      return rows.map(toSubscription);
    },
    async listWorkspaceSubscriptions(scope, page) {
      const { rows } = await pool.query<PgSubscriptionRow>(pgSql.listWorkspaceSubscriptions, [
        scope.platform,
        scope.workspace,
        page.limit,
        page.offset,
      ]);
      return rows.map(toSubscription);
    },
    async listDueSubscriptions(options) {
      const { after } = options;
      const { rows } = after
        ? await pool.query<PgSubscriptionRow>(pgSql.listDueAfter, [
            options.dueBy.toISOString(),
            options.limit,
            after.platform,
            after.workspace,
            after.channel,
            options.platforms ?? null,
          ])
        : await pool.query<PgSubscriptionRow>(pgSql.listDueFirst, [options.dueBy.toISOString(), options.limit, options.platforms ?? null]);
      return rows.map(toSubscription);
    },
    async setSubscriptionStatus(ref, status, reason = null) {
      return inTransaction(async (client) => {
        const before = await lockedSubscription(client, ref);
        if (!before) return undefined;
        const { rows } = await client.query<PgSubscriptionRow>(pgSql.setStatus, [
          ...refParams(ref),
          status,
          status === 'paused' ? reason : null,
        ]);
        if (before.status !== status)
          await client.query(pgSql.closeOpenSlots, [
            ...refParams(ref),
            status === 'paused' ? storeMessages.reasonPaused : storeMessages.reasonResumed,
          ]);
        return toSubscription(rows[0]!);
      });
    },
    async setNextDue(ref, nextDueAt) {
      await pool.query(pgSql.setNextDue, [...refParams(ref), nextDueAt ? nextDueAt.toISOString() : null]);
    },
    async setNextDueBatch(updates) {
      if (updates.length === 0) return;
      await pool.query(pgSql.setNextDueMany, [
        updates.map((u) => u.ref.platform),
        updates.map((u) => u.ref.workspace),
        updates.map((u) => u.ref.channel),
        updates.map((u) => (u.nextDueAt ? u.nextDueAt.toISOString() : null)),
        updates.map((u) => u.scheduleSince ?? null),
      ]);
    },
    async removeSubscription(ref) {
      return inTransaction(async (client) => {
        const removed = ((await client.query(pgSql.remove, refParams(ref))).rowCount ?? 0) > 0;
        if (removed) await client.query(pgSql.closeOpenSlots, [...refParams(ref), storeMessages.reasonRemoved]);
        return removed;
      });
    },
    async now() {
      const { rows } = await pool.query<{ now: Date }>(pgSql.now);
      return rows[0]!.now;
    },
    async claimSlot(ref, localDate, owner, leaseMs, options = {}) {
      const { rows } = await pool.query<PgSlotRow>(pgSql.claim, [
        slotKey(ref, localDate),
        ...refParams(ref),
        localDate,
        owner,
        leaseMs,
        options.dueAt ? options.dueAt.toISOString() : null,
      ]);
      return rows[0] ? toSlot(rows[0]) : undefined;
    },
    async renewLease(key, token, leaseMs, options = {}) {
      return ((await pool.query(pgSql.renew, [key, token, leaseMs, options.sending === true])).rowCount ?? 0) > 0;
    },
    async recordPage(key, token, page) {
      return ((await pool.query(pgSql.recordPage, [key, token, page.index, page.messageId])).rowCount ?? 0) > 0;
    },
    async recordSearch(key, token, search) {
      return ((await pool.query(pgSql.recordSearch, [key, token, search.position, search.settled])).rowCount ?? 0) > 0;
    },
    async finishSlot(key, token, update) {
      if (!isTerminalSlotState(update.state)) throw new Error(`finishSlot records a terminal state, not ${update.state}`);
      const result = await pool.query(pgSql.finish, [key, token, update.state, update.messageId ?? null, update.reason ?? null]);
      return (result.rowCount ?? 0) > 0;
    },
    async releaseSlot(key, token, update = {}) {
      const result = await pool.query(pgSql.release, [
        key,
        token,
        update.retryAfterMs ?? null,
        update.reason ?? null,
        update.outcome !== 'certain',
      ]);
      return (result.rowCount ?? 0) > 0;
    },
    async getSlot(key) {
      const { rows } = await pool.query<PgSlotRow>(pgSql.getSlot, [key]);
      return rows[0] ? toSlot(rows[0]) : undefined;
    },
    async listSlots(filter = {}) {
      const { rows } = await pool.query<PgSlotRow>(pgSql.listSlots, [
        filter.platform ?? null,
        filter.workspace ?? null,
        filter.channel ?? null,
        filter.localDate ?? null,
        filter.limit ?? null,
        filter.kind ?? null,
      ]);
      return rows.map(toSlot);
    },
    async putAction(key, data, ttlMs) {
      await pool.query(pgSql.putAction, [key, data, ttlMs]);
    },
    async getAction(key) {
      const { rows } = await pool.query<{ data: string }>(pgSql.getAction, [key]);
      return rows[0]?.data;
    },
    async sweep({ slotRetentionMs }) {
      const slots = (await pool.query(pgSql.sweepSlots, [slotRetentionMs])).rowCount ?? 0;
      const actions = (await pool.query(pgSql.sweepActions)).rowCount ?? 0;
      return { slots, actions };
    },
    ...createPostgresChangeLog(pool),
    ...createPostgresFollows(pool),
    ...createPostgresAnnouncements(pool),
    ...createPostgresOpsReads(pool),
    async takeTurn(bucket, options) {
      const intervalMs = Math.max(0, Math.round(options.intervalMs));
      const holdMs = Math.max(0, Math.round(options.holdMs ?? 0));
      const { rows } = await pool.query<{ next_at: string; now_ms: string }>(pgSql.takeTurn, [bucket, intervalMs, holdMs]);
      const row = rows[0]!;
      return Math.max(0, Number(row.next_at) - intervalMs - Number(row.now_ms));
    },
    async close() {
      if (!pool.ended) await pool.end();
    },
  };
}

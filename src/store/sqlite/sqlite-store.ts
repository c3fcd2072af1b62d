import type Database from 'better-sqlite3';
import type { Clock } from '../../core/clock.js';
import { slotKey } from '../../core/store/slot-key.js';
import { isTerminalSlotState } from '../../core/store/slot-states.js';
import type { ChannelRef, ReplicaMethods, Store, Subscription, SubscriptionInput } from '../../core/store/store-types.js';
import { changeReason } from '../change-reason.js';
import { storeMessages } from '../store-messages.js';
import { createSqliteAnnouncements } from './sqlite-announcements.js';
import { createSqliteChangeLog } from './sqlite-change-log.js';
import { createSqliteCorpusStore } from './sqlite-corpus-store.js';
import { createSqliteFollows } from './sqlite-follows.js';
import { createSqliteInstallations } from './sqlite-installations.js';
import { createSqliteOpsReads } from './sqlite-ops-reads.js';
import { refOf, type SlotRow, type SubscriptionRow, toSlot, toSubscription } from './sqlite-rows.js';
import { prepareSqliteStatements } from './sqlite-statements.js';

const MAX_PAGE = -1;
/**
 * better-sqlite3 is synchronous, so `await store.x()` alone never gives the event loop a turn: a loop
 * over pages would block it from the first page to the last. Paging and batch methods start on a new
 * turn, so commands and timers run between pages.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
// Up to this many due subscriptions, a page reads them through the next-due index and sorts them.
const FEW_DUE = 5_000;
// Next due times per transaction: about 5-15 ms of synchronous work for a file on this machine.
const NEXT_DUE_BATCH = 250;
// An import writes this many lines per transaction, then lets the event loop breathe.
const IMPORT_BATCH = 2_000;

/**
 * The Store over one better-sqlite3 connection whose schema is already migrated. SQLite is one file
 * on one host, so "database time" is that host's clock (injected, so tests can move it).
 */
export function createSqliteStore(db: Database.Database, clock: Clock): Omit<Store, ReplicaMethods> {
  const nowIso = () => clock.now().toISOString();
  // One statement per turn of a shared rate: SQLite serialises writers, so every caller gets its own turn.
  const takeTurnStatement = db.prepare(`
    INSERT INTO rate_turns (bucket, next_at) VALUES (@bucket, @now + @holdMs + @intervalMs)
    ON CONFLICT (bucket) DO UPDATE SET next_at = MAX(rate_turns.next_at, @now + @holdMs) + @intervalMs
    RETURNING next_at`);
  const later = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();
  const after = (ref: ChannelRef | undefined) => ({
    afterPlatform: ref?.platform ?? null,
    afterWorkspace: ref?.workspace ?? null,
    afterChannel: ref?.channel ?? null,
  });
  const statements = prepareSqliteStatements(db);
  let dueMode = { dueBy: '', few: true };
  const getSubscription = (ref: ChannelRef) => {
    const row = statements.getSubscription.get(refOf(ref)) as SubscriptionRow | undefined;
    return row ? toSubscription(row) : undefined;
  };
  const closeOpenSlots = (ref: ChannelRef, reason: string, now: string) => statements.closeOpenSlots.run({ ...refOf(ref), reason, now });

  /** One upsert plus the slots its change closes; the caller runs it inside a transaction. */
  const upsertOne = (sub: SubscriptionInput): { sub: Subscription; created: boolean } => {
    const before = getSubscription(sub);
    const now = nowIso();
    const row = statements.upsert.get({
      ...refOf(sub),
      time: sub.time,
      timezone: sub.timezone,
      status: sub.status ?? null,
      pausedReason: sub.status === 'paused' ? (sub.pausedReason ?? null) : null,
      postEmpty: sub.postEmpty ? 1 : 0,
      now,
    }) as SubscriptionRow;
    const reason = changeReason(before, sub);
    if (reason) closeOpenSlots(sub, reason, now);
    return { sub: toSubscription(row), created: before === undefined };
  };
  const upsertTransaction = db.transaction(upsertOne);
  const importTransaction = db.transaction((subs: readonly SubscriptionInput[]) => {
    let created = 0;
    for (const sub of subs) if (upsertOne(sub).created) created++;
    return created;
  });
  const setStatusTransaction = db.transaction((ref: ChannelRef, status: Subscription['status'], reason: string | null) => {
    const before = getSubscription(ref);
    const now = nowIso();
    const row = statements.setStatus.get({ ...refOf(ref), status, reason: status === 'paused' ? reason : null, now }) as
      | SubscriptionRow
      | undefined;
    if (before && before.status !== status)
      closeOpenSlots(ref, status === 'paused' ? storeMessages.reasonPaused : storeMessages.reasonResumed, now);
    return row ? toSubscription(row) : undefined;
  });
  const removeTransaction = db.transaction((ref: ChannelRef) => {
    const removed = statements.remove.run(refOf(ref)).changes > 0;
    if (removed) closeOpenSlots(ref, storeMessages.reasonRemoved, nowIso());
    return removed;
  });
  const setNextDueTransaction = db.transaction(
    (updates: readonly { ref: ChannelRef; nextDueAt: Date | null; scheduleSince?: string }[]) => {
      for (const { ref, nextDueAt, scheduleSince } of updates) {
        const params = { ...refOf(ref), nextDueAt: nextDueAt ? nextDueAt.toISOString() : null };
        if (scheduleSince === undefined) statements.setNextDue.run(params);
        else statements.setNextDueIf.run({ ...params, scheduleSince });
      }
    },
  );
  const sweepTransaction = db.transaction((slotRetentionMs: number) => ({
    slots: statements.sweepSlots.run({ before: later(-slotRetentionMs) }).changes,
    actions: statements.sweepActions.run({ now: nowIso() }).changes,
  }));

  return {
    ...createSqliteInstallations(db, clock),
    ...createSqliteCorpusStore(db, clock),
    async upsertSubscription(sub) {
      return upsertTransaction.immediate(sub).sub;
    },
    async importSubscriptions(subs) {
      let created = 0;
      for (let i = 0; i < subs.length; i += IMPORT_BATCH) {
        await nextTurn();
        created += importTransaction.immediate(subs.slice(i, i + IMPORT_BATCH));
      }
      return { created, updated: subs.length - created };
    },
    async getSubscription(ref) {
      return getSubscription(ref);
    },
    async listSubscriptions(filter = {}) {
      await nextTurn();
      const rows = statements.listSubscriptions.all({
        platform: filter.platform ?? null,
        status: filter.status ?? null,
        ...after(filter.after),
        limit: filter.limit ?? MAX_PAGE,
        offset: filter.offset ?? 0,
      }) as SubscriptionRow[];
      return rows.map(toSubscription);
    },
    async listWorkspaceSubscriptions(scope, page) {
      await nextTurn();
      const rows = statements.listWorkspaceSubscriptions.all({
        platform: scope.platform,
        workspace: scope.workspace,
        limit: page.limit,
        offset: page.offset,
      }) as SubscriptionRow[];
      return rows.map(toSubscription);
    },
    async listDueSubscriptions(options) {
      await nextTurn();
      const dueBy = options.dueBy.toISOString();
      // Counting uses the index ranges only; it is redone on each tick's first page.
      if (!options.after || dueMode.dueBy !== dueBy) {
        const { due } = statements.countDue.get({ dueBy }) as { due: number };
        dueMode = { dueBy, few: due <= FEW_DUE };
      }
      const platforms = options.platforms ? JSON.stringify(options.platforms) : null;
      const params = { dueBy, ...after(options.after), limit: options.limit, platforms };
      const statement = dueMode.few ? statements.listDueFew : options.after ? statements.listDueManyAfter : statements.listDueManyFirst;
      return (statement.all(params) as SubscriptionRow[]).map(toSubscription);
    },
    async setSubscriptionStatus(ref, status, reason = null) {
      return setStatusTransaction.immediate(ref, status, reason);
    },
    async setNextDue(ref, nextDueAt) {
      statements.setNextDue.run({ ...refOf(ref), nextDueAt: nextDueAt ? nextDueAt.toISOString() : null });
    },
    async setNextDueBatch(updates) {
      // Each transaction writes its dirty pages to the WAL on the event loop: keep each one short.
      for (let i = 0; i < updates.length; i += NEXT_DUE_BATCH) {
        await nextTurn();
        setNextDueTransaction.immediate(updates.slice(i, i + NEXT_DUE_BATCH));
      }
    },
    async removeSubscription(ref) {
      return removeTransaction.immediate(ref);
    },
    async now() {
      return clock.now();
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
    async renewLease(key, token, leaseMs, options = {}) {
      return statements.renew.run({ key, token, leaseUntil: later(leaseMs), sending: options.sending ? 1 : 0, now: nowIso() }).changes > 0;
    },
    async recordPage(key, token, page) {
      return statements.recordPage.run({ key, token, index: page.index, messageId: page.messageId, now: nowIso() }).changes > 0;
    },
    async recordSearch(key, token, search) {
      return (
        statements.recordSearch.run({ key, token, position: search.position, settled: search.settled ? 1 : 0, now: nowIso() }).changes > 0
      );
    },
    async finishSlot(key, token, update) {
      if (!isTerminalSlotState(update.state)) throw new Error(`finishSlot records a terminal state, not ${update.state}`);
      const result = statements.finish.run({
        key,
        token,
        state: update.state,
        messageId: update.messageId ?? null,
        reason: update.reason ?? null,
        now: nowIso(),
      });
      return result.changes > 0;
    },
    async releaseSlot(key, token, update = {}) {
      const result = statements.release.run({
        key,
        token,
        retryAt: update.retryAfterMs !== undefined ? later(update.retryAfterMs) : null,
        reason: update.reason ?? null,
        uncertain: update.outcome === 'certain' ? 0 : 1,
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
        kind: filter.kind ?? null,
        limit: filter.limit ?? MAX_PAGE,
      }) as SlotRow[];
      return rows.map(toSlot);
    },
    async putAction(key, data, ttlMs) {
      statements.putAction.run({ key, data, expiresAt: later(ttlMs) });
    },
    async getAction(key) {
      const row = statements.getAction.get({ key, now: nowIso() }) as { data: string } | undefined;
      return row?.data;
    },
    async sweep({ slotRetentionMs }) {
      return sweepTransaction.immediate(slotRetentionMs);
    },
    ...createSqliteChangeLog(db, clock),
    ...createSqliteFollows(db, clock),
    ...createSqliteAnnouncements(db, clock),
    ...createSqliteOpsReads(db),
    async takeTurn(bucket, options) {
      const now = clock.now().getTime();
      const intervalMs = Math.max(0, Math.round(options.intervalMs));
      const holdMs = Math.max(0, Math.round(options.holdMs ?? 0));
      const row = takeTurnStatement.get({ bucket, now, intervalMs, holdMs }) as { next_at: number };
      return Math.max(0, row.next_at - intervalMs - now);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

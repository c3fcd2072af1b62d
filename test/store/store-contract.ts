import { describe, expect, it } from 'vitest';
import { slotKey } from '../../src/core/store/slot-key.js';
import type { ChannelRef, Store } from '../../src/core/store/store-types.js';
import { storeContractForAnnouncements } from './store-contract-announcements.js';
import { storeContractForChangeLog } from './store-contract-change-log.js';
import { storeContractForChanges } from './store-contract-changes.js';
import { storeContractForCorpus } from './store-contract-corpus.js';
import { storeContractForFollows } from './store-contract-follows.js';
import { storeContractForInstallations } from './store-contract-installations.js';

/** What the contract needs from one store implementation: fresh connections to one empty database, and time. */
export interface StoreUnderTest {
  /** A new connection to the same database (the first call creates it). */
  connect(): Promise<Store>;
  /** Lets `ms` of database time pass: a fake clock moves, or a real server's clock is waited out. */
  elapse(ms: number): Promise<void>;
  /** A lease long enough that `elapse(lease / 10)` keeps it and `elapse(lease)` ends it. */
  leaseMs: number;
  /** Drops the database and closes every connection. */
  dispose(): Promise<void>;
}

const channel = { platform: 'slack', workspace: 'T1', channel: 'C1' } as const;
const date = '2026-04-24';
const key = slotKey(channel, date);

/** The behaviour every Store must have, run against each implementation by its own test file. */
export function storeContract(name: string, make: () => Promise<StoreUnderTest>): void {
  const withStore = (fn: (store: Store, db: StoreUnderTest) => Promise<void>) => async () => {
    const db = await make();
    try {
      await fn(await db.connect(), db);
    } finally {
      await db.dispose();
    }
  };
  storeContractForChanges(name, withStore);
  storeContractForInstallations(name, withStore);
  storeContractForChangeLog(name, withStore);
  storeContractForCorpus(name, withStore);
  storeContractForFollows(name, withStore);
  storeContractForAnnouncements(name, withStore);

  describe(`${name}: subscriptions`, () => {
    it(
      'subscribes, changes, pauses with a reason, resumes, lists and unsubscribes',
      withStore(async (store, db) => {
        const created = await store.upsertSubscription({ ...channel, time: '09:00', timezone: 'Asia/Almaty', postEmpty: false });
        expect(created).toMatchObject({ ...channel, status: 'active', pausedReason: null, nextDueAt: null });
        await db.elapse(db.leaseMs / 10);
        const changed = await store.upsertSubscription({ ...channel, time: '17:30', timezone: 'Europe/London', postEmpty: true });
        expect(changed).toMatchObject({ time: '17:30', timezone: 'Europe/London', postEmpty: true, createdAt: created.createdAt });
        expect(Date.parse(changed.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));
        expect(await store.setSubscriptionStatus(channel, 'paused', 'channel_not_found')).toMatchObject({
          status: 'paused',
          pausedReason: 'channel_not_found',
        });
        // Changing the time keeps a pause unless the caller says otherwise.
        expect((await store.upsertSubscription({ ...channel, time: '08:00', timezone: 'Europe/London', postEmpty: true })).status).toBe(
          'paused',
        );
        expect(await store.listSubscriptions({ status: 'active' })).toEqual([]);
        expect(await store.setSubscriptionStatus(channel, 'active')).toMatchObject({ status: 'active', pausedReason: null });
        await store.upsertSubscription({
          platform: 'discord',
          workspace: 'G1',
          channel: 'D1',
          time: '07:00',
          timezone: 'UTC',
          postEmpty: false,
        });
        expect((await store.listSubscriptions()).map((s) => s.platform)).toEqual(['discord', 'slack']);
        expect(await store.listSubscriptions({ platform: 'discord' })).toHaveLength(1);
        expect(await store.removeSubscription(channel)).toBe(true);
        expect(await store.removeSubscription(channel)).toBe(false);
        expect(await store.getSubscription(channel)).toBeUndefined();
        expect(await store.setSubscriptionStatus(channel, 'paused', 'x')).toBeUndefined();
      }),
    );

    it(
      'keeps any platform name an adapter uses',
      withStore(async (store) => {
        // biome-ignore lint/suspicious/noExplicitAny: a platform this build does not know yet
        const other = { platform: 'matrix' as any, workspace: 'W', channel: 'X' };
        await store.upsertSubscription({ ...other, time: '09:00', timezone: 'UTC', postEmpty: false });
        expect(await store.getSubscription(other)).toMatchObject({ platform: 'matrix' });
      }),
    );

    it(
      'pages through subscriptions in key order',
      withStore(async (store) => {
        for (const c of ['C3', 'C1', 'C2', 'C4', 'C5'])
          await store.upsertSubscription({ ...channel, channel: c, time: '09:00', timezone: 'UTC', postEmpty: false });
        const first = await store.listSubscriptions({ limit: 2 });
        expect(first.map((s) => s.channel)).toEqual(['C1', 'C2']);
        const second = await store.listSubscriptions({ limit: 2, after: first[1]! });
        expect(second.map((s) => s.channel)).toEqual(['C3', 'C4']);
        expect((await store.listSubscriptions({ limit: 2, after: second[1]! })).map((s) => s.channel)).toEqual(['C5']);
      }),
    );

    it(
      "lists one workspace's subscriptions a page at a time, and nothing of another workspace or platform",
      withStore(async (store) => {
        for (const c of ['C3', 'C1', 'C2', 'C4', 'C5'])
          await store.upsertSubscription({ ...channel, channel: c, time: '09:00', timezone: 'UTC', postEmpty: false });
        await store.upsertSubscription({ ...channel, workspace: 'T0', channel: 'C0', time: '09:00', timezone: 'UTC', postEmpty: false });
        await store.upsertSubscription({ ...channel, workspace: 'T2', channel: 'C0', time: '09:00', timezone: 'UTC', postEmpty: false });
        await store.upsertSubscription({
          platform: 'discord',
          workspace: 'T1',
          channel: 'C9',
          time: '09:00',
          timezone: 'UTC',
          postEmpty: false,
        });
        const page = (offset: number, limit: number) =>
          store
            .listWorkspaceSubscriptions({ platform: 'slack', workspace: 'T1' }, { offset, limit })
            .then((subs) => subs.map((s) => s.channel));
        expect(await page(0, 2)).toEqual(['C1', 'C2']);
        expect(await page(2, 2)).toEqual(['C3', 'C4']);
        expect(await page(4, 2)).toEqual(['C5']);
        expect(await page(6, 2)).toEqual([]);
        expect(await page(0, 100)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5']);
        // Every platform and workspace, in key order (discord first): the operator's view, paged by number too.
        expect((await store.listSubscriptions({ offset: 1, limit: 2 })).map((s) => `${s.platform}:${s.workspace}:${s.channel}`)).toEqual([
          'slack:T0:C0',
          'slack:T1:C1',
        ]);
      }),
    );

    it(
      'lists only what is due (or not computed yet), and a change resets the next due time',
      withStore(async (store) => {
        const dueBy = new Date('2026-04-24T09:00:00Z');
        for (const c of ['A', 'B', 'C', 'D'])
          await store.upsertSubscription({ ...channel, channel: c, time: '09:00', timezone: 'UTC', postEmpty: false });
        await store.setNextDue({ ...channel, channel: 'A' }, new Date('2026-04-24T08:00:00Z'));
        await store.setNextDue({ ...channel, channel: 'B' }, new Date('2026-04-25T09:00:00Z'));
        await store.setNextDue({ ...channel, channel: 'C' }, new Date('2026-04-24T09:00:00Z'));
        await store.setNextDue({ ...channel, channel: 'D' }, new Date('2026-04-24T07:00:00Z'));
        await store.setSubscriptionStatus({ ...channel, channel: 'D' }, 'paused');
        expect((await store.getSubscription({ ...channel, channel: 'A' }))?.nextDueAt).toBe('2026-04-24T08:00:00.000Z');
        expect((await store.listDueSubscriptions({ dueBy, limit: 10 })).map((s) => s.channel)).toEqual(['A', 'C']);
        // D was paused (next due reset); resuming leaves it uncomputed, so a tick picks it up.
        await store.setSubscriptionStatus({ ...channel, channel: 'D' }, 'active');
        await store.upsertSubscription({ ...channel, channel: 'B', time: '10:00', timezone: 'UTC', postEmpty: false });
        expect((await store.listDueSubscriptions({ dueBy, limit: 10 })).map((s) => s.channel)).toEqual(['A', 'B', 'C', 'D']);
        const page = await store.listDueSubscriptions({ dueBy, limit: 2 });
        expect((await store.listDueSubscriptions({ dueBy, limit: 2, after: page[1]! })).map((s) => s.channel)).toEqual(['C', 'D']);
      }),
    );
    it(
      'lists only the due subscriptions of the platforms a process serves, page by page',
      withStore(async (store) => {
        const dueBy = new Date('2026-04-24T09:00:00Z');
        for (const platform of ['console', 'discord', 'slack'] as const)
          for (const c of ['A', 'B'])
            await store.upsertSubscription({ platform, workspace: 'W1', channel: c, time: '09:00', timezone: 'UTC', postEmpty: false });
        const names = (subs: { platform: string; channel: string }[]) => subs.map((s) => `${s.platform}:${s.channel}`);
        expect(names(await store.listDueSubscriptions({ dueBy, limit: 10, platforms: ['slack', 'discord'] }))).toEqual([
          'discord:A',
          'discord:B',
          'slack:A',
          'slack:B',
        ]);
        const first = await store.listDueSubscriptions({ dueBy, limit: 1, platforms: ['slack'] });
        expect(names(first)).toEqual(['slack:A']);
        expect(names(await store.listDueSubscriptions({ dueBy, limit: 5, platforms: ['slack'], after: first[0]! }))).toEqual(['slack:B']);
        expect(await store.listDueSubscriptions({ dueBy, limit: 10, platforms: [] })).toEqual([]);
        expect(await store.listDueSubscriptions({ dueBy, limit: 10 })).toHaveLength(6);
      }),
    );
    it(
      'pages through thousands of due subscriptions without losing or repeating one, however many are due',
      withStore(async (store) => {
        const subs = Array.from({ length: 6_200 }, (_, i) => ({
          ...channel,
          workspace: `W${i % 7}`,
          channel: `C${String(i).padStart(5, '0')}`,
          time: '09:00',
          timezone: 'UTC',
          status: i % 31 === 0 ? ('paused' as const) : ('active' as const),
          postEmpty: false,
        }));
        await store.importSubscriptions(subs);
        const dueBy = new Date('2026-04-24T09:00:00Z');
        const later = new Date('2026-04-25T09:00:00Z');
        const readAll = async () => {
          const seen: string[] = [];
          let after: ChannelRef | undefined;
          for (;;) {
            const page = await store.listDueSubscriptions({ dueBy, limit: 1_000, ...(after ? { after } : {}) });
            if (page.length === 0) return seen;
            seen.push(...page.map((s) => `${s.workspace}/${s.channel}`));
            after = page[page.length - 1];
          }
        };
        const active = subs.filter((s) => s.status === 'active').map((s) => `${s.workspace}/${s.channel}`);
        // Many due (nothing computed yet): every active one, once, in key order.
        expect(await readAll()).toEqual([...active].sort());
        // Few due: all but 40 are scheduled for tomorrow.
        await store.setNextDueBatch(subs.slice(40).map((ref) => ({ ref, nextDueAt: later })));
        expect((await store.getSubscription(subs[6_000]!))?.nextDueAt).toBe(later.toISOString());
        await store.setNextDueBatch([
          { ref: subs[6_000]!, nextDueAt: null },
          { ref: { ...channel, channel: 'gone' }, nextDueAt: later },
        ]);
        expect((await store.getSubscription(subs[6_000]!))?.nextDueAt).toBeNull();
        await store.setNextDueBatch([]);
        await store.setNextDue(subs[6_000]!, later);
        expect(await readAll()).toEqual(active.filter((_, i) => i < 40 - Math.ceil(40 / 31)).sort());
      }),
    );
  });

  describe(`${name}: replica heartbeats`, () => {
    it(
      'lists the processes seen within a window, newest first, keeps when each started, and forgets one that stopped',
      withStore(async (store, db) => {
        await store.recordReplica({ id: 'h1:10:a', host: 'h1', pid: 10, serves: ['slack'] });
        const [first] = await store.listReplicas({ seenWithinMs: db.leaseMs });
        expect(first).toMatchObject({ id: 'h1:10:a', host: 'h1', pid: 10, serves: ['slack'] });
        expect(first!.lastSeenAt).toBe(first!.startedAt);
        await db.elapse(db.leaseMs);
        await store.recordReplica({ id: 'h2:20:b', host: 'h2', pid: 20, serves: ['discord', 'slack'] });
        expect((await store.listReplicas({ seenWithinMs: db.leaseMs / 2 })).map((r) => r.id)).toEqual(['h2:20:b']);
        expect((await store.listReplicas({ seenWithinMs: 10 * db.leaseMs })).map((r) => r.id)).toEqual(['h2:20:b', 'h1:10:a']);
        await db.elapse(db.leaseMs / 10);
        await store.recordReplica({ id: 'h1:10:a', host: 'h1', pid: 10, serves: ['slack'] });
        const again = (await store.listReplicas({ seenWithinMs: db.leaseMs / 2 })).find((r) => r.id === 'h1:10:a');
        expect(again?.startedAt).toBe(first!.startedAt);
        expect(Date.parse(again!.lastSeenAt)).toBeGreaterThan(Date.parse(first!.lastSeenAt));
        await store.removeReplica('h1:10:a');
        expect((await store.listReplicas({ seenWithinMs: 10 * db.leaseMs })).map((r) => r.id)).toEqual(['h2:20:b']);
      }),
    );
  });

  describe(`${name}: the slot ledger`, () => {
    it(
      'lets exactly one caller claim, until the lease runs out, and records when it was first claimed and due',
      withStore(async (store, db) => {
        const dueAt = new Date('2026-04-24T04:00:00Z');
        const first = await store.claimSlot(channel, date, 'a', db.leaseMs, { dueAt });
        expect(first).toMatchObject({ key, state: 'held', attempts: 1, claimedBy: 'a', dueAt: dueAt.toISOString(), uncertain: false });
        expect(first?.firstClaimedAt).toBeTruthy();
        expect(await store.claimSlot(channel, date, 'b', db.leaseMs)).toBeUndefined();
        // Even the same owner does not get a held slot twice (a duplicate cron fire in one process).
        expect(await store.claimSlot(channel, date, 'a', db.leaseMs)).toBeUndefined();
        // The holder crashed: after its lease, another takes over and sees that this is a second attempt.
        await db.elapse(db.leaseMs * 1.2);
        const second = await store.claimSlot(channel, date, 'b', db.leaseMs);
        expect(second).toMatchObject({ claimedBy: 'b', attempts: 2, firstClaimedAt: first?.firstClaimedAt, dueAt: dueAt.toISOString() });
        expect(second!.token).toBeGreaterThan(first!.token);
        // The old holder can neither renew nor record anything.
        expect(await store.renewLease(key, first!.token, db.leaseMs)).toBe(false);
        expect(await store.finishSlot(key, first!.token, { state: 'posted', messageId: 'x' })).toBe(false);
        expect(await store.finishSlot(key, second!.token, { state: 'posted', messageId: 'm1' })).toBe(true);
        const posted = await store.getSlot(key);
        expect(posted).toMatchObject({ state: 'posted', messageId: 'm1', leaseUntil: null, attempts: 2 });
        expect(posted?.postedAt).toBeTruthy();
      }),
    );

    it(
      'fences by claim token, not owner: a re-claim by the same owner leaves the old token unable to write anything',
      withStore(async (store, db) => {
        const old = await store.claimSlot(channel, date, 'host:1:x', db.leaseMs);
        // The worker holding `old` sleeps in a pacing wait past its lease; a newer run of the same process re-claims.
        await db.elapse(db.leaseMs * 1.2);
        const fresh = await store.claimSlot(channel, date, 'host:1:x', db.leaseMs);
        expect(fresh).toMatchObject({ claimedBy: 'host:1:x', attempts: 2 });
        expect(fresh!.token).not.toBe(old!.token);
        expect(await store.renewLease(key, old!.token, db.leaseMs, { sending: true })).toBe(false);
        expect(await store.recordPage(key, old!.token, { index: 0, messageId: 'stale' })).toBe(false);
        expect(await store.recordSearch(key, old!.token, { position: 'stale', settled: true })).toBe(false);
        expect(await store.releaseSlot(key, old!.token, { reason: 'stale', retryAfterMs: 0 })).toBe(false);
        expect(await store.finishSlot(key, old!.token, { state: 'posted', messageId: 'stale' })).toBe(false);
        expect(await store.getSlot(key)).toMatchObject({
          state: 'held',
          pagesSent: 0,
          messageId: null,
          searchPosition: null,
          reason: null,
        });
        expect(await store.renewLease(key, fresh!.token, db.leaseMs)).toBe(true);
        expect(await store.finishSlot(key, fresh!.token, { state: 'posted', messageId: 'm1' })).toBe(true);
        expect(await store.getSlot(key)).toMatchObject({ state: 'posted', messageId: 'm1' });
      }),
    );

    it(
      'renews a lease its holder still has, so nobody takes the slot over mid-post; a token nobody replaced renews even late',
      withStore(async (store, db) => {
        const claim = await store.claimSlot(channel, date, 'a', db.leaseMs);
        await db.elapse(db.leaseMs * 0.6);
        expect(await store.renewLease(key, claim!.token, db.leaseMs)).toBe(true);
        await db.elapse(db.leaseMs * 0.6);
        expect(await store.claimSlot(channel, date, 'b', db.leaseMs)).toBeUndefined();
        expect(await store.renewLease(key, claim!.token + 1, db.leaseMs)).toBe(false);
        // Past the lease with no other claim: the token still fences alone, so the holder may go on.
        await db.elapse(db.leaseMs * 1.2);
        expect(await store.renewLease(key, claim!.token, db.leaseMs)).toBe(true);
        expect(await store.claimSlot(channel, date, 'b', db.leaseMs)).toBeUndefined();
        expect(await store.finishSlot(key, claim!.token, { state: 'posted', messageId: 'm1' })).toBe(true);
        expect(await store.renewLease(key, claim!.token, db.leaseMs)).toBe(false);
      }),
    );

    it.each(['posted', 'skipped_late', 'skipped_empty', 'skipped_changed', 'failed', 'paused'] as const)(
      'never claims a %s slot again',
      (state) =>
        withStore(async (store, db) => {
          const claim = await store.claimSlot(channel, date, 'a', db.leaseMs);
          expect(await store.finishSlot(key, claim!.token, { state, reason: 'r' })).toBe(true);
          await db.elapse(db.leaseMs * 1.2);
          expect(await store.claimSlot(channel, date, 'b', db.leaseMs)).toBeUndefined();
          expect(await store.finishSlot(key, claim!.token, { state: 'posted', messageId: 'again' })).toBe(false);
          expect((await store.getSlot(key))?.state).toBe(state);
        })(),
    );

    it(
      'gives a claim back, keeping others off until the retry time',
      withStore(async (store, db) => {
        const claim = await store.claimSlot(channel, date, 'a', db.leaseMs);
        expect(await store.releaseSlot(key, claim!.token + 1, { reason: 'not mine' })).toBe(false);
        expect(await store.releaseSlot(key, claim!.token, { reason: 'http_429', retryAfterMs: db.leaseMs / 2, outcome: 'certain' })).toBe(
          true,
        );
        expect(await store.getSlot(key)).toMatchObject({ state: 'retry_certain', claimedBy: null, reason: 'http_429', uncertain: false });
        expect(await store.claimSlot(channel, date, 'b', db.leaseMs)).toBeUndefined();
        await db.elapse(db.leaseMs * 0.7);
        expect(await store.claimSlot(channel, date, 'b', db.leaseMs)).toMatchObject({
          state: 'held',
          attempts: 2,
          claimedBy: 'b',
          reason: 'http_429',
          uncertain: false,
        });
      }),
    );

    it(
      'knows whether the last outcome is certain: sending, crashed or given back uncertain means search first, until a search settles it',
      withStore(async (store, db) => {
        // Held but nothing sent, then the holder dies: the next claim is certain.
        const quiet = await store.claimSlot(channel, date, 'a', db.leaseMs);
        await db.elapse(db.leaseMs * 1.2);
        const afterQuiet = await store.claimSlot(channel, date, 'b', db.leaseMs);
        expect(afterQuiet).toMatchObject({ uncertain: false, attempts: 2 });
        expect(afterQuiet!.token).toBeGreaterThan(quiet!.token);
        // A request goes out (sending) and the holder dies before recording it: uncertain.
        expect(await store.renewLease(key, afterQuiet!.token, db.leaseMs, { sending: true })).toBe(true);
        expect((await store.getSlot(key))?.state).toBe('sending');
        await db.elapse(db.leaseMs * 1.2);
        const afterCrash = await store.claimSlot(channel, date, 'c', db.leaseMs);
        expect(afterCrash).toMatchObject({ state: 'held', uncertain: true });
        // A clean refusal now does not make it certain: the crash is still unsettled.
        expect(await store.releaseSlot(key, afterCrash!.token, { reason: 'http_429', retryAfterMs: 0, outcome: 'certain' })).toBe(true);
        expect(await store.getSlot(key)).toMatchObject({ state: 'retry_uncertain', uncertain: true });
        const searcher = await store.claimSlot(channel, date, 'd', db.leaseMs);
        expect(searcher).toMatchObject({ uncertain: true });
        // The search read to the end and found nothing: certain again.
        expect(await store.recordSearch(key, searcher!.token, { position: '900', settled: true })).toBe(true);
        expect(await store.releaseSlot(key, searcher!.token, { reason: 'http_429', retryAfterMs: 0, outcome: 'certain' })).toBe(true);
        expect(await store.getSlot(key)).toMatchObject({ state: 'retry_certain', uncertain: false, searchPosition: '900' });
        // A timeout after sending is given back as uncertain.
        const poster = await store.claimSlot(channel, date, 'e', db.leaseMs);
        expect(poster).toMatchObject({ uncertain: false });
        expect(await store.renewLease(key, poster!.token, db.leaseMs, { sending: true })).toBe(true);
        expect(await store.releaseSlot(key, poster!.token, { reason: 'timeout', retryAfterMs: 0, outcome: 'uncertain' })).toBe(true);
        expect(await store.getSlot(key)).toMatchObject({ state: 'retry_uncertain', uncertain: true });
        expect(await store.claimSlot(channel, date, 'f', db.leaseMs)).toMatchObject({ uncertain: true, attempts: 6 });
      }),
    );

    it(
      'records each page in order with its message id, back to held, and hands the progress to the next claim',
      withStore(async (store, db) => {
        const claim = await store.claimSlot(channel, date, 'a', db.leaseMs);
        expect(await store.renewLease(key, claim!.token, db.leaseMs, { sending: true })).toBe(true);
        expect(await store.recordPage(key, claim!.token, { index: 0, messageId: 'p0' })).toBe(true);
        expect(await store.getSlot(key)).toMatchObject({ state: 'held', pagesSent: 1, pageIds: ['p0'], messageId: 'p0' });
        // Recorded already, or out of order: nothing changes.
        expect(await store.recordPage(key, claim!.token, { index: 0, messageId: 'again' })).toBe(false);
        expect(await store.recordPage(key, claim!.token, { index: 2, messageId: 'skip' })).toBe(false);
        expect(await store.renewLease(key, claim!.token, db.leaseMs, { sending: true })).toBe(true);
        expect(await store.recordPage(key, claim!.token, { index: 1, messageId: 'p1' })).toBe(true);
        // Page 2 goes out and the process dies before recording it.
        expect(await store.renewLease(key, claim!.token, db.leaseMs, { sending: true })).toBe(true);
        await db.elapse(db.leaseMs * 1.2);
        const next = await store.claimSlot(channel, date, 'b', db.leaseMs);
        expect(next).toMatchObject({ pagesSent: 2, pageIds: ['p0', 'p1'], messageId: 'p0', uncertain: true });
        expect(await store.recordPage(key, claim!.token, { index: 2, messageId: 'stale' })).toBe(false);
        expect(await store.recordPage(key, next!.token, { index: 2, messageId: 'p2' })).toBe(true);
        // The record keeps page 0's id whatever the finish says.
        expect(await store.finishSlot(key, next!.token, { state: 'posted', messageId: 'p2' })).toBe(true);
        expect(await store.getSlot(key)).toMatchObject({ state: 'posted', messageId: 'p0', pageIds: ['p0', 'p1', 'p2'], pagesSent: 3 });
      }),
    );

    it(
      'keeps where a search stopped in the slot, for the next attempt in any process',
      withStore(async (store, db) => {
        const claim = await store.claimSlot(channel, date, 'a', db.leaseMs);
        expect(claim?.searchPosition).toBeNull();
        expect(await store.recordSearch(key, claim!.token, { position: '{"after":"500"}', settled: false })).toBe(true);
        expect(await store.releaseSlot(key, claim!.token, { reason: 'history_search_incomplete', retryAfterMs: 0 })).toBe(true);
        const other = await db.connect();
        const next = await other.claimSlot(channel, date, 'b', db.leaseMs);
        expect(next).toMatchObject({ searchPosition: '{"after":"500"}', uncertain: true });
        expect(await other.recordSearch(key, claim!.token, { position: 'stale', settled: true })).toBe(false);
        expect(await other.recordSearch(key, next!.token, { position: '{"after":"900"}', settled: false })).toBe(true);
        expect(await store.getSlot(key)).toMatchObject({ searchPosition: '{"after":"900"}', uncertain: true });
      }),
    );

    it(
      'tells the time by the database clock, the same clock its leases and records use',
      withStore(async (store, db) => {
        const before = await store.now();
        const claim = await store.claimSlot(channel, date, 'a', db.leaseMs);
        const after = await store.now();
        expect(Date.parse(claim!.firstClaimedAt!)).toBeGreaterThanOrEqual(before.getTime() - 1);
        expect(Date.parse(claim!.firstClaimedAt!)).toBeLessThanOrEqual(after.getTime() + 1);
        expect(Date.parse(claim!.leaseUntil!) - Date.parse(claim!.firstClaimedAt!)).toBeCloseTo(db.leaseMs, -2);
        await db.elapse(db.leaseMs / 10);
        expect((await store.now()).getTime() - after.getTime()).toBeGreaterThanOrEqual(db.leaseMs / 10 - 5);
      }),
    );

    it(
      'lists slots by channel and date, newest first, bounded by a limit',
      withStore(async (store, db) => {
        await store.claimSlot(channel, '2026-04-23', 'a', db.leaseMs);
        await store.claimSlot(channel, '2026-04-24', 'a', db.leaseMs);
        await store.claimSlot({ ...channel, channel: 'C2' }, '2026-04-24', 'a', db.leaseMs);
        expect((await store.listSlots({ channel: 'C1' })).map((s) => s.localDate)).toEqual(['2026-04-24', '2026-04-23']);
        expect((await store.listSlots({ channel: 'C1', limit: 1 })).map((s) => s.localDate)).toEqual(['2026-04-24']);
        expect(await store.listSlots({ localDate: '2026-04-24' })).toHaveLength(2);
        expect(await store.listSlots()).toHaveLength(3);
      }),
    );

    it(
      'hands out turns of a shared rate one interval apart across connections, and a hold pushes them back',
      withStore(async (one, db) => {
        const two = await db.connect();
        const interval = db.leaseMs / 10;
        const waits = await Promise.all(
          Array.from({ length: 6 }, (_, i) => (i % 2 ? two : one).takeTurn('discord:bot', { intervalMs: interval })),
        );
        // Six callers on two connections: six different turns, spaced by the interval (database time
        // passes a little between them on a real server, so compare with a tolerance).
        const sorted = [...waits].sort((a, b) => a - b);
        expect(sorted[0]).toBeLessThanOrEqual(interval / 2);
        for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThan(interval / 2);
        expect(sorted[5]).toBeGreaterThan(4 * interval);
        // Another bucket is independent.
        expect(await one.takeTurn('slack:T1', { intervalMs: interval })).toBeLessThanOrEqual(interval / 2);
        // A 429 holds the bucket back: the next turn comes after the hold, not after the queue alone.
        await two.takeTurn('slack:T1', { intervalMs: 0, holdMs: db.leaseMs });
        expect(await one.takeTurn('slack:T1', { intervalMs: interval })).toBeGreaterThan(db.leaseMs * 0.8);
        // Once the queue is in the past, a turn is free at once again.
        await db.elapse(db.leaseMs * 1.5);
        expect(await one.takeTurn('discord:bot', { intervalMs: interval })).toBe(0);
      }),
    );

    it(
      'does not let two connections to one database both win a claim',
      withStore(async (one, db) => {
        const two = await db.connect();
        const winners: number[] = [];
        for (let i = 0; i < 50; i++) {
          const ref = { ...channel, channel: `C${i}` };
          const [a, b] = await Promise.all([one.claimSlot(ref, date, 'p1', db.leaseMs), two.claimSlot(ref, date, 'p2', db.leaseMs)]);
          winners.push(Number(a !== undefined) + Number(b !== undefined));
        }
        expect(winners.every((count) => count === 1)).toBe(true);
        expect(await two.listSlots()).toHaveLength(50);
      }),
    );
  });
}

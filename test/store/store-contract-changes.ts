import { describe, expect, it } from 'vitest';
import { slotKey } from '../../src/core/store/slot-key.js';
import type { Store } from '../../src/core/store/store-types.js';
import type { StoreUnderTest } from './store-contract.js';

const channel = { platform: 'slack', workspace: 'T1', channel: 'C1' } as const;
const date = '2026-04-24';
const key = slotKey(channel, date);

type WithStore = (fn: (store: Store, db: StoreUnderTest) => Promise<void>) => () => Promise<void>;

/** The contract's second half: what subscription changes do to open slots, retention, imports and button data. */
export function storeContractForChanges(name: string, withStore: WithStore): void {
  describe(`${name}: changes, retention`, () => {
    it(
      'closes open slots as skipped_changed when the subscription changes, pauses, resumes or goes, in the same step',
      withStore(async (store, db) => {
        const sub = { ...channel, time: '09:00', timezone: 'UTC', postEmpty: false };
        await store.upsertSubscription(sub);
        // Three slots: one mid-post, one waiting to retry, one already posted.
        await store.claimSlot(channel, '2026-04-22', 'a', db.leaseMs);
        await store.finishSlot(slotKey(channel, '2026-04-22'), 1, { state: 'posted', messageId: 'm0' });
        await store.claimSlot(channel, '2026-04-23', 'a', db.leaseMs);
        await store.releaseSlot(slotKey(channel, '2026-04-23'), 1, { reason: 'http_503', retryAfterMs: db.leaseMs });
        await store.claimSlot(channel, date, 'a', db.leaseMs);
        await store.claimSlot({ ...channel, channel: 'other' }, date, 'a', db.leaseMs);
        // Only the empty-day setting changes: nothing about when it posts, so nothing closes.
        await store.upsertSubscription({ ...sub, postEmpty: true });
        expect((await store.getSlot(key))?.state).toBe('held');
        await store.upsertSubscription({ ...sub, time: '10:00' });
        expect(await store.getSlot(key)).toMatchObject({ state: 'skipped_changed', reason: expect.stringMatching(/09:00 UTC.*10:00 UTC/) });
        expect((await store.getSlot(slotKey(channel, '2026-04-23')))?.state).toBe('skipped_changed');
        expect(await store.getSlot(slotKey(channel, '2026-04-22'))).toMatchObject({ state: 'posted', messageId: 'm0' });
        expect((await store.getSlot(slotKey({ ...channel, channel: 'other' }, date)))?.state).toBe('held');
        // The holder has lost its lease for new work, but can still record a post that already went out.
        expect(await store.renewLease(key, 1, db.leaseMs)).toBe(false);
        expect(await store.finishSlot(key, 99, { state: 'posted', messageId: 'x' })).toBe(false);
        expect(await store.finishSlot(key, 1, { state: 'failed', reason: 'x' })).toBe(false);
        expect(await store.finishSlot(key, 1, { state: 'posted', messageId: 'm1' })).toBe(true);
        expect(await store.getSlot(key)).toMatchObject({ state: 'posted', messageId: 'm1' });
        expect(await store.claimSlot(channel, date, 'b', db.leaseMs)).toBeUndefined();

        const changes: [() => Promise<unknown>, RegExp][] = [
          [() => store.setSubscriptionStatus(channel, 'paused', 'by hand'), /paused/],
          [() => store.setSubscriptionStatus(channel, 'active'), /resumed/],
          [() => store.removeSubscription(channel), /removed/],
        ];
        for (const [index, [change, reason]] of changes.entries()) {
          const day = `2026-05-0${index + 1}`;
          await store.claimSlot(channel, day, 'a', db.leaseMs);
          await change();
          expect(await store.getSlot(slotKey(channel, day))).toMatchObject({
            state: 'skipped_changed',
            reason: expect.stringMatching(reason),
          });
        }
      }),
    );

    it(
      'lets a holder record a post over skipped_changed only while its lease lasts',
      withStore(async (store, db) => {
        await store.upsertSubscription({ ...channel, time: '09:00', timezone: 'UTC', postEmpty: false });
        await store.claimSlot(channel, date, 'a', db.leaseMs);
        await store.removeSubscription(channel);
        await db.elapse(db.leaseMs * 1.2);
        expect(await store.finishSlot(key, 1, { state: 'posted', messageId: 'late' })).toBe(false);
        expect(await store.getSlot(key)).toMatchObject({ state: 'skipped_changed', messageId: null });
      }),
    );

    it(
      'sweeps slots older than the retention and expired actions, keeping the rest',
      withStore(async (store, db) => {
        await store.claimSlot(channel, '2026-04-23', 'a', db.leaseMs);
        await store.finishSlot(slotKey(channel, '2026-04-23'), 1, { state: 'posted', messageId: 'm' });
        await store.putAction('old', 'x', db.leaseMs / 2);
        await db.elapse(db.leaseMs * 1.2);
        await store.claimSlot(channel, date, 'a', db.leaseMs);
        await store.putAction('new', 'y', db.leaseMs * 10);
        expect(await store.sweep({ slotRetentionMs: db.leaseMs })).toEqual({ slots: 1, actions: 1 });
        expect((await store.listSlots()).map((s) => s.localDate)).toEqual([date]);
        expect(await store.getAction('new')).toBe('y');
        expect(await store.sweep({ slotRetentionMs: db.leaseMs })).toEqual({ slots: 0, actions: 0 });
      }),
    );
  });

  describe(`${name}: the schedule epoch`, () => {
    it(
      're-saving the same schedule or toggling empty days keeps the epoch; a new time, zone or status moves it',
      withStore(async (store, db) => {
        const sub = { ...channel, time: '09:00', timezone: 'UTC', postEmpty: false };
        const created = await store.upsertSubscription(sub);
        expect(created.scheduleSince).toBe(created.createdAt);
        await db.elapse(db.leaseMs / 10);
        const again = await store.upsertSubscription(sub);
        expect(Date.parse(again.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));
        expect(again.scheduleSince).toBe(created.scheduleSince);
        await db.elapse(db.leaseMs / 10);
        const toggled = await store.upsertSubscription({ ...sub, postEmpty: true });
        expect(toggled.scheduleSince).toBe(created.scheduleSince);
        expect((await store.importSubscriptions([{ ...sub, postEmpty: false }])).updated).toBe(1);
        expect((await store.getSubscription(channel))?.scheduleSince).toBe(created.scheduleSince);
        // Paused and resumed with the same status again: only a real change moves it.
        expect((await store.setSubscriptionStatus(channel, 'active'))?.scheduleSince).toBe(created.scheduleSince);
        await db.elapse(db.leaseMs / 10);
        const moved = await store.upsertSubscription({ ...sub, time: '10:00' });
        expect(Date.parse(moved.scheduleSince)).toBeGreaterThan(Date.parse(created.scheduleSince));
        await db.elapse(db.leaseMs / 10);
        const paused = await store.setSubscriptionStatus(channel, 'paused', 'by hand');
        expect(Date.parse(paused!.scheduleSince)).toBeGreaterThan(Date.parse(moved.scheduleSince));
      }),
    );

    it(
      'writes a batch of next due times only where the schedule epoch is still the one they were computed from',
      withStore(async (store, db) => {
        const a = await store.upsertSubscription({ ...channel, channel: 'A', time: '09:00', timezone: 'UTC', postEmpty: false });
        const b = await store.upsertSubscription({ ...channel, channel: 'B', time: '09:00', timezone: 'UTC', postEmpty: false });
        await db.elapse(db.leaseMs / 10);
        // B's time changes after the run read it: the time computed from its old schedule must not land.
        await store.upsertSubscription({ ...channel, channel: 'B', time: '11:00', timezone: 'UTC', postEmpty: false });
        // A is only re-saved: its epoch stands, so its time lands.
        await store.upsertSubscription({ ...channel, channel: 'A', time: '09:00', timezone: 'UTC', postEmpty: true });
        const next = new Date('2026-04-25T09:00:00Z');
        await store.setNextDueBatch([
          { ref: a, nextDueAt: next, scheduleSince: a.scheduleSince },
          { ref: b, nextDueAt: next, scheduleSince: b.scheduleSince },
        ]);
        expect((await store.getSubscription(a))?.nextDueAt).toBe(next.toISOString());
        expect((await store.getSubscription(b))?.nextDueAt).toBeNull();
      }),
    );
  });

  describe(`${name}: imports and button data`, () => {
    it(
      'imports many subscriptions idempotently: new channels created, existing ones updated, the last line for a channel wins',
      withStore(async (store, db) => {
        await store.upsertSubscription({ ...channel, time: '09:00', timezone: 'UTC', postEmpty: false });
        await store.claimSlot(channel, date, 'a', db.leaseMs);
        const lines = Array.from({ length: 2_500 }, (_, i) => ({
          platform: 'discord' as const,
          workspace: 'G',
          channel: `D${String(i).padStart(4, '0')}`,
          time: '09:00',
          timezone: 'Asia/Almaty',
          status: 'active' as const,
          postEmpty: i % 2 === 0,
        }));
        const changed = { ...channel, time: '08:00', timezone: 'UTC', status: 'paused' as const, postEmpty: true };
        expect(await store.importSubscriptions([...lines, { ...changed, time: '07:00' }, changed])).toEqual({ created: 2_500, updated: 2 });
        expect(await store.getSubscription(channel)).toMatchObject({ time: '08:00', status: 'paused', postEmpty: true });
        expect(await store.getSlot(key)).toMatchObject({ state: 'skipped_changed', reason: expect.stringMatching(/paused/) });
        expect(await store.listSubscriptions({ platform: 'discord', limit: 3 })).toEqual([
          expect.objectContaining({ channel: 'D0000', postEmpty: true }),
          expect.objectContaining({ channel: 'D0001', postEmpty: false }),
          expect.objectContaining({ channel: 'D0002' }),
        ]);
        // Importing the same lines again changes nothing but the count of updates.
        expect(await store.importSubscriptions(lines)).toEqual({ created: 0, updated: 2_500 });
        expect(await store.listSubscriptions()).toHaveLength(2_501);
      }),
    );

    it(
      'keeps button data for any connection until it expires',
      withStore(async (store, db) => {
        const other = await db.connect();
        await store.putAction('k1', '{"command":"lookup"}', db.leaseMs);
        expect(await other.getAction('k1')).toBe('{"command":"lookup"}');
        expect(await other.getAction('missing')).toBeUndefined();
        await other.putAction('k1', 'replaced', db.leaseMs / 2);
        await db.elapse(db.leaseMs * 0.7);
        expect(await store.getAction('k1')).toBeUndefined();
      }),
    );
  });
}

import { describe, expect, it } from 'vitest';
import { slotKey } from '../../src/core/store/slot-key.js';
import type { Store } from '../../src/core/store/store-types.js';
import type { StoreUnderTest } from './store-contract.js';

type WithStore = (fn: (store: Store, db: StoreUnderTest) => Promise<void>) => () => Promise<void>;

const c1 = { platform: 'slack', workspace: 'T1', channel: 'C1' } as const;
const c2 = { platform: 'discord', workspace: 'G1', channel: 'D1' } as const;

/** The change log: who changed a digest subscription, kept in the store and swept with the ledger. */
export function storeContractForChangeLog(name: string, withStore: WithStore): void {
  describe(`${name}: the operator page's reads`, () => {
    it(
      'lists every slot of given dates, and when each channel last posted',
      withStore(async (store, db) => {
        for (const [ref, date, state] of [
          [c1, '2026-04-23', 'posted'],
          [c1, '2026-04-24', 'failed'],
          [c2, '2026-04-24', 'posted'],
          [c2, '2026-04-25', 'posted'],
        ] as const) {
          const claimed = await store.claimSlot(ref, date, 'a', db.leaseMs);
          await store.finishSlot(slotKey(ref, date), claimed?.token ?? -1, {
            state,
            ...(state === 'posted' ? { messageId: 'm' } : { reason: 'x' }),
          });
          await db.elapse(10);
        }
        const slots = await store.listSlotsOnDates(['2026-04-24', '2026-04-23', '2026-04-24']);
        expect(slots.map((s) => s.key).sort()).toEqual(
          [slotKey(c2, '2026-04-24'), slotKey(c1, '2026-04-23'), slotKey(c1, '2026-04-24')].sort(),
        );
        const last = await store.lastPostedAt([c1, c2, { ...c1, channel: 'never' }]);
        expect([...last.keys()].sort()).toEqual(['discord:G1:D1', 'slack:T1:C1']);
        expect(last.get('slack:T1:C1')).toBe((await store.getSlot(slotKey(c1, '2026-04-23')))!.postedAt);
        expect(last.get('discord:G1:D1')).toBe((await store.getSlot(slotKey(c2, '2026-04-25')))!.postedAt);
        expect(await store.lastPostedAt([])).toEqual(new Map());
        await store.upsertSubscription({ ...c1, time: '09:00', timezone: 'UTC', postEmpty: false });
        await store.upsertSubscription({ ...c2, time: '09:00', timezone: 'UTC', postEmpty: false });
        await store.setSubscriptionStatus(c2, 'paused', 'http_403');
        expect((await store.listPausedSubscriptions(10)).map((s) => [s.channel, s.pausedReason])).toEqual([['D1', 'http_403']]);
      }),
    );
  });

  describe(`${name}: the change log`, () => {
    it(
      'lists changes newest first, for every connection, by channel and page',
      withStore(async (store, db) => {
        const other = await db.connect();
        await store.recordChange({ ...c1, action: 'subscribed', actor: 'U1', surface: 'slack', detail: '09:00 UTC' });
        await other.recordChange({ ...c2, action: 'paused', actor: 'readout', surface: 'digest', detail: 'channel_not_found' });
        await store.recordChange({ ...c1, action: 'changed', actor: 'U2', surface: 'slack', detail: '09:00 UTC → 10:00 UTC' });
        const all = await other.listChanges();
        expect(all.map((c) => [c.channel, c.action, c.actor, c.surface, c.detail])).toEqual([
          ['C1', 'changed', 'U2', 'slack', '09:00 UTC → 10:00 UTC'],
          ['D1', 'paused', 'readout', 'digest', 'channel_not_found'],
          ['C1', 'subscribed', 'U1', 'slack', '09:00 UTC'],
        ]);
        expect(all.every((c) => typeof c.id === 'number' && !Number.isNaN(Date.parse(c.at)))).toBe(true);
        expect((await store.listChanges({ ...c1 })).map((c) => c.action)).toEqual(['changed', 'subscribed']);
        expect((await store.listChanges({ limit: 1 })).map((c) => c.action)).toEqual(['changed']);
        expect((await store.listChanges({ before: all[0]!.id, limit: 1 })).map((c) => c.action)).toEqual(['paused']);
      }),
    );

    it(
      'sweeps entries older than the retention and keeps the newer ones',
      withStore(async (store, db) => {
        await store.recordChange({ ...c1, action: 'subscribed', actor: 'U1', surface: 'slack', detail: null });
        await db.elapse(db.leaseMs);
        await store.recordChange({ ...c1, action: 'paused', actor: 'U1', surface: 'slack', detail: null });
        expect(await store.sweepChanges({ retentionMs: db.leaseMs / 2 })).toBe(1);
        expect((await store.listChanges()).map((c) => c.action)).toEqual(['paused']);
      }),
    );
  });
}

import { describe, expect, it } from 'vitest';
import type { DocumentInput } from '../../src/core/store/corpus-store-types.js';
import type { Store } from '../../src/core/store/store-types.js';
import type { StoreUnderTest } from './store-contract.js';

type WithStore = (fn: (store: Store, db: StoreUnderTest) => Promise<void>) => () => Promise<void>;

const document = (n: number, extra: Partial<DocumentInput> = {}): DocumentInput => ({
  id: `web-a${String(n).padStart(11, '0')}`,
  text: `Readout ${n}.\n\nXi Jinping met William Ruto in Beijing.`,
  sidecar: { title: `Readout ${n}` },
  sourceUrl: null,
  canonicalUrl: `https://example.org/announced-${n}`,
  contentHash: `announce-hash-${n}`,
  addedBy: 'cli:test',
  ...extra,
});

const c1 = { platform: 'slack', workspace: 'T1', channel: 'C1' } as const;

/** The announcement outbox and paused follows: written with the document, leased, finished by the holder only. */
export function storeContractForAnnouncements(name: string, withStore: WithStore): void {
  describe(`${name}: announcements`, () => {
    it(
      'writes an announcement with each added document (not with a copy, not when told not to), due when it was added',
      withStore(async (store) => {
        const added = await store.addDocument(document(1));
        await store.addDocument(document(2, { contentHash: 'announce-hash-1' }));
        await store.addDocument(document(3, { announce: false }));
        expect(added.added).toBe(true);
        const record = await store.getAnnouncement(document(1).id);
        expect(record).toMatchObject({ documentId: document(1).id, attempts: 0, doneAt: null, outcome: null });
        expect(record?.dueAt).toBe(added.added ? added.document.addedAt : '');
        expect(await store.getAnnouncement(document(2).id)).toBeUndefined();
        expect(await store.getAnnouncement(document(3).id)).toBeUndefined();
        const claimed = await store.claimAnnouncements('a', 60_000, 10);
        expect(claimed.map((pending) => pending.document.id)).toEqual([document(1).id]);
        expect(claimed[0]).toMatchObject({ attempts: 0, document: { text: document(1).text, sidecar: { title: 'Readout 1' } } });
        expect(await store.announcementBacklog()).toEqual({ open: 1, oldestDueAt: record?.dueAt });
        await store.finishAnnouncement(document(1).id, 'a', { done: true, outcome: 'posted 1' });
        expect(await store.announcementBacklog()).toEqual({ open: 0, oldestDueAt: null });
      }),
    );

    it(
      'leases an announcement to one sweeper until it finishes or its lease ends; only the holder records it',
      withStore(async (store, db) => {
        const other = await db.connect();
        await store.addDocument(document(4));
        expect(await store.claimAnnouncements('a', db.leaseMs, 10)).toHaveLength(1);
        expect(await other.claimAnnouncements('b', db.leaseMs, 10)).toEqual([]);
        expect(await other.finishAnnouncement(document(4).id, 'b', { done: true, outcome: 'posted 1' })).toBe(false);
        await db.elapse(db.leaseMs + 50);
        // The lease ran out: another sweeper takes it over, and the first can no longer record it.
        const taken = await other.claimAnnouncements('b', db.leaseMs, 10);
        expect(taken.map((pending) => pending.attempts)).toEqual([1]);
        expect(await store.finishAnnouncement(document(4).id, 'a', { done: true, outcome: 'posted 1' })).toBe(false);
        expect(await other.finishAnnouncement(document(4).id, 'b', { done: true, outcome: 'posted 1' })).toBe(true);
        const record = await store.getAnnouncement(document(4).id);
        expect(record).toMatchObject({ outcome: 'posted 1', attempts: 2 });
        expect(record?.doneAt).not.toBeNull();
        // Done is done: no sweeper takes it again.
        await db.elapse(db.leaseMs + 50);
        expect(await store.claimAnnouncements('a', db.leaseMs, 10)).toEqual([]);
      }),
    );

    it(
      'hands an open announcement back until its retry time',
      withStore(async (store, db) => {
        await store.addDocument(document(5));
        await store.claimAnnouncements('a', db.leaseMs * 10, 10);
        const retryAt = new Date((await store.now()).getTime() + db.leaseMs);
        expect(await store.finishAnnouncement(document(5).id, 'a', { done: false, outcome: 'retry_later 1', retryAt })).toBe(true);
        expect(await store.claimAnnouncements('b', db.leaseMs, 10)).toEqual([]);
        await db.elapse(db.leaseMs + 50);
        expect((await store.claimAnnouncements('b', db.leaseMs, 10)).map((pending) => pending.document.id)).toEqual([document(5).id]);
        expect(await store.getAnnouncement(document(5).id)).toMatchObject({ doneAt: null, outcome: 'retry_later 1' });
      }),
    );

    it(
      'gives two sweepers claiming at once disjoint announcements',
      withStore(async (store, db) => {
        const other = await db.connect();
        for (let n = 10; n < 30; n++) await store.addDocument(document(n));
        const [a, b] = await Promise.all([store.claimAnnouncements('a', 60_000, 15), other.claimAnnouncements('b', 60_000, 15)]);
        const ids = [...a, ...b].map((pending) => pending.document.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toHaveLength(20);
      }),
    );
  });

  describe(`${name}: slots by kind`, () => {
    it(
      'lists a channel’s digest slots apart from its new-readout posts',
      withStore(async (store) => {
        const sub = await store.upsertSubscription({ ...c1, time: '09:00', timezone: 'UTC', postEmpty: false });
        for (const localDate of ['2026-04-23', 'doc:web-000000000001', '2026-04-24', 'doc:web-000000000002']) {
          expect(await store.claimSlot(sub, localDate, 'a', 60_000)).toBeDefined();
        }
        const dates = async (kind?: 'digest' | 'follow') =>
          (await store.listSlots({ ...c1, ...(kind ? { kind } : {}) })).map((slot) => slot.localDate);
        expect(await dates('digest')).toEqual(['2026-04-24', '2026-04-23']);
        expect(await dates('follow')).toEqual(['doc:web-000000000002', 'doc:web-000000000001']);
        expect(await dates()).toHaveLength(4);
      }),
    );
  });

  describe(`${name}: paused follows`, () => {
    it(
      'pauses a follow with a reason, keeps its filter, and a new follow resumes it',
      withStore(async (store) => {
        await store.upsertFollow({ ...c1, filter: 'person:ruto', createdBy: 'U1' });
        expect(await store.setFollowStatus(c1, 'paused', 'channel_not_found')).toBe(true);
        expect(await store.getFollow(c1)).toMatchObject({ filter: 'person:ruto', status: 'paused', pausedReason: 'channel_not_found' });
        expect(await store.setFollowStatus({ ...c1, channel: 'C9' }, 'paused', 'channel_not_found')).toBe(false);
        expect(await store.setFollowStatus(c1, 'active')).toBe(true);
        expect(await store.getFollow(c1)).toMatchObject({ status: 'active', pausedReason: null });
        await store.setFollowStatus(c1, 'paused', 'channel_not_found');
        const again = await store.upsertFollow({ ...c1, filter: 'person:ruto', createdBy: 'U2' });
        expect(again.follow).toMatchObject({ status: 'active', pausedReason: null, createdBy: 'U2' });
      }),
    );
  });
}

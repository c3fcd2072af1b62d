import { join, resolve } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { pollDueFeeds } from '../../../src/core/feeds/poll-feeds.js';
import { announceDocument, followSlotDate } from '../../../src/core/follow/announce-document.js';
import { sweepAnnouncements } from '../../../src/core/follow/sweep-announcements.js';
import { readGazetteer } from '../../../src/core/names/load-gazetteer.js';
import type { StoredDocument } from '../../../src/core/store/corpus-store-types.js';
import { slotKey } from '../../../src/core/store/slot-key.js';
import type { ChannelRef, Store } from '../../../src/core/store/store-types.js';
import { FakePoster } from '../../fakes/fake-poster.js';
import { startNewItemFeedServer } from '../../fakes/new-item-feed-server.js';
import { openTwoReplicas } from '../../store/fresh-postgres-schema.js';
import { POSTGRES_TEST_URL } from '../../store/postgres-test-database.js';
import { replicaPollOptions } from '../feeds/replica-poll-options.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const { gazetteer } = readGazetteer(join(ROOT, 'seeds'));
/** Channels that follow every new readout: enough claims that a replica winning them all would be a broken race. */
const EVERY = Array.from(
  { length: 16 },
  (_, i) => ({ platform: 'slack', workspace: 'T1', channel: `CALL${String(i).padStart(2, '0')}` }) as const,
);
const RUTO = { platform: 'slack', workspace: 'T1', channel: 'CRUTO' } as const;
const NOBODY = { platform: 'slack', workspace: 'T1', channel: 'CNOBODY' } as const;

/** Holds each replica's claim of a slot until the other replica reaches the same slot, then lets both go at once. */
function claimBarrier(parties: number) {
  const waiting = new Map<string, { arrived: number; open: () => void; opened: Promise<void> }>();
  return (key: string): Promise<void> => {
    let gate = waiting.get(key);
    if (!gate) {
      let open = () => {};
      const opened = new Promise<void>((resolve) => {
        open = resolve;
      });
      gate = { arrived: 0, open, opened };
      waiting.set(key, gate);
    }
    gate.arrived++;
    if (gate.arrived === parties) gate.open();
    return gate.opened;
  };
}

/** The store of one replica whose claims wait at the barrier (and a moment of jitter, so neither side always asks first). */
function behindBarrier(store: Store, barrier: (key: string) => Promise<void>, claims: string[]): Store {
  return {
    ...store,
    async claimSlot(ref, localDate, owner, leaseMs, options) {
      await barrier(slotKey(ref, localDate));
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 3)));
      const claim = await store.claimSlot(ref, localDate, owner, leaseMs, options);
      if (claim) claims.push(claim.key);
      return claim;
    },
  };
}

const channelOf = (ref: ChannelRef) => `${ref.platform}:${ref.workspace}:${ref.channel}`;

describe.skipIf(!POSTGRES_TEST_URL)('following new readouts on Postgres', () => {
  it('a feed’s new item reaches each following channel exactly once with two replicas posting it at once', async () => {
    const server = await startNewItemFeedServer();
    onTestFinished(() => server.close());
    const [a, b] = await openTwoReplicas();
    for (const ref of EVERY) await a.upsertFollow({ ...ref, filter: '', createdBy: 'U1' });
    await b.upsertFollow({ ...RUTO, filter: 'person:ruto', createdBy: 'U1' });
    await b.upsertFollow({ ...NOBODY, filter: 'person:tokayev', createdBy: 'U1' });
    await a.addFeed({ url: server.url('/rss'), addedBy: 'cli:test', backfill: 3, nextPollAt: new Date(0) });
    // The feed's lease lets one replica poll it; its new documents are then posted by both replicas at once
    // (as when the poller is told twice, or a second replica is told of the same document).
    const added: StoredDocument[] = [];
    const poll = (store: Store, owner: string) =>
      pollDueFeeds(
        replicaPollOptions(store, owner, {
          onAdded: (document) => {
            added.push(document);
          },
        }),
      );
    await Promise.all([poll(a, 'a'), poll(b, 'b')]);
    expect(added.map((document) => document.sidecar.title).sort()).toEqual([
      'Xi Jinping holds talks with Kenyan President William Ruto',
      'Xi Jinping meets Tokayev in Astana',
    ]);
    const ruto = added.find((document) => document.sidecar.title?.includes('Ruto'))!;

    const poster = new FakePoster('slack');
    const barrier = claimBarrier(2);
    const wonBy = { a: [] as string[], b: [] as string[] };
    const replica = (store: Store, owner: 'a' | 'b') => (document: StoredDocument) =>
      announceDocument(
        { store: behindBarrier(store, barrier, wonBy[owner]), posters: [poster], clock: { now: () => new Date() }, owner, gazetteer },
        document,
      );
    const outcomes = await Promise.all([replica(a, 'a')(ruto), replica(b, 'b')(ruto)]);

    // Exactly one post per following channel that matches, none where the filter does not.
    const followers = [...EVERY, RUTO].map(channelOf).sort();
    expect(poster.posts.map((post) => channelOf(post.ref)).sort()).toEqual(followers);
    expect(poster.posts.every((post) => post.slotKey === slotKey(post.ref, followSlotDate(ruto.id)))).toBe(true);
    expect(poster.posts[0]!.reply.fallback).toBe('New readout: Xi Jinping holds talks with Kenyan President William Ruto');
    // Both replicas took part: the race was real, and the ledger, not luck, kept each channel to one post.
    expect(wonBy.a.length).toBeGreaterThan(0);
    expect(wonBy.b.length).toBeGreaterThan(0);
    expect(wonBy.a.length + wonBy.b.length).toBe(followers.length);
    expect(outcomes.flat().filter((o) => o.outcome === 'posted')).toHaveLength(followers.length);
    for (const ref of [...EVERY, RUTO]) {
      expect(await a.getSlot(slotKey(ref, followSlotDate(ruto.id)))).toMatchObject({ state: 'posted', messageId: expect.any(String) });
    }
    expect(await a.getSlot(slotKey(NOBODY, followSlotDate(ruto.id)))).toBeUndefined();

    // Told again later, neither replica posts it again.
    await Promise.all([replica(a, 'a')(ruto), replica(b, 'b')(ruto)]);
    expect(poster.posts).toHaveLength(followers.length);

    // The production path: both replicas sweep the announcement outbox at once. Each document's announcement goes
    // to one of them; the Ruto readout is already settled everywhere, the Astana one reaches its followers once.
    const sweep = (store: Store, owner: string) =>
      sweepAnnouncements({ store, posters: [poster], clock: { now: () => new Date() }, owner, gazetteer: () => gazetteer });
    const swept = (await Promise.all([sweep(a, 'a'), sweep(b, 'b')])).flat();
    expect(swept.map((r) => r.documentId).sort()).toEqual(added.map((document) => document.id).sort());
    expect(swept.every((r) => r.done && r.recorded)).toBe(true);
    expect(swept.find((r) => r.documentId === ruto.id)?.summary).toBe(`already_done ${followers.length}`);
    const astana = added.find((document) => document.id !== ruto.id)!;
    const astanaFollowers = [...EVERY, NOBODY].map(channelOf).sort();
    const astanaPosts = poster.posts.filter((post) => post.slotKey === slotKey(post.ref, followSlotDate(astana.id)));
    expect(astanaPosts.map((post) => channelOf(post.ref)).sort()).toEqual(astanaFollowers);
    expect(poster.posts).toHaveLength(followers.length + astanaFollowers.length);
    expect(await Promise.all([sweep(a, 'a'), sweep(b, 'b')])).toEqual([[], []]);
  }, 60_000);
});

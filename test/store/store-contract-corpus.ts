import { describe, expect, it } from 'vitest';
import type { DocumentInput } from '../../src/core/store/corpus-store-types.js';
import type { Store } from '../../src/core/store/store-types.js';
import type { StoreUnderTest } from './store-contract.js';

type WithStore = (fn: (store: Store, db: StoreUnderTest) => Promise<void>) => () => Promise<void>;

const document = (n: number, extra: Partial<DocumentInput> = {}): DocumentInput => ({
  id: `web-${String(n).padStart(12, '0')}`,
  text: `Readout ${n}.\n\nXi Jinping met William Ruto in Beijing.`,
  sidecar: { title: `Readout ${n}`, eventDate: '2025-04-24' },
  sourceUrl: `http://127.0.0.1/readout-${n}`,
  canonicalUrl: `https://example.org/readout-${n}`,
  contentHash: `hash-${n}`,
  addedBy: 'cli:test',
  ...extra,
});

const ALWAYS_DUE = new Date('2000-01-01T00:00:00Z');
const NEVER_DUE = new Date('2999-01-01T00:00:00Z');

/** Documents and feeds: the corpus half of the store, run against each implementation. */
export function storeContractForCorpus(name: string, withStore: WithStore): void {
  describe(`${name}: documents`, () => {
    it(
      'adds a document once, recognising a copy by canonical URL and by text hash, and lists them oldest first',
      withStore(async (store) => {
        const first = await store.addDocument(document(1));
        expect(first).toMatchObject({
          added: true,
          document: { id: document(1).id, sidecar: { title: 'Readout 1' }, addedBy: 'cli:test' },
        });
        expect(Number.isNaN(Date.parse(first.added ? first.document.addedAt : ''))).toBe(false);
        const sameUrl = await store.addDocument(document(2, { canonicalUrl: document(1).canonicalUrl }));
        expect(sameUrl).toMatchObject({ added: false, match: 'canonical_url', existing: { id: document(1).id } });
        const sameText = await store.addDocument(document(3, { contentHash: 'hash-1', canonicalUrl: 'https://mirror.example/copy' }));
        expect(sameText).toMatchObject({ added: false, match: 'content_hash', existing: { id: document(1).id } });
        await store.addDocument(document(4, { canonicalUrl: null, sourceUrl: null }));
        expect((await store.listDocuments()).map((d) => d.id)).toEqual([document(1).id, document(4).id]);
        expect(await store.findDocument({ contentHash: 'hash-4' })).toMatchObject({ canonicalUrl: null, text: document(4).text });
        expect(await store.findDocument({ canonicalUrl: 'https://nowhere.example/' })).toBeUndefined();
      }),
    );

    it(
      'adds a document raced by two connections exactly once',
      withStore(async (store, db) => {
        const other = await db.connect();
        const results = await Promise.all([store.addDocument(document(5)), other.addDocument(document(6, { contentHash: 'hash-5' }))]);
        expect(results.filter((r) => r.added)).toHaveLength(1);
        expect(await store.listDocuments()).toHaveLength(1);
      }),
    );

    it(
      'tells a watcher on another connection that a document was added',
      withStore(async (store, db) => {
        const other = await db.connect();
        let calls = 0;
        const watch = await store.watchDocuments(() => {
          calls++;
        });
        try {
          await other.addDocument(document(7));
          const deadline = Date.now() + 5_000;
          while (calls === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
          expect(calls).toBeGreaterThan(0);
        } finally {
          await watch.stop();
        }
      }),
      10_000,
    );
  });

  describe(`${name}: feeds`, () => {
    const url = 'http://127.0.0.1:9/feed.xml';

    it(
      'adds, lists, leases one feed to one process at a time, records a poll and removes',
      withStore(async (store, db) => {
        expect(await store.addFeed({ url, addedBy: 'cli:test', backfill: 0, nextPollAt: ALWAYS_DUE })).toMatchObject({
          created: true,
          feed: { url, status: 'active', baselinePending: true, failures: 0 },
        });
        await store.addFeed({ url: `${url}?later`, addedBy: 'cli:test', backfill: 0, nextPollAt: NEVER_DUE });
        const other = await db.connect();
        const claimed = await store.claimDueFeeds('a', db.leaseMs, 10);
        expect(claimed.map((f) => f.url)).toEqual([url]);
        expect(await other.claimDueFeeds('b', db.leaseMs, 10)).toEqual([]);
        expect(await store.finishFeedPoll(url, 'b', { ok: true, etag: null, lastModified: null, nextPollAt: ALWAYS_DUE })).toBe(false);
        expect(
          await store.finishFeedPoll(url, 'a', {
            ok: true,
            etag: '"v1"',
            lastModified: 'Thu, 24 Apr 2025 08:00:00 GMT',
            nextPollAt: NEVER_DUE,
          }),
        ).toBe(true);
        expect(await store.getFeed(url)).toMatchObject({ etag: '"v1"', baselinePending: false, nextPollAt: NEVER_DUE.toISOString() });
        expect(await other.claimDueFeeds('b', db.leaseMs, 10)).toEqual([]);
        expect((await store.listFeeds()).map((f) => f.url)).toEqual([url, `${url}?later`]);
        expect(await store.removeFeed(url)).toBe(true);
        expect(await store.removeFeed(url)).toBe(false);
      }),
    );

    it(
      'gives a crashed poller’s lease to another process once it runs out',
      withStore(async (store, db) => {
        await store.addFeed({ url, addedBy: 'cli:test', backfill: 0, nextPollAt: ALWAYS_DUE });
        expect(await store.claimDueFeeds('a', db.leaseMs, 10)).toHaveLength(1);
        await db.elapse(db.leaseMs / 10);
        expect(await store.claimDueFeeds('b', db.leaseMs, 10)).toEqual([]);
        await db.elapse(db.leaseMs);
        expect(await store.claimDueFeeds('b', db.leaseMs, 10)).toHaveLength(1);
        expect(await store.finishFeedPoll(url, 'a', { ok: false, error: 'late', nextPollAt: ALWAYS_DUE, disableAfter: 5 })).toBe(false);
      }),
      15_000,
    );

    it(
      'disables a feed after repeated failures with the reason, and re-enables it when added again',
      withStore(async (store, db) => {
        await store.addFeed({ url, addedBy: 'cli:test', backfill: 0, nextPollAt: ALWAYS_DUE });
        for (let attempt = 1; attempt <= 3; attempt++) {
          expect(await store.claimDueFeeds('a', db.leaseMs, 10)).toHaveLength(1);
          await store.finishFeedPoll(url, 'a', { ok: false, error: `HTTP 50${attempt}`, nextPollAt: ALWAYS_DUE, disableAfter: 3 });
        }
        expect(await store.getFeed(url)).toMatchObject({ status: 'disabled', disabledReason: 'HTTP 503', failures: 3 });
        expect(await store.claimDueFeeds('a', db.leaseMs, 10)).toEqual([]);
        const again = await store.addFeed({ url, addedBy: 'cli:other', backfill: 2, nextPollAt: ALWAYS_DUE });
        expect(again).toMatchObject({
          created: false,
          feed: { status: 'active', disabledReason: null, failures: 0, backfill: 2, addedBy: 'cli:test' },
        });
      }),
    );

    it(
      'gives a claimed feed back without recording a poll, so another process claims it at once, still due and with no failure',
      withStore(async (store, db) => {
        await store.addFeed({ url, addedBy: 'cli:test', backfill: 0, nextPollAt: ALWAYS_DUE });
        const other = await db.connect();
        expect(await store.claimDueFeeds('a', db.leaseMs, 10)).toHaveLength(1);
        expect(await other.releaseFeed(url, 'b')).toBe(false);
        expect(await other.claimDueFeeds('b', db.leaseMs, 10)).toEqual([]);
        expect(await store.releaseFeed(url, 'a')).toBe(true);
        expect((await other.claimDueFeeds('b', db.leaseMs, 10)).map((f) => f.url)).toEqual([url]);
        expect(await store.getFeed(url)).toMatchObject({ failures: 0, lastError: null, lastPolledAt: null, baselinePending: true });
        // The feed is b's now: a's late give-back and a's finish change nothing.
        expect(await store.releaseFeed(url, 'a')).toBe(false);
        expect(await store.finishFeedPoll(url, 'a', { ok: false, error: 'late', nextPollAt: ALWAYS_DUE, disableAfter: 5 })).toBe(false);
        expect(await other.finishFeedPoll(url, 'b', { ok: true, etag: null, lastModified: null, nextPollAt: NEVER_DUE })).toBe(true);
      }),
    );

    it(
      'leases a host to one owner at a time: renewed by its holder, refused to another until released or run out',
      withStore(async (store, db) => {
        const other = await db.connect();
        const host = '127.0.0.1:9';
        expect(await store.claimFeedHost(host, 'a', db.leaseMs)).toBe(true);
        expect(await other.claimFeedHost(host, 'b', db.leaseMs)).toBe(false);
        expect(await other.claimFeedHost('feeds.example', 'b', db.leaseMs)).toBe(true);
        // The holder asks again: granted, and the lease runs from now.
        await db.elapse(db.leaseMs * 0.6);
        expect(await store.claimFeedHost(host, 'a', db.leaseMs)).toBe(true);
        await db.elapse(db.leaseMs * 0.6);
        expect(await other.claimFeedHost(host, 'b', db.leaseMs)).toBe(false);
        // Released by someone else's name: nothing happens; by the holder: free at once.
        await other.releaseFeedHost(host, 'b');
        expect(await other.claimFeedHost(host, 'b', db.leaseMs)).toBe(false);
        await store.releaseFeedHost(host, 'a');
        expect(await other.claimFeedHost(host, 'b', db.leaseMs)).toBe(true);
        expect(await store.claimFeedHost(host, 'a', db.leaseMs)).toBe(false);
        // A holder that never comes back: its lease runs out and the next claimer gets the host.
        await db.elapse(db.leaseMs * 1.2);
        expect(await store.claimFeedHost(host, 'a', db.leaseMs)).toBe(true);
        expect(await other.claimFeedHost(host, 'b', db.leaseMs)).toBe(false);
        await other.releaseFeedHost(host, 'b');
        expect(await other.claimFeedHost(host, 'b', db.leaseMs)).toBe(false);
      }),
      15_000,
    );

    it(
      'grants a free host to exactly one of two connections claiming it at once',
      withStore(async (one, db) => {
        const two = await db.connect();
        for (let i = 0; i < 30; i++) {
          const host = `host-${i}.example`;
          const [a, b] = await Promise.all([one.claimFeedHost(host, 'a', db.leaseMs), two.claimFeedHost(host, 'b', db.leaseMs)]);
          expect(Number(a) + Number(b)).toBe(1);
        }
      }),
    );

    it(
      'remembers item identities across feeds and returns only the new ones',
      withStore(async (store) => {
        expect(await store.unseenFeedItems(['a', 'b'])).toEqual(['a', 'b']);
        expect(await store.markFeedItemsSeen(url, ['a', 'b'])).toEqual(['a', 'b']);
        expect(await store.unseenFeedItems(['c', 'b', 'd'])).toEqual(['c', 'd']);
        expect(await store.markFeedItemsSeen(`${url}?two`, ['b', 'c'])).toEqual(['c']);
        expect(await store.markFeedItemsSeen(url, [])).toEqual([]);
      }),
    );
  });
}

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nextPollAt } from '../../../src/core/feeds/feed-schedule.js';
import { type PollFeedsOptions, pollDueFeeds } from '../../../src/core/feeds/poll-feeds.js';
import { silentLogger } from '../../../src/core/logger.js';
import { readGazetteer } from '../../../src/core/names/load-gazetteer.js';
import type { StoredDocument } from '../../../src/core/store/corpus-store-types.js';
import type { Store } from '../../../src/core/store/store-types.js';
import { openStore } from '../../../src/store/index.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { type Route, serve, startFixtureServer } from '../../fakes/fixture-server.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(join(ROOT, 'test/fixtures', path), 'utf8');
const { gazetteer } = readGazetteer(join(ROOT, 'seeds'));
const HALF_HOUR = 30 * 60_000;

/** Routes whose body can change between polls; feeds carry `{{BASE}}`, replaced by the server's address. */
const bodies = new Map<string, { type: string; body: string; etag?: string }>();
const seenHeaders: Record<string, string | undefined>[] = [];
const dynamic: Route = (request, response) => {
  const entry = bodies.get(request.url ?? '');
  if (!entry) return void response.writeHead(404).end();
  seenHeaders.push({ path: request.url, ifNoneMatch: request.headers['if-none-match'] });
  if (entry.etag && request.headers['if-none-match'] === entry.etag) return void response.writeHead(304).end();
  response
    .writeHead(200, { 'content-type': entry.type, ...(entry.etag ? { etag: entry.etag } : {}) })
    .end(entry.body.replaceAll('{{BASE}}', base));
};
/** Called when `/steal` (an item page) is fetched, before it answers: lets a test act while a poll is under way. */
let onSteal: (() => Promise<void>) | undefined;
let base = '';
let server: Awaited<ReturnType<typeof startFixtureServer>>;
let dir: string;
beforeAll(async () => {
  const paths = ['/rss', '/atom', '/rdf', '/broken', '/second-rss'];
  server = await startFixtureServer(
    new Map<string, Route>([
      ...paths.map((path) => [path, dynamic] as [string, Route]),
      ['/readout', serve('text/html', read('ingest/article.html'))],
      ['/mirror', serve('text/html', read('ingest/syndicated.html'))],
      ['/astana', serve('text/html', read('ingest/astana.html'))],
      ['/older', serve('text/html', read('ingest/article.html'))],
      [
        '/steal',
        (request, response) => {
          void (onSteal?.() ?? Promise.resolve()).then(() => serve('text/html', read('ingest/astana.html'))(request, response));
        },
      ],
    ]),
  );
  base = server.url('').replace(/\/$/, '');
  dir = mkdtempSync(join(tmpdir(), 'readout-feeds-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
const open: Store[] = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
  onSteal = undefined;
  bodies.clear();
  seenHeaders.length = 0;
  server.hits.clear();
});

let count = 0;
async function setUp({ processClock }: { processClock?: FakeClock } = {}) {
  const clock = new FakeClock('2026-04-24T06:00:00Z');
  const store = await openStore(`sqlite:${join(dir, `feeds-${count++}.db`)}`, { clock });
  open.push(store);
  const added: { document: StoredDocument; feed: string }[] = [];
  const options: PollFeedsOptions = {
    store,
    owner: 'replica-a',
    clock: processClock ?? clock,
    allowPrivate: true,
    gazetteer: () => gazetteer,
    logger: silentLogger,
    onAdded: (document, feed) => {
      added.push({ document, feed: feed.url });
    },
  };
  const follow = (path: string, backfill = 0) =>
    store.addFeed({ url: server.url(path), addedBy: 'cli:test', backfill, nextPollAt: clock.now() });
  /** Moves to the next half hour (past every feed's slot) and polls what is due. */
  const nextRound = async (extra: Partial<PollFeedsOptions> = {}) => {
    clock.advance(HALF_HOUR);
    return pollDueFeeds({ ...options, ...extra });
  };
  return { clock, store, added, options, follow, poll: () => pollDueFeeds(options), nextRound };
}

describe('polling feeds', () => {
  it('records an RSS feed’s items on the first poll without adding them, then adds a new item once, ignoring a guid moved to https', async () => {
    const { added, follow, poll, nextRound, store } = await setUp();
    bodies.set('/rss', { type: 'application/rss+xml', body: read('feeds/rss.xml') });
    await follow('/rss');
    expect(await poll()).toEqual([{ url: server.url('/rss'), outcome: 'polled', added: 0, seen: 2 }]);
    expect(server.hits.get('/readout')).toBeUndefined();
    expect(await store.listDocuments()).toEqual([]);

    bodies.set('/rss', { type: 'application/rss+xml', body: read('feeds/rss-new-item.xml') });
    expect(await nextRound()).toEqual([{ url: server.url('/rss'), outcome: 'polled', added: 1, seen: 0 }]);
    expect(added.map((a) => a.document.sidecar.title)).toEqual(['Xi Jinping meets Tokayev in Astana']);
    expect(added[0]?.document.addedBy).toBe(`feed:${server.url('/rss')}`);
    expect(server.hits.get('/readout')).toBeUndefined();
    expect(await nextRound()).toEqual([{ url: server.url('/rss'), outcome: 'polled', added: 0, seen: 0 }]);
    expect(added).toHaveLength(1);
  });

  it('adds the newest items of an Atom feed on its first poll with --backfill, and an RDF feed’s new item', async () => {
    const { added, follow, poll } = await setUp();
    bodies.set('/atom', { type: 'application/atom+xml', body: read('feeds/atom.xml') });
    bodies.set('/rdf', { type: 'application/rdf+xml', body: read('feeds/rdf.xml') });
    await follow('/atom', 1);
    await follow('/rdf', 5);
    const results = await poll();
    expect(results).toEqual(
      expect.arrayContaining([
        { url: server.url('/atom'), outcome: 'polled', added: 1, seen: 1 },
        { url: server.url('/rdf'), outcome: 'polled', added: 1, seen: 0 },
      ]),
    );
    // Readability keeps the site name when the page offers no cleaner title.
    expect(added.map((a) => a.document.sidecar.title).sort()).toEqual([
      'Xi Jinping meets Tokayev in Astana',
      'Xi, Ruto hold talks | Embassy News',
    ]);
  });

  it('adds an item that two feeds carry once, and a readout syndicated under another link once (by its text)', async () => {
    const { added, follow, nextRound } = await setUp();
    const empty = read('feeds/rss.xml').replace(/<item>[\s\S]*<\/item>/, '');
    bodies.set('/rss', { type: 'application/rss+xml', body: empty });
    bodies.set('/atom', { type: 'application/atom+xml', body: read('feeds/atom.xml').replace(/<entry>[\s\S]*<\/entry>/, '') });
    await follow('/rss');
    await follow('/atom');
    await nextRound();
    bodies.set('/rss', { type: 'application/rss+xml', body: read('feeds/rss-new-item.xml') });
    bodies.set('/atom', { type: 'application/atom+xml', body: read('feeds/atom.xml') });
    // Both feeds carry the Astana item (one guid); the Ruto readout comes as the original (RSS) and an embassy copy
    // (Atom) under other links: whichever feed is polled first adds it, and the other's is recognised by its text.
    const results = await nextRound();
    expect(results.reduce((sum, r) => sum + r.added, 0)).toBe(2);
    const titles = added.map((a) => a.document.sidecar.title);
    expect(titles.filter((title) => title === 'Xi Jinping meets Tokayev in Astana')).toHaveLength(1);
    expect(titles.filter((title) => /^Xi(,| Jinping holds talks with Kenyan President William) Ruto/.test(String(title)))).toHaveLength(1);
    expect((server.hits.get('/readout') ?? 0) + (server.hits.get('/mirror') ?? 0)).toBe(2);
    expect(server.hits.get('/astana')).toBe(1);
  });

  it('fetches no item page once the process is stopping, and adds the item at the next poll', async () => {
    const { follow, poll, nextRound, added } = await setUp();
    bodies.set('/rss', { type: 'application/rss+xml', body: read('feeds/rss.xml') });
    await follow('/rss');
    await poll();
    bodies.set('/rss', { type: 'application/rss+xml', body: read('feeds/rss-new-item.xml') });
    expect(await nextRound({ shouldStop: () => true })).toEqual([{ url: server.url('/rss'), outcome: 'polled', added: 0, seen: 0 }]);
    expect(server.hits.get('/astana')).toBeUndefined();
    expect(await nextRound()).toEqual([{ url: server.url('/rss'), outcome: 'polled', added: 1, seen: 0 }]);
    expect(added).toHaveLength(1);
  });

  it('asks again with the ETag it was given and takes a 304 as nothing new', async () => {
    const { follow, poll, nextRound } = await setUp();
    bodies.set('/rss', { type: 'application/rss+xml', body: read('feeds/rss.xml'), etag: '"v1"' });
    await follow('/rss');
    await poll();
    expect(await nextRound()).toEqual([{ url: server.url('/rss'), outcome: 'not_modified', added: 0, seen: 0 }]);
    expect(seenHeaders.map((h) => h.ifNoneMatch)).toEqual([undefined, '"v1"']);
  });

  it('disables a feed after five failures in a row with the reason, polls it no more, and takes it back when added again', async () => {
    const { store, follow, poll, nextRound } = await setUp();
    bodies.set('/broken', { type: 'application/xml', body: read('feeds/malformed.xml') });
    await follow('/broken');
    const first = await poll();
    expect(first[0]).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/does not serve an RSS, Atom or RDF feed/) });
    for (let i = 2; i <= 5; i++) expect((await nextRound())[0]?.outcome).toBe('failed');
    expect(await store.getFeed(server.url('/broken'))).toMatchObject({
      status: 'disabled',
      failures: 5,
      disabledReason: expect.stringMatching(/does not serve an RSS, Atom or RDF feed/),
    });
    expect(await nextRound()).toEqual([]);
    bodies.set('/broken', { type: 'application/rss+xml', body: read('feeds/rss.xml') });
    await follow('/broken');
    expect(await poll()).toEqual([{ url: server.url('/broken'), outcome: 'polled', added: 0, seen: 2 }]);
  });

  it('counts an unreachable feed and one that serves HTML as failures, and leaves an item whose page is down for the next poll', async () => {
    const { store, follow, poll, nextRound, added } = await setUp();
    await follow('/missing-feed');
    bodies.set('/rss', { type: 'text/html', body: '<html></html>' });
    await follow('/rss');
    const results = await poll();
    expect(results.map((r) => r.outcome)).toEqual(['failed', 'failed']);
    expect((await store.getFeed(server.url('/rss')))?.lastError).toMatch(/serves text\/html/);

    bodies.set('/rss', { type: 'application/rss+xml', body: read('feeds/rss.xml').replace(/<item>[\s\S]*<\/item>/, '') });
    await nextRound();
    bodies.set('/rss', { type: 'application/rss+xml', body: read('feeds/rss-new-item.xml').replaceAll('/astana', '/astana-down') });
    const down = await nextRound();
    expect(down.find((r) => r.url === server.url('/rss'))).toMatchObject({ outcome: 'polled', added: 2 - 1 });
    bodies.set('/rss', { type: 'application/rss+xml', body: read('feeds/rss-new-item.xml') });
    const back = await nextRound();
    expect(back.find((r) => r.url === server.url('/rss'))).toMatchObject({ added: 1 });
    expect(added.map((a) => a.document.sidecar.title).sort()).toEqual([
      'Xi Jinping holds talks with Kenyan President William Ruto',
      'Xi Jinping meets Tokayev in Astana',
    ]);
  });
});

describe('one process per host', () => {
  const host = () => new URL(server.url('/')).host;

  it('gives back a feed whose host another process is fetching from, without fetching it or counting a failure, and polls it once the host is free', async () => {
    const { store, follow, poll } = await setUp();
    bodies.set('/rss', { type: 'application/rss+xml', body: read('feeds/rss.xml') });
    bodies.set('/atom', { type: 'application/atom+xml', body: read('feeds/atom.xml') });
    await follow('/rss');
    await follow('/atom');
    expect(await store.claimFeedHost(host(), 'replica-b', 60_000)).toBe(true);
    const busy = await poll();
    expect(busy.map((r) => r.outcome)).toEqual(['host_busy', 'host_busy']);
    expect(server.hits.size).toBe(0);
    for (const path of ['/rss', '/atom'])
      expect(await store.getFeed(server.url(path))).toMatchObject({ failures: 0, lastError: null, lastPolledAt: null });
    // The next tick (no time passes, the feeds are still due): the host is still busy, then free.
    expect((await poll()).map((r) => r.outcome)).toEqual(['host_busy', 'host_busy']);
    await store.releaseFeedHost(host(), 'replica-b');
    expect((await poll()).map((r) => r.outcome).sort()).toEqual(['polled', 'polled']);
    // The poller let the host go when it was done.
    expect(await store.claimFeedHost(host(), 'replica-b', 60_000)).toBe(true);
  });

  it('fetches no further item page once another process has taken over the host, and fetches it at the next poll', async () => {
    const { store, clock, follow, poll, nextRound, added } = await setUp();
    const rss = read('feeds/rss-new-item.xml');
    bodies.set('/rss', { type: 'application/rss+xml', body: rss.replace('{{BASE}}/readout', '{{BASE}}/steal') });
    await follow('/rss', 3);
    // While the first (newest) item page is fetched, the poll outlives its leases and another process takes the host.
    onSteal = async () => {
      onSteal = undefined;
      clock.advance(11 * 60_000);
      expect(await store.claimFeedHost(host(), 'replica-b', 60_000)).toBe(true);
    };
    expect(await poll()).toEqual([{ url: server.url('/rss'), outcome: 'lease_lost', added: 1, seen: 0 }]);
    expect(server.hits.get('/steal')).toBe(1);
    expect(server.hits.get('/older')).toBeUndefined();
    expect(server.hits.get('/astana')).toBeUndefined();
    await store.releaseFeedHost(host(), 'replica-b');
    // The two items left stay unseen: the next poll fetches them (the Astana page is the one /steal served: a copy).
    expect(await nextRound()).toEqual([{ url: server.url('/rss'), outcome: 'polled', added: 1, seen: 1 }]);
    expect(server.hits.get('/older')).toBe(1);
    expect(server.hits.get('/astana')).toBe(1);
    expect(added).toHaveLength(2);
  });
});

describe('next polls in database time', () => {
  it('sets a feed’s next poll from the database’s time when the process clock is years away', async () => {
    const processClock = new FakeClock('2031-01-01T00:00:00Z');
    const { store, clock, follow, poll } = await setUp({ processClock });
    bodies.set('/rss', { type: 'application/rss+xml', body: read('feeds/rss.xml') });
    await follow('/rss');
    expect(await poll()).toEqual([{ url: server.url('/rss'), outcome: 'polled', added: 0, seen: 2 }]);
    const feed = await store.getFeed(server.url('/rss'));
    expect(feed?.nextPollAt).toBe(nextPollAt(server.url('/rss'), clock.now()).toISOString());
    expect(feed?.lastPolledAt).toBe(clock.now().toISOString());
  });
});

describe('the poll schedule', () => {
  it.each([
    ['http://a.example/rss', '2026-04-24T06:00:00Z'],
    ['http://b.example/atom.xml', '2026-04-24T06:29:59.999Z'],
  ])('polls %s every 30 minutes at an offset of its own', (url, now) => {
    const next = nextPollAt(url, new Date(now));
    expect(next.getTime()).toBeGreaterThan(Date.parse(now));
    expect(next.getTime() - Date.parse(now)).toBeLessThanOrEqual(HALF_HOUR);
    expect(nextPollAt(url, next).getTime() - next.getTime()).toBe(HALF_HOUR);
  });

  it('spreads feeds over the half hour', () => {
    const now = new Date('2026-04-24T06:00:00Z');
    const minutes = new Set(Array.from({ length: 20 }, (_, i) => nextPollAt(`http://feeds.example/${i}.xml`, now).getUTCMinutes()));
    expect(minutes.size).toBeGreaterThan(5);
  });
});

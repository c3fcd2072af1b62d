import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { nextPollAt } from '../../../src/core/feeds/feed-schedule.js';
import { type FeedPollResult, type PollFeedsOptions, pollDueFeeds } from '../../../src/core/feeds/poll-feeds.js';
import type { Store } from '../../../src/core/store/store-types.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { freshPostgresSchema, openTwoReplicas } from '../../store/fresh-postgres-schema.js';
import { POSTGRES_TEST_URL } from '../../store/postgres-test-database.js';
import { replicaPollOptions } from './replica-poll-options.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const page = (name: string) => readFileSync(join(ROOT, 'test/fixtures/ingest', name), 'utf8');
// Each answer waits this long, so two processes fetching from the host at once would overlap at the server.
const ANSWER_AFTER_MS = 40;

const feedXml = (base: string, name: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Feed ${name}</title><link>${base}/</link><description>Readouts</description>
<item><title>First</title><link>${base}/${name}1</link><guid isPermaLink="false">${name}-1</guid><pubDate>Thu, 24 Apr 2025 13:05:00 GMT</pubDate></item>
<item><title>Second</title><link>${base}/${name}2</link><guid isPermaLink="false">${name}-2</guid><pubDate>Mon, 21 Apr 2025 09:00:00 GMT</pubDate></item>
</channel></rss>`;

/** One host (127.0.0.1:port) serving two feeds and their item pages, recording how many requests it answers at once. */
async function startOneHost() {
  const pages = new Map<string, { type: string; body: string }>([
    ['/a1', { type: 'text/html', body: page('article.html') }],
    ['/a2', { type: 'text/html', body: page('astana.html') }],
    ['/b1', { type: 'text/html', body: page('syndicated.html') }],
    ['/b2', { type: 'text/html', body: page('astana.html') }],
  ]);
  const seen = { inFlight: 0, most: 0, requests: [] as string[] };
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    seen.requests.push(path);
    seen.inFlight++;
    seen.most = Math.max(seen.most, seen.inFlight);
    response.on('close', () => {
      seen.inFlight--;
    });
    setTimeout(() => {
      const found = pages.get(path);
      if (found) response.writeHead(200, { 'content-type': found.type }).end(found.body);
      else response.writeHead(404).end();
    }, ANSWER_AFTER_MS);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const name of ['a', 'b']) pages.set(`/feed-${name}`, { type: 'application/rss+xml', body: feedXml(base, name) });
  return {
    base,
    seen,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Lets `parties` callers through together, once all have arrived. */
function barrier(parties: number) {
  let arrived = 0;
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return () => {
    if (++arrived === parties) open();
    return opened;
  };
}

/**
 * One replica's store for the first tick: its feed claim and its first host claim wait until the other replica's do,
 * and it claims one feed per tick, so each replica holds a feed of the same host and both ask for the host at once.
 */
function racingReplica(store: Store, gates: { claim: () => Promise<void>; host: () => Promise<void> }, claimed: string[]): Store {
  let askedForHost = false;
  return {
    ...store,
    async claimDueFeeds(owner, leaseMs) {
      await gates.claim();
      const feeds = await store.claimDueFeeds(owner, leaseMs, 1);
      claimed.push(...feeds.map((feed) => feed.url));
      return feeds;
    },
    async claimFeedHost(host, owner, leaseMs) {
      if (!askedForHost) {
        askedForHost = true;
        await gates.host();
      }
      return store.claimFeedHost(host, owner, leaseMs);
    },
  };
}

const optionsFor = (store: Store, owner: string, clock = { now: () => new Date() }): PollFeedsOptions =>
  replicaPollOptions(store, owner, { clock });

describe.skipIf(!POSTGRES_TEST_URL)('feeds of one host on Postgres', () => {
  it('never lets two replicas fetch from one host at once, and polls both of its feeds', async () => {
    const host = await startOneHost();
    onTestFinished(() => host.close());
    const [a, b] = await openTwoReplicas();
    const feedA = `${host.base}/feed-a`;
    const feedB = `${host.base}/feed-b`;
    for (const url of [feedA, feedB]) await a.addFeed({ url, addedBy: 'cli:test', backfill: 2, nextPollAt: new Date(0) });

    const gates = { claim: barrier(2), host: barrier(2) };
    const claimedBy = { a: [] as string[], b: [] as string[] };
    const [fromA, fromB] = await Promise.all([
      pollDueFeeds(optionsFor(racingReplica(a, gates, claimedBy.a), 'a')),
      pollDueFeeds(optionsFor(racingReplica(b, gates, claimedBy.b), 'b')),
    ]);
    // The host never answered two requests at once.
    expect(host.seen.most).toBe(1);
    // Both replicas ran: each held one of the host's two feeds when they asked for the host together.
    expect(claimedBy.a).toHaveLength(1);
    expect(claimedBy.b).toHaveLength(1);
    expect([...claimedBy.a, ...claimedBy.b].sort()).toEqual([feedA, feedB]);
    const first: FeedPollResult[] = [...fromA, ...fromB];
    expect(first.map((result) => result.outcome).sort()).toEqual(['host_busy', 'polled']);
    const busy = first.find((result) => result.outcome === 'host_busy')!;
    expect(await a.getFeed(busy.url)).toMatchObject({ failures: 0, lastError: null, lastPolledAt: null, baselinePending: true });
    expect(host.seen.requests.filter((path) => path.startsWith('/feed-'))).toHaveLength(1);

    // The next tick: the feed given back is due still, and the host is free.
    const next = [...(await Promise.all([pollDueFeeds(optionsFor(a, 'a')), pollDueFeeds(optionsFor(b, 'b'))])).flat()];
    expect(next).toEqual([{ url: busy.url, outcome: 'polled', added: expect.any(Number), seen: expect.any(Number) }]);

    expect(host.seen.most).toBe(1);
    expect(host.seen.requests.sort()).toEqual(['/a1', '/a2', '/b1', '/b2', '/feed-a', '/feed-b']);
    for (const url of [feedA, feedB])
      expect(await b.getFeed(url)).toMatchObject({ baselinePending: false, failures: 0, lastPolledAt: expect.any(String) });
  }, 20_000);

  it('sets the next poll from the database’s time when the process clock is years away', async () => {
    const host = await startOneHost();
    onTestFinished(() => host.close());
    const store = await freshPostgresSchema().open();
    const url = `${host.base}/feed-a`;
    await store.addFeed({ url, addedBy: 'cli:test', backfill: 0, nextPollAt: new Date(0) });
    const processClock = new FakeClock('2001-02-03T04:05:06Z');
    const before = await store.now();
    expect(await pollDueFeeds(optionsFor(store, 'a', processClock))).toEqual([{ url, outcome: 'polled', added: 0, seen: 2 }]);
    const after = await store.now();
    const next = Date.parse((await store.getFeed(url))!.nextPollAt);
    expect(next).toBeGreaterThanOrEqual(nextPollAt(url, before).getTime());
    expect(next).toBeLessThanOrEqual(nextPollAt(url, after).getTime());
  });
});

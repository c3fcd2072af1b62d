import type { Clock } from '../clock.js';
import type { Gazetteer } from '../document.js';
import { fetchUrl } from '../ingest/fetch-url.js';
import { type IngestOutcome, ingestDocument } from '../ingest/ingest-document.js';
import type { Logger } from '../logger.js';
import type { CorpusStore, Feed, StoredDocument } from '../store/corpus-store-types.js';
import type { Store } from '../store/store-types.js';
import { feedMessages as messages } from './feed-messages.js';
import { FEED_INTERVAL_MS, nextPollAt } from './feed-schedule.js';
import { itemIdentity } from './item-identity.js';
import { type FeedItemFields, parseFeedText } from './parse-feed.js';

export interface PollFeedsOptions {
  /** The feeds and their leases, and the database's time (next polls are written in it). */
  store: CorpusStore & Pick<Store, 'now'>;
  /** This process's name in leases. */
  owner: string;
  /** The process's clock: only how much time passed since the database's time was read is taken from it. */
  clock: Clock;
  allowPrivate: boolean;
  /** The people table the corpus uses now, so a document is parsed like a seed. */
  gazetteer: () => Gazetteer;
  logger: Logger;
  /** Told of each document a feed added (after it is stored with its announcement), so the announcement sweep runs at once. */
  onAdded?: (document: StoredDocument, feed: Feed) => Promise<void> | void;
  intervalMs?: number;
  /** Failures in a row that disable a feed (default 5). */
  disableAfter?: number;
  timeoutMs?: number;
  /** At most this many new items are fetched per poll; the rest wait for the next one. */
  maxItemsPerPoll?: number;
  /** True once the process is shutting down: no further item is fetched (those left stay unseen for the next poll). */
  shouldStop?: () => boolean;
}

/** What one poll of one feed did (`host_busy`: another process is fetching from its host; given back, polled at a later tick). */
export interface FeedPollResult {
  url: string;
  outcome: 'not_modified' | 'polled' | 'failed' | 'lease_lost' | 'host_busy';
  added: number;
  /** Items recorded as seen without adding anything (the baseline, copies, pages that are not articles). */
  seen: number;
  error?: string;
}

const FEED_TYPES = [
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
  'application/x-rss+xml',
];
const FEED_MAX_BYTES = 5 * 1024 * 1024;
// Covers a poll that fetches its item pages one after another, each with its own deadline.
const LEASE_MS = 10 * 60_000;
const CLAIM_LIMIT = 50;
// Outcomes worth trying again at the next poll: the page may come back. Anything else is recorded as seen.
const TRANSIENT = new Set<string>(['unreachable', 'http_error', 'redirects']);

/**
 * Polls every feed that is due and not leased by another process: one request at a time per host across replicas
 * (a host lease in the store, held while the feeds of that host and their item pages are fetched), a conditional GET
 * (ETag, Last-Modified), new items fetched and added like `/readout add`, the first poll a baseline (unless backfill).
 * A feed failing `disableAfter` times in a row is disabled with the reason. Next polls are computed in database time.
 */
export async function pollDueFeeds(options: PollFeedsOptions): Promise<FeedPollResult[]> {
  // One clock per call: the database's time, read once, moved on by the process's clock (as a digest run does), so
  // the next poll times agree with the due times and leases the database compares, however far this host's clock is off.
  const processStart = options.clock.now().getTime();
  const offsetMs = (await options.store.now()).getTime() - processStart;
  const clock: Clock = offsetMs === 0 ? options.clock : { now: () => new Date(options.clock.now().getTime() + offsetMs) };
  const feeds = await options.store.claimDueFeeds(options.owner, LEASE_MS, CLAIM_LIMIT);
  const byHost = new Map<string, Feed[]>();
  for (const feed of feeds) {
    const host = new URL(feed.url).host;
    byHost.set(host, [...(byHost.get(host) ?? []), feed]);
  }
  const results = await Promise.all([...byHost].map(([host, queue]) => pollHost(host, queue, { ...options, clock })));
  return results.flat();
}

/**
 * Polls the claimed feeds of one host in turn while holding the host's lease, renewed before each feed and each item
 * page; feeds left when another process holds the host are given back (still due, no failure counted).
 */
async function pollHost(host: string, queue: readonly Feed[], options: PollFeedsOptions): Promise<FeedPollResult[]> {
  const { store, owner } = options;
  const holdHost = () => store.claimFeedHost(host, owner, LEASE_MS);
  const done: FeedPollResult[] = [];
  try {
    for (const [index, feed] of queue.entries()) {
      if (await holdHost()) {
        done.push(await pollOne(feed, options, holdHost));
        continue;
      }
      options.logger.info({ host, feeds: queue.length - index }, 'feed host busy in another process; polled at a later tick');
      for (const rest of queue.slice(index)) {
        await store.releaseFeed(rest.url, owner);
        done.push({ url: rest.url, outcome: 'host_busy', added: 0, seen: 0 });
      }
      break;
    }
  } finally {
    await store.releaseFeedHost(host, owner);
  }
  return done;
}

async function pollOne(feed: Feed, options: PollFeedsOptions, holdHost: () => Promise<boolean>): Promise<FeedPollResult> {
  const { store, owner } = options;
  const next = nextPollAt(feed.url, options.clock.now(), options.intervalMs ?? FEED_INTERVAL_MS);
  const fail = async (error: string): Promise<FeedPollResult> => {
    const held = await store.finishFeedPoll(feed.url, owner, {
      ok: false,
      error,
      nextPollAt: next,
      disableAfter: options.disableAfter ?? 5,
    });
    options.logger.warn({ feed: feed.url, error, failures: feed.failures + 1 }, 'feed poll failed');
    return { url: feed.url, outcome: held ? 'failed' : 'lease_lost', added: 0, seen: 0, error };
  };
  const fetched = await fetchUrl(feed.url, {
    timeoutMs: options.timeoutMs ?? 15_000,
    maxBytes: FEED_MAX_BYTES,
    allowPrivate: options.allowPrivate,
    accept: FEED_TYPES,
    etag: feed.etag,
    lastModified: feed.lastModified,
  });
  if (!fetched.ok) return fail(fetched.reason);
  if (fetched.status === 304) {
    const held = await store.finishFeedPoll(feed.url, owner, {
      ok: true,
      etag: feed.etag,
      lastModified: feed.lastModified,
      nextPollAt: next,
    });
    return { url: feed.url, outcome: held ? 'not_modified' : 'lease_lost', added: 0, seen: 0 };
  }
  const parsed = parseFeedText(fetched.text);
  if (!parsed.ok) return fail(messages.notAFeed(parsed.reason));

  const items = new Map<string, FeedItemFields>();
  for (const item of newestFirst(parsed.items)) {
    const identity = itemIdentity(item);
    if (identity && !items.has(identity)) items.set(identity, item);
  }
  const unseen = await store.unseenFeedItems([...items.keys()]);
  // The first poll records what the feed already holds; only `backfill` of the newest are added.
  const limit = Math.min(feed.baselinePending ? feed.backfill : unseen.length, options.maxItemsPerPoll ?? 20);
  const toFetch = unseen.slice(0, limit);
  const skipped = feed.baselinePending ? unseen.slice(limit) : [];
  await store.markFeedItemsSeen(feed.url, skipped);
  let added = 0;
  let seen = skipped.length;
  for (const identity of toFetch) {
    if (options.shouldStop?.()) break;
    // A poll outliving the host lease stops talking to the host once another process has it; the rest wait unseen.
    if (!(await holdHost())) {
      options.logger.warn({ feed: feed.url }, 'feed host lease lost; the remaining items wait for the next poll');
      break;
    }
    const item = items.get(identity)!;
    const outcome: IngestOutcome | undefined = item.link
      ? await ingestDocument(
          { kind: 'url', url: item.link },
          { store, gazetteer: options.gazetteer(), allowPrivate: options.allowPrivate, addedBy: `feed:${feed.url}` },
        )
      : undefined;
    if (outcome?.kind === 'refused' && TRANSIENT.has(outcome.code)) {
      options.logger.warn({ feed: feed.url, item: item.link, reason: outcome.message }, 'feed item not fetched; tried again next poll');
      continue;
    }
    // The document and its announcement are stored; a crash from here may re-fetch a copy (caught by its hash), never lose the announcement.
    await store.markFeedItemsSeen(feed.url, [identity]);
    if (outcome?.kind === 'added') {
      added++;
      options.logger.info({ feed: feed.url, id: outcome.document.id }, outcome.message);
      await options.onAdded?.(outcome.document, feed);
    } else {
      seen++;
    }
  }
  const held = await store.finishFeedPoll(feed.url, owner, {
    ok: true,
    etag: fetched.etag,
    lastModified: fetched.lastModified,
    nextPollAt: next,
  });
  return { url: feed.url, outcome: held ? 'polled' : 'lease_lost', added, seen };
}

/** Items with a date newest first (feeds are usually, not always, in that order); undated ones keep their place after. */
function newestFirst(items: readonly FeedItemFields[]): FeedItemFields[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (b.item.published ?? '').localeCompare(a.item.published ?? '') || a.index - b.index)
    .map(({ item }) => item);
}

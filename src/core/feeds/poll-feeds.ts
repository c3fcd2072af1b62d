import type { Clock } from '../clock.js';
import type { Gazetteer } from '../document.js';
import { fetchUrl } from '../ingest/fetch-url.js';
import { type IngestOutcome, ingestDocument } from '../ingest/ingest-document.js';
import type { Logger } from '../logger.js';
import type { CorpusStore, Feed, StoredDocument } from '../store/corpus-store-types.js';
import { feedMessages as messages } from './feed-messages.js';
import { FEED_INTERVAL_MS, nextPollAt } from './feed-schedule.js';
import { itemIdentity } from './item-identity.js';
import { type FeedItemFields, parseFeedText } from './parse-feed.js';

export interface PollFeedsOptions {
  store: CorpusStore;
  /** This process's name in leases. */
  owner: string;
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

/** What one poll of one feed did. */
export interface FeedPollResult {
  url: string;
  outcome: 'not_modified' | 'polled' | 'failed' | 'lease_lost';
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
 * Polls every feed that is due and not leased by another process: one request at a time per host, a conditional GET
 * (ETag, Last-Modified), new items fetched and added like `/readout add`, the first poll a baseline (unless backfill).
 * A feed failing `disableAfter` times in a row is disabled with the reason.
 */
export async function pollDueFeeds(options: PollFeedsOptions): Promise<FeedPollResult[]> {
  const feeds = await options.store.claimDueFeeds(options.owner, LEASE_MS, CLAIM_LIMIT);
  const byHost = new Map<string, Feed[]>();
  for (const feed of feeds) {
    const host = new URL(feed.url).host;
    byHost.set(host, [...(byHost.get(host) ?? []), feed]);
  }
  const results = await Promise.all(
    [...byHost.values()].map(async (queue) => {
      const done: FeedPollResult[] = [];
      for (const feed of queue) done.push(await pollOne(feed, options));
      return done;
    }),
  );
  return results.flat();
}

async function pollOne(feed: Feed, options: PollFeedsOptions): Promise<FeedPollResult> {
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

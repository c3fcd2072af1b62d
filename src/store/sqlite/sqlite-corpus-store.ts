import type Database from 'better-sqlite3';
import type { Clock } from '../../core/clock.js';
import type { CorpusStore, Feed, StoredDocument } from '../../core/store/corpus-store-types.js';

export interface DocumentRow {
  id: string;
  text: string;
  sidecar: string;
  source_url: string | null;
  canonical_url: string | null;
  content_hash: string;
  added_by: string;
  added_at: string;
}

interface FeedRow {
  url: string;
  added_by: string;
  added_at: string;
  status: Feed['status'];
  disabled_reason: string | null;
  failures: number;
  last_error: string | null;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  next_poll_at: string;
  baseline_pending: number;
  backfill: number;
}

// Another process writing the same file (`readout ingest` beside the bot) is noticed within this long.
const WATCH_INTERVAL_MS = 2_000;

export const toDocument = (row: DocumentRow): StoredDocument => ({
  id: row.id,
  text: row.text,
  sidecar: JSON.parse(row.sidecar),
  sourceUrl: row.source_url,
  canonicalUrl: row.canonical_url,
  contentHash: row.content_hash,
  addedBy: row.added_by,
  addedAt: row.added_at,
});

const toFeed = (row: FeedRow): Feed => ({
  url: row.url,
  addedBy: row.added_by,
  addedAt: row.added_at,
  status: row.status,
  disabledReason: row.disabled_reason,
  failures: row.failures,
  lastError: row.last_error,
  etag: row.etag,
  lastModified: row.last_modified,
  lastPolledAt: row.last_polled_at,
  nextPollAt: row.next_poll_at,
  baselinePending: row.baseline_pending === 1,
  backfill: row.backfill,
});

/** Documents and feeds in the SQLite file; database time is the injected clock, as for the ledger. */
export function createSqliteCorpusStore(db: Database.Database, clock: Clock): CorpusStore {
  const nowIso = () => clock.now().toISOString();
  const later = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();
  const listeners = new Set<() => void>();
  const sql = {
    insertDocument:
      db.prepare(`INSERT OR IGNORE INTO documents (id, text, sidecar, source_url, canonical_url, content_hash, added_by, added_at)
      VALUES (@id, @text, @sidecar, @sourceUrl, @canonicalUrl, @contentHash, @addedBy, @now) RETURNING *`),
    insertAnnouncement: db.prepare('INSERT INTO announcements (document_id, due_at, next_attempt_at) VALUES (@id, @now, @now)'),
    byCanonical: db.prepare('SELECT * FROM documents WHERE canonical_url = ?'),
    byHash: db.prepare('SELECT * FROM documents WHERE content_hash = ?'),
    byId: db.prepare('SELECT * FROM documents WHERE id = ?'),
    listDocuments: db.prepare('SELECT * FROM documents ORDER BY seq'),
    version: db.prepare('SELECT COUNT(*) AS n, COALESCE(MAX(seq), 0) AS last FROM documents'),
    upsertFeed:
      db.prepare(`INSERT INTO feeds (url, added_by, added_at, next_poll_at, backfill) VALUES (@url, @addedBy, @now, @nextPollAt, @backfill)
      ON CONFLICT (url) DO UPDATE SET status = 'active', disabled_reason = NULL, failures = 0, backfill = excluded.backfill,
        next_poll_at = MIN(feeds.next_poll_at, excluded.next_poll_at)
      RETURNING *`),
    getFeed: db.prepare('SELECT * FROM feeds WHERE url = ?'),
    listFeeds: db.prepare('SELECT * FROM feeds ORDER BY url'),
    removeFeed: db.prepare('DELETE FROM feeds WHERE url = ?'),
    dueFeeds: db.prepare(`SELECT url FROM feeds WHERE status = 'active' AND next_poll_at <= @now
      AND (lease_until IS NULL OR lease_until <= @now) ORDER BY next_poll_at, url LIMIT @limit`),
    leaseFeed: db.prepare('UPDATE feeds SET lease_owner = @owner, lease_until = @until WHERE url = @url RETURNING *'),
    finishOk: db.prepare(`UPDATE feeds SET etag = @etag, last_modified = @lastModified, last_polled_at = @now, next_poll_at = @nextPollAt,
      failures = 0, last_error = NULL, baseline_pending = 0, backfill = 0, lease_owner = NULL, lease_until = NULL
      WHERE url = @url AND lease_owner = @owner AND lease_until > @now`),
    finishFailed:
      db.prepare(`UPDATE feeds SET last_polled_at = @now, next_poll_at = @nextPollAt, failures = failures + 1, last_error = @error,
      status = CASE WHEN failures + 1 >= @disableAfter THEN 'disabled' ELSE status END,
      disabled_reason = CASE WHEN failures + 1 >= @disableAfter THEN @error ELSE disabled_reason END,
      lease_owner = NULL, lease_until = NULL
      WHERE url = @url AND lease_owner = @owner AND lease_until > @now`),
    releaseFeed: db.prepare('UPDATE feeds SET lease_owner = NULL, lease_until = NULL WHERE url = @url AND lease_owner = @owner'),
    claimHost: db.prepare(`INSERT INTO feed_host_leases (host, owner, lease_until) VALUES (@host, @owner, @until)
      ON CONFLICT (host) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until
      WHERE feed_host_leases.lease_until <= @now OR feed_host_leases.owner = excluded.owner`),
    releaseHost: db.prepare('DELETE FROM feed_host_leases WHERE host = @host AND owner = @owner'),
    seen: db.prepare('SELECT 1 FROM feed_items WHERE identity = ?'),
    markSeen: db.prepare('INSERT OR IGNORE INTO feed_items (identity, feed_url, seen_at) VALUES (?, ?, ?)'),
  };
  const findDocument = (match: { canonicalUrl?: string | null; contentHash?: string }) => {
    const byUrl = match.canonicalUrl ? (sql.byCanonical.get(match.canonicalUrl) as DocumentRow | undefined) : undefined;
    if (byUrl) return { row: byUrl, match: 'canonical_url' as const };
    const byHash = match.contentHash ? (sql.byHash.get(match.contentHash) as DocumentRow | undefined) : undefined;
    return byHash ? { row: byHash, match: 'content_hash' as const } : undefined;
  };
  const addTransaction = db.transaction(({ announce, ...document }: Parameters<CorpusStore['addDocument']>[0]) => {
    const existing = findDocument(document);
    if (existing) return { added: false as const, existing: toDocument(existing.row), match: existing.match };
    const now = nowIso();
    const row = sql.insertDocument.get({ ...document, sidecar: JSON.stringify(document.sidecar), now }) as DocumentRow | undefined;
    // Ids come from the text hash, so a clash here means two texts share 48 bits of hash: refuse rather than overwrite.
    if (!row) throw new Error(`a stored document already has the id ${document.id}`);
    // The followers' announcement commits with the document: no crash in between can lose it.
    if (announce !== false) sql.insertAnnouncement.run({ id: row.id, now });
    return { added: true as const, document: toDocument(row) };
  });
  const claimTransaction = db.transaction((owner: string, leaseMs: number, limit: number) => {
    const now = nowIso();
    const due = sql.dueFeeds.all({ now, limit }) as { url: string }[];
    return due.map(({ url }) => toFeed(sql.leaseFeed.get({ url, owner, until: later(leaseMs) }) as FeedRow));
  });
  const addFeedTransaction = db.transaction((feed: Parameters<CorpusStore['addFeed']>[0]) => {
    const before = sql.getFeed.get(feed.url);
    const row = sql.upsertFeed.get({ ...feed, nextPollAt: feed.nextPollAt.toISOString(), now: nowIso() }) as FeedRow;
    return { feed: toFeed(row), created: before === undefined };
  });
  const markTransaction = db.transaction((feedUrl: string, identities: readonly string[]) => {
    const now = nowIso();
    return identities.filter((identity) => sql.markSeen.run(identity, feedUrl, now).changes > 0);
  });
  const versionOf = () => {
    const { n, last } = sql.version.get() as { n: number; last: number };
    return `${n}:${last}`;
  };

  return {
    async addDocument(document) {
      const result = addTransaction.immediate(document);
      if (result.added) for (const listener of listeners) listener();
      return result;
    },
    async findDocument(match) {
      const found = findDocument(match);
      return found ? toDocument(found.row) : undefined;
    },
    async listDocuments() {
      return (sql.listDocuments.all() as DocumentRow[]).map(toDocument);
    },
    async watchDocuments(onChange, onError) {
      let seen = versionOf();
      const check = () => {
        try {
          if (!db.open) return;
          const now = versionOf();
          if (now !== seen) {
            seen = now;
            onChange();
          }
        } catch (error) {
          onError?.(error as Error);
        }
      };
      listeners.add(check);
      const timer = setInterval(check, WATCH_INTERVAL_MS);
      timer.unref();
      return {
        async stop() {
          clearInterval(timer);
          listeners.delete(check);
        },
      };
    },
    async addFeed(feed) {
      return addFeedTransaction.immediate(feed);
    },
    async listFeeds() {
      return (sql.listFeeds.all() as FeedRow[]).map(toFeed);
    },
    async getFeed(url) {
      const row = sql.getFeed.get(url) as FeedRow | undefined;
      return row ? toFeed(row) : undefined;
    },
    async removeFeed(url) {
      return sql.removeFeed.run(url).changes > 0;
    },
    async claimDueFeeds(owner, leaseMs, limit) {
      return claimTransaction.immediate(owner, leaseMs, limit);
    },
    async finishFeedPoll(url, owner, update) {
      const base = { url, owner, now: nowIso(), nextPollAt: update.nextPollAt.toISOString() };
      const result = update.ok
        ? sql.finishOk.run({ ...base, etag: update.etag, lastModified: update.lastModified })
        : sql.finishFailed.run({ ...base, error: update.error, disableAfter: update.disableAfter });
      return result.changes > 0;
    },
    async releaseFeed(url, owner) {
      return sql.releaseFeed.run({ url, owner }).changes > 0;
    },
    async claimFeedHost(host, owner, leaseMs) {
      return sql.claimHost.run({ host, owner, now: nowIso(), until: later(leaseMs) }).changes > 0;
    },
    async releaseFeedHost(host, owner) {
      sql.releaseHost.run({ host, owner });
    },
    async unseenFeedItems(identities) {
      return identities.filter((identity) => sql.seen.get(identity) === undefined);
    },
    async markFeedItemsSeen(feedUrl, identities) {
      return markTransaction.immediate(feedUrl, identities);
    },
  };
}

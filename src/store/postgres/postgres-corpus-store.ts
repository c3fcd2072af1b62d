import type pg from 'pg';
import type { CorpusStore, Feed, StoredDocument } from '../../core/store/corpus-store-types.js';

export interface PgDocumentRow {
  id: string;
  text: string;
  sidecar: StoredDocument['sidecar'];
  source_url: string | null;
  canonical_url: string | null;
  content_hash: string;
  added_by: string;
  added_at: Date;
}

interface PgFeedRow {
  url: string;
  added_by: string;
  added_at: Date;
  status: Feed['status'];
  disabled_reason: string | null;
  failures: number;
  last_error: string | null;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: Date | null;
  next_poll_at: Date;
  baseline_pending: boolean;
  backfill: number;
}

// A lost LISTEN connection is opened again after this long; the caller is then told to re-read, for what it missed.
const RELISTEN_MS = 1_000;

export const toDocument = (row: PgDocumentRow): StoredDocument => ({
  id: row.id,
  text: row.text,
  sidecar: row.sidecar,
  sourceUrl: row.source_url,
  canonicalUrl: row.canonical_url,
  contentHash: row.content_hash,
  addedBy: row.added_by,
  addedAt: row.added_at.toISOString(),
});

const toFeed = (row: PgFeedRow): Feed => ({
  url: row.url,
  addedBy: row.added_by,
  addedAt: row.added_at.toISOString(),
  status: row.status,
  disabledReason: row.disabled_reason,
  failures: row.failures,
  lastError: row.last_error,
  etag: row.etag,
  lastModified: row.last_modified,
  lastPolledAt: row.last_polled_at?.toISOString() ?? null,
  nextPollAt: row.next_poll_at.toISOString(),
  baselinePending: row.baseline_pending,
  backfill: row.backfill,
});

/** The notification channel of one schema: replicas on other schemas of the same database are not woken. */
const CHANNEL = `'readout_documents:' || current_schema()`;

/**
 * Documents and feeds on Postgres. An added document is announced with NOTIFY in its own transaction,
 * so a listener hears of it only once it is committed; leases use the server's `now()`.
 */
export function createPostgresCorpusStore(pool: pg.Pool): CorpusStore {
  const findDocument = async (client: pg.ClientBase | pg.Pool, match: { canonicalUrl?: string | null; contentHash?: string }) => {
    if (match.canonicalUrl) {
      const { rows } = await client.query<PgDocumentRow>('SELECT * FROM documents WHERE canonical_url = $1', [match.canonicalUrl]);
      if (rows[0]) return { document: toDocument(rows[0]), match: 'canonical_url' as const };
    }
    if (match.contentHash) {
      const { rows } = await client.query<PgDocumentRow>('SELECT * FROM documents WHERE content_hash = $1', [match.contentHash]);
      if (rows[0]) return { document: toDocument(rows[0]), match: 'content_hash' as const };
    }
    return undefined;
  };

  return {
    async addDocument(document) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<PgDocumentRow>(
          `INSERT INTO documents (id, text, sidecar, source_url, canonical_url, content_hash, added_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING *`,
          [
            document.id,
            document.text,
            JSON.stringify(document.sidecar),
            document.sourceUrl,
            document.canonicalUrl,
            document.contentHash,
            document.addedBy,
          ],
        );
        // The followers' announcement commits with the document: no crash in between can lose it.
        if (rows[0] && document.announce !== false) {
          await client.query('INSERT INTO announcements (document_id, due_at, next_attempt_at) VALUES ($1, $2, $2)', [
            rows[0].id,
            rows[0].added_at,
          ]);
        }
        if (rows[0]) await client.query(`SELECT pg_notify(${CHANNEL}, $1)`, [document.id]);
        await client.query('COMMIT');
        if (rows[0]) return { added: true, document: toDocument(rows[0]) };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
      // The insert met a unique key: the other row is committed (Postgres waited for it), so it can be read.
      const existing = await findDocument(pool, document);
      if (!existing) throw new Error(`a stored document already has the id ${document.id}`);
      return { added: false, existing: existing.document, match: existing.match };
    },
    async findDocument(match) {
      return (await findDocument(pool, match))?.document;
    },
    async listDocuments() {
      const { rows } = await pool.query<PgDocumentRow>('SELECT * FROM documents ORDER BY seq');
      return rows.map(toDocument);
    },
    async watchDocuments(onChange, onError) {
      let stopped = false;
      let client: pg.PoolClient | undefined;
      let timer: NodeJS.Timeout | undefined;
      const listen = async (): Promise<void> => {
        let next: pg.PoolClient | undefined;
        try {
          next = await pool.connect();
          const { rows } = await next.query<{ channel: string }>(`SELECT ${CHANNEL} AS channel`);
          next.on('notification', () => onChange());
          next.on('error', (error) => lost(error));
          await next.query(`LISTEN "${rows[0]!.channel.replaceAll('"', '""')}"`);
          if (stopped) return next.release(true);
          client = next;
        } catch (error) {
          next?.release(true);
          lost(error as Error);
          return;
        }
      };
      const lost = (error: Error) => {
        if (stopped) return;
        onError?.(error);
        client?.release(true);
        client = undefined;
        timer = setTimeout(() => {
          void listen().then(() => {
            // Anything added while the connection was down was not announced to this process.
            if (client) onChange();
          });
        }, RELISTEN_MS);
        timer.unref();
      };
      await listen();
      return {
        async stop() {
          stopped = true;
          if (timer) clearTimeout(timer);
          client?.release(true);
          client = undefined;
        },
      };
    },
    async addFeed(feed) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const before = await client.query('SELECT 1 FROM feeds WHERE url = $1 FOR UPDATE', [feed.url]);
        const { rows } = await client.query<PgFeedRow>(
          `INSERT INTO feeds (url, added_by, next_poll_at, backfill) VALUES ($1, $2, $3, $4)
           ON CONFLICT (url) DO UPDATE SET status = 'active', disabled_reason = NULL, failures = 0, backfill = excluded.backfill,
             next_poll_at = LEAST(feeds.next_poll_at, excluded.next_poll_at)
           RETURNING *`,
          [feed.url, feed.addedBy, feed.nextPollAt, feed.backfill],
        );
        await client.query('COMMIT');
        return { feed: toFeed(rows[0]!), created: before.rowCount === 0 };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async listFeeds() {
      const { rows } = await pool.query<PgFeedRow>('SELECT * FROM feeds ORDER BY url');
      return rows.map(toFeed);
    },
    async getFeed(url) {
      const { rows } = await pool.query<PgFeedRow>('SELECT * FROM feeds WHERE url = $1', [url]);
      return rows[0] ? toFeed(rows[0]) : undefined;
    },
    async removeFeed(url) {
      return ((await pool.query('DELETE FROM feeds WHERE url = $1', [url])).rowCount ?? 0) > 0;
    },
    async claimDueFeeds(owner, leaseMs, limit) {
      const { rows } = await pool.query<PgFeedRow>(
        `UPDATE feeds SET lease_owner = $1, lease_until = now() + $2 * interval '1 millisecond'
         WHERE url IN (SELECT url FROM feeds WHERE status = 'active' AND next_poll_at <= now()
           AND (lease_until IS NULL OR lease_until <= now()) ORDER BY next_poll_at, url LIMIT $3 FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [owner, leaseMs, limit],
      );
      return rows.map(toFeed);
    },
    async finishFeedPoll(url, owner, update) {
      const result = update.ok
        ? await pool.query(
            `UPDATE feeds SET etag = $3, last_modified = $4, last_polled_at = now(), next_poll_at = $5, failures = 0, last_error = NULL,
               baseline_pending = false, backfill = 0, lease_owner = NULL, lease_until = NULL
             WHERE url = $1 AND lease_owner = $2 AND lease_until > now()`,
            [url, owner, update.etag, update.lastModified, update.nextPollAt],
          )
        : await pool.query(
            `UPDATE feeds SET last_polled_at = now(), next_poll_at = $3, failures = failures + 1, last_error = $4,
               status = CASE WHEN failures + 1 >= $5 THEN 'disabled' ELSE status END,
               disabled_reason = CASE WHEN failures + 1 >= $5 THEN $4 ELSE disabled_reason END,
               lease_owner = NULL, lease_until = NULL
             WHERE url = $1 AND lease_owner = $2 AND lease_until > now()`,
            [url, owner, update.nextPollAt, update.error, update.disableAfter],
          );
      return (result.rowCount ?? 0) > 0;
    },
    async releaseFeed(url, owner) {
      const result = await pool.query('UPDATE feeds SET lease_owner = NULL, lease_until = NULL WHERE url = $1 AND lease_owner = $2', [
        url,
        owner,
      ]);
      return (result.rowCount ?? 0) > 0;
    },
    async claimFeedHost(host, owner, leaseMs) {
      // Two claimers of a free host: one inserts, the other waits on the key and then sees a live lease of another owner.
      const result = await pool.query(
        `INSERT INTO feed_host_leases (host, owner, lease_until) VALUES ($1, $2, now() + $3 * interval '1 millisecond')
         ON CONFLICT (host) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until
         WHERE feed_host_leases.lease_until <= now() OR feed_host_leases.owner = excluded.owner`,
        [host, owner, leaseMs],
      );
      return (result.rowCount ?? 0) > 0;
    },
    async releaseFeedHost(host, owner) {
      await pool.query('DELETE FROM feed_host_leases WHERE host = $1 AND owner = $2', [host, owner]);
    },
    async unseenFeedItems(identities) {
      if (identities.length === 0) return [];
      const { rows } = await pool.query<{ identity: string }>('SELECT identity FROM feed_items WHERE identity = ANY($1::text[])', [
        identities,
      ]);
      const seen = new Set(rows.map((row) => row.identity));
      return identities.filter((identity) => !seen.has(identity));
    },
    async markFeedItemsSeen(feedUrl, identities) {
      if (identities.length === 0) return [];
      const { rows } = await pool.query<{ identity: string }>(
        `INSERT INTO feed_items (identity, feed_url) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING RETURNING identity`,
        [identities, feedUrl],
      );
      const fresh = new Set(rows.map((row) => row.identity));
      return identities.filter((identity) => fresh.has(identity));
    },
  };
}

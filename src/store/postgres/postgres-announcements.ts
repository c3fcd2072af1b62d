import type pg from 'pg';
import type { AnnouncementRecord, AnnouncementStorePort } from '../../core/store/announcement-types.js';
import { type PgDocumentRow, toDocument } from './postgres-corpus-store.js';

interface PgAnnouncementRow {
  document_id: string;
  due_at: Date;
  next_attempt_at: Date;
  attempts: number;
  done_at: Date | null;
  outcome: string | null;
}

const toRecord = (row: PgAnnouncementRow): AnnouncementRecord => ({
  documentId: row.document_id,
  dueAt: row.due_at.toISOString(),
  nextAttemptAt: row.next_attempt_at.toISOString(),
  attempts: row.attempts,
  doneAt: row.done_at?.toISOString() ?? null,
  outcome: row.outcome,
});

/** The announcement outbox of the Postgres store (table `announcements`, migration 010); leases use the server's `now()`. */
export function createPostgresAnnouncements(pool: pg.Pool): AnnouncementStorePort {
  return {
    async claimAnnouncements(owner, leaseMs, limit) {
      const { rows } = await pool.query<PgAnnouncementRow & { document: PgDocumentRow | null }>(
        `WITH claimed AS (
           UPDATE announcements SET lease_owner = $1, lease_until = now() + $2 * interval '1 millisecond', attempts = attempts + 1
           WHERE document_id IN (SELECT document_id FROM announcements WHERE done_at IS NULL AND next_attempt_at <= now()
             AND (lease_until IS NULL OR lease_until <= now()) ORDER BY next_attempt_at, document_id LIMIT $3 FOR UPDATE SKIP LOCKED)
           RETURNING *)
         SELECT claimed.*, to_jsonb(documents) AS document FROM claimed LEFT JOIN documents ON documents.id = claimed.document_id
         ORDER BY claimed.next_attempt_at, claimed.document_id`,
        [owner, leaseMs, limit],
      );
      // to_jsonb gives the document's times as text: read back as the driver would have.
      return rows.flatMap((row) =>
        row.document
          ? [
              {
                document: toDocument({ ...row.document, added_at: new Date(row.document.added_at) }),
                dueAt: row.due_at.toISOString(),
                attempts: row.attempts - 1,
              },
            ]
          : [],
      );
    },
    async finishAnnouncement(documentId, owner, update) {
      const result = update.done
        ? await pool.query(
            `UPDATE announcements SET done_at = now(), outcome = $3, lease_owner = NULL, lease_until = NULL
             WHERE document_id = $1 AND lease_owner = $2 AND lease_until > now()`,
            [documentId, owner, update.outcome],
          )
        : await pool.query(
            `UPDATE announcements SET next_attempt_at = $4, outcome = $3, lease_owner = NULL, lease_until = NULL
             WHERE document_id = $1 AND lease_owner = $2 AND lease_until > now()`,
            [documentId, owner, update.outcome, update.retryAt],
          );
      return (result.rowCount ?? 0) > 0;
    },
    async getAnnouncement(documentId) {
      const { rows } = await pool.query<PgAnnouncementRow>('SELECT * FROM announcements WHERE document_id = $1', [documentId]);
      return rows[0] ? toRecord(rows[0]) : undefined;
    },
    async announcementBacklog() {
      const { rows } = await pool.query<{ open: number; oldest: Date | null }>(
        'SELECT COUNT(*)::int AS open, MIN(due_at) AS oldest FROM announcements WHERE done_at IS NULL',
      );
      return { open: rows[0]?.open ?? 0, oldestDueAt: rows[0]?.oldest?.toISOString() ?? null };
    },
  };
}

import type Database from 'better-sqlite3';
import type { Clock } from '../../core/clock.js';
import type { AnnouncementRecord, AnnouncementStorePort } from '../../core/store/announcement-types.js';
import { type DocumentRow, toDocument } from './sqlite-corpus-store.js';

interface AnnouncementRow {
  document_id: string;
  due_at: string;
  next_attempt_at: string;
  attempts: number;
  done_at: string | null;
  outcome: string | null;
}

const toRecord = (row: AnnouncementRow): AnnouncementRecord => ({
  documentId: row.document_id,
  dueAt: row.due_at,
  nextAttemptAt: row.next_attempt_at,
  attempts: row.attempts,
  doneAt: row.done_at,
  outcome: row.outcome,
});

/** The announcement outbox of the SQLite store (table `announcements`, migration 012); database time is the injected clock. */
export function createSqliteAnnouncements(db: Database.Database, clock: Clock): AnnouncementStorePort {
  const nowIso = () => clock.now().toISOString();
  const sql = {
    due: db.prepare(`SELECT document_id FROM announcements WHERE done_at IS NULL AND next_attempt_at <= @now
      AND (lease_until IS NULL OR lease_until <= @now) ORDER BY next_attempt_at, document_id LIMIT @limit`),
    lease: db.prepare(`UPDATE announcements SET lease_owner = @owner, lease_until = @until, attempts = attempts + 1
      WHERE document_id = @id RETURNING *`),
    document: db.prepare('SELECT * FROM documents WHERE id = ?'),
    finishDone: db.prepare(`UPDATE announcements SET done_at = @now, outcome = @outcome, lease_owner = NULL, lease_until = NULL
      WHERE document_id = @id AND lease_owner = @owner AND lease_until > @now`),
    finishLater: db.prepare(`UPDATE announcements SET next_attempt_at = @retryAt, outcome = @outcome, lease_owner = NULL, lease_until = NULL
      WHERE document_id = @id AND lease_owner = @owner AND lease_until > @now`),
    get: db.prepare('SELECT * FROM announcements WHERE document_id = ?'),
    backlog: db.prepare('SELECT COUNT(*) AS open, MIN(due_at) AS oldest FROM announcements WHERE done_at IS NULL'),
  };
  const claimTransaction = db.transaction((owner: string, leaseMs: number, limit: number) => {
    const now = nowIso();
    const until = new Date(clock.now().getTime() + leaseMs).toISOString();
    const due = sql.due.all({ now, limit }) as { document_id: string }[];
    return due.flatMap(({ document_id: id }) => {
      const row = sql.lease.get({ id, owner, until }) as AnnouncementRow;
      const document = sql.document.get(id) as DocumentRow | undefined;
      // A document removed by hand since has nothing left to announce: the next finish closes it.
      return document ? [{ document: toDocument(document), dueAt: row.due_at, attempts: row.attempts - 1 }] : [];
    });
  });
  return {
    async claimAnnouncements(owner, leaseMs, limit) {
      return claimTransaction.immediate(owner, leaseMs, limit);
    },
    async finishAnnouncement(documentId, owner, update) {
      const params = { id: documentId, owner, now: nowIso(), outcome: update.outcome };
      const result = update.done ? sql.finishDone.run(params) : sql.finishLater.run({ ...params, retryAt: update.retryAt.toISOString() });
      return result.changes > 0;
    },
    async getAnnouncement(documentId) {
      const row = sql.get.get(documentId) as AnnouncementRow | undefined;
      return row ? toRecord(row) : undefined;
    },
    async announcementBacklog() {
      const row = sql.backlog.get() as { open: number; oldest: string | null };
      return { open: row.open, oldestDueAt: row.oldest };
    },
  };
}

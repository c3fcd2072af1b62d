import type { StoredDocument } from './corpus-store-types.js';

/** A new document still to be posted to the channels that follow it, leased to the process that sweeps it. */
export interface PendingAnnouncement {
  document: StoredDocument;
  /** When it fell due: when the document was added (database time, ISO). Follows created later are not told of it. */
  dueAt: string;
  /** Sweeps that took it before this one. */
  attempts: number;
}

/** What a sweep writes back: every following channel settled, or some left open until `retryAt`. */
export type AnnouncementUpdate = { done: true; outcome: string } | { done: false; outcome: string; retryAt: Date };

/** What the store says of one document's announcement (for the CLI and tests). */
export interface AnnouncementRecord {
  documentId: string;
  dueAt: string;
  nextAttemptAt: string;
  attempts: number;
  doneAt: string | null;
  outcome: string | null;
}

/** The announcement outbox: one row per added document, swept until done. */
export interface AnnouncementStorePort {
  /** Leases open announcements whose next attempt is due (database time), oldest first, at most `limit`. */
  claimAnnouncements(owner: string, leaseMs: number, limit: number): Promise<PendingAnnouncement[]>;
  /** Records a sweep of an announcement this caller still leases and lets the lease go; false when the lease was lost. */
  finishAnnouncement(documentId: string, owner: string, update: AnnouncementUpdate): Promise<boolean>;
  getAnnouncement(documentId: string): Promise<AnnouncementRecord | undefined>;
  /** How many announcements are still open, and when the oldest fell due (the operator page). */
  announcementBacklog(): Promise<{ open: number; oldestDueAt: string | null }>;
}

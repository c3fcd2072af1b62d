-- A follow readout paused itself (its channel is gone, the app uninstalled) keeps its filter until it is resumed.
ALTER TABLE follows ADD COLUMN status TEXT NOT NULL DEFAULT 'active';
ALTER TABLE follows ADD COLUMN paused_reason TEXT;

-- Each document still to be told to the channels that follow it: written in the document's own transaction, so
-- however it was added (a feed, `/readout add`, `readout ingest` in another process) and whatever crashes after,
-- a sweep finds it and posts it through the ledger until every following channel is settled.
CREATE TABLE announcements (
  document_id TEXT PRIMARY KEY,
  due_at TIMESTAMPTZ NOT NULL,
  next_attempt_at TIMESTAMPTZ NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  lease_owner TEXT,
  lease_until TIMESTAMPTZ,
  done_at TIMESTAMPTZ,
  outcome TEXT
);
CREATE INDEX announcements_open ON announcements (next_attempt_at) WHERE done_at IS NULL;

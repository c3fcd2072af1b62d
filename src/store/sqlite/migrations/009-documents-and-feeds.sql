-- Documents kept in the store (served beside the seeds folder), the feeds polled for new ones, and the feed items already seen.
CREATE TABLE documents (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  text TEXT NOT NULL,
  sidecar TEXT NOT NULL,
  source_url TEXT,
  canonical_url TEXT UNIQUE,
  content_hash TEXT NOT NULL UNIQUE,
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL
);

CREATE TABLE feeds (
  url TEXT PRIMARY KEY,
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active',
  disabled_reason TEXT,
  failures INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  etag TEXT,
  last_modified TEXT,
  last_polled_at TEXT,
  next_poll_at TEXT NOT NULL,
  baseline_pending INTEGER NOT NULL DEFAULT 1,
  backfill INTEGER NOT NULL DEFAULT 0,
  lease_owner TEXT,
  lease_until TEXT
);
CREATE INDEX feeds_due ON feeds (status, next_poll_at);

-- One row per item identity (guid, else link, else title and date), across all feeds: an item in two feeds is seen once.
CREATE TABLE feed_items (
  identity TEXT PRIMARY KEY,
  feed_url TEXT NOT NULL,
  seen_at TEXT NOT NULL
);

-- Documents kept in the store (served beside the seeds folder), the feeds polled for new ones, and the feed items already seen.
CREATE TABLE documents (
  seq BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  text TEXT NOT NULL,
  sidecar JSONB NOT NULL,
  source_url TEXT,
  canonical_url TEXT UNIQUE,
  content_hash TEXT NOT NULL UNIQUE,
  added_by TEXT NOT NULL,
  added_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE feeds (
  url TEXT PRIMARY KEY,
  added_by TEXT NOT NULL,
  added_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  status TEXT NOT NULL DEFAULT 'active',
  disabled_reason TEXT,
  failures INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  etag TEXT,
  last_modified TEXT,
  last_polled_at TIMESTAMPTZ,
  next_poll_at TIMESTAMPTZ NOT NULL,
  baseline_pending BOOLEAN NOT NULL DEFAULT true,
  backfill INTEGER NOT NULL DEFAULT 0,
  lease_owner TEXT,
  lease_until TIMESTAMPTZ
);
CREATE INDEX feeds_due ON feeds (status, next_poll_at);

-- One row per item identity (guid, else link, else title and date), across all feeds: an item in two feeds is seen once.
CREATE TABLE feed_items (
  identity TEXT PRIMARY KEY,
  feed_url TEXT NOT NULL,
  seen_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The first schema (kept as it was applied; 002 drops its CHECKs).
CREATE TABLE subscriptions (
  platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord', 'console')),
  workspace TEXT NOT NULL,
  channel TEXT NOT NULL,
  time TEXT NOT NULL,
  timezone TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
  paused_reason TEXT,
  post_empty INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (platform, workspace, channel)
);
CREATE TABLE digest_slots (
  key TEXT PRIMARY KEY,
  platform TEXT NOT NULL,
  workspace TEXT NOT NULL,
  channel TEXT NOT NULL,
  local_date TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('claimed', 'posted', 'skipped_late', 'skipped_empty', 'failed', 'paused')),
  message_id TEXT,
  reason TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  claimed_by TEXT,
  lease_until TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX digest_slots_by_channel ON digest_slots (platform, workspace, channel, local_date);

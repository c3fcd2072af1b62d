-- The whole Postgres schema as of SQLite's 003: subscriptions with their next due instant, the slot
-- ledger with database-time leases, and button data with an expiry. Keys use the "C" collation so
-- keyset paging orders exactly as SQLite does; no CHECK lists platforms or states.
CREATE TABLE subscriptions (
  platform TEXT COLLATE "C" NOT NULL,
  workspace TEXT COLLATE "C" NOT NULL,
  channel TEXT COLLATE "C" NOT NULL,
  time TEXT NOT NULL,
  timezone TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active',
  paused_reason TEXT,
  post_empty BOOLEAN NOT NULL DEFAULT FALSE,
  next_due_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (platform, workspace, channel)
);
CREATE INDEX subscriptions_by_next_due ON subscriptions (status, next_due_at);

CREATE TABLE digest_slots (
  key TEXT COLLATE "C" PRIMARY KEY,
  platform TEXT COLLATE "C" NOT NULL,
  workspace TEXT COLLATE "C" NOT NULL,
  channel TEXT COLLATE "C" NOT NULL,
  local_date TEXT COLLATE "C" NOT NULL,
  state TEXT NOT NULL,
  message_id TEXT,
  reason TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  claimed_by TEXT,
  lease_until TIMESTAMPTZ,
  first_claimed_at TIMESTAMPTZ,
  due_at TIMESTAMPTZ,
  posted_at TIMESTAMPTZ,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX digest_slots_by_channel ON digest_slots (platform, workspace, channel, local_date);
CREATE INDEX digest_slots_by_date ON digest_slots (local_date);
CREATE INDEX digest_slots_by_updated ON digest_slots (updated_at);

CREATE TABLE actions (
  key TEXT COLLATE "C" PRIMARY KEY,
  data TEXT NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX actions_by_expiry ON actions (expires_at);

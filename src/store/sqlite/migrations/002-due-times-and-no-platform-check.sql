-- Next due instant per subscription (a tick reads only what is due), first-claim/due/posted times per slot
-- (recovery searches from the first claim; lateness is measured), and no CHECK that lists platforms or states.
CREATE TABLE subscriptions_v2 (
  platform TEXT NOT NULL,
  workspace TEXT NOT NULL,
  channel TEXT NOT NULL,
  time TEXT NOT NULL,
  timezone TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active',
  paused_reason TEXT,
  post_empty INTEGER NOT NULL DEFAULT 0,
  next_due_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (platform, workspace, channel)
);
INSERT INTO subscriptions_v2 (platform, workspace, channel, time, timezone, status, paused_reason, post_empty, created_at, updated_at)
  SELECT platform, workspace, channel, time, timezone, status, paused_reason, post_empty, created_at, updated_at FROM subscriptions;
DROP TABLE subscriptions;
ALTER TABLE subscriptions_v2 RENAME TO subscriptions;
CREATE INDEX subscriptions_by_next_due ON subscriptions (status, next_due_at);

CREATE TABLE digest_slots_v2 (
  key TEXT PRIMARY KEY,
  platform TEXT NOT NULL,
  workspace TEXT NOT NULL,
  channel TEXT NOT NULL,
  local_date TEXT NOT NULL,
  state TEXT NOT NULL,
  message_id TEXT,
  reason TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  claimed_by TEXT,
  lease_until TEXT,
  first_claimed_at TEXT,
  due_at TEXT,
  posted_at TEXT,
  updated_at TEXT NOT NULL
);
INSERT INTO digest_slots_v2 (key, platform, workspace, channel, local_date, state, message_id, reason, attempts, claimed_by, lease_until, first_claimed_at, updated_at)
  SELECT key, platform, workspace, channel, local_date, state, message_id, reason, attempts, claimed_by, lease_until, updated_at, updated_at FROM digest_slots;
DROP TABLE digest_slots;
ALTER TABLE digest_slots_v2 RENAME TO digest_slots;
CREATE INDEX digest_slots_by_channel ON digest_slots (platform, workspace, channel, local_date);
CREATE INDEX digest_slots_by_date ON digest_slots (local_date);

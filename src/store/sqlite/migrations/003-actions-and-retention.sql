-- Button data that does not fit a message, readable by any process until it expires; and an index
-- for the retention sweep of old slots.
CREATE TABLE actions (
  key TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX actions_by_expiry ON actions (expires_at);
CREATE INDEX digest_slots_by_updated ON digest_slots (updated_at);

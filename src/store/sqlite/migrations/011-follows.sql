-- Channels told about new readouts: one follow per channel, with the lookup filters a new document must match.
CREATE TABLE follows (
  platform TEXT NOT NULL,
  workspace TEXT NOT NULL,
  channel TEXT NOT NULL,
  filter TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (platform, workspace, channel)
);

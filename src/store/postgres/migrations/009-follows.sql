-- Channels told about new readouts: one follow per channel, with the lookup filters a new document must match.
CREATE TABLE follows (
  platform TEXT COLLATE "C" NOT NULL,
  workspace TEXT COLLATE "C" NOT NULL,
  channel TEXT COLLATE "C" NOT NULL,
  filter TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (platform, workspace, channel)
);

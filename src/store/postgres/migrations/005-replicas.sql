-- Every running process's heartbeat (server time): the operator page lists the replicas seen in the last hour.
CREATE TABLE replicas (
  id TEXT PRIMARY KEY,
  host TEXT NOT NULL,
  pid INTEGER NOT NULL,
  serves TEXT NOT NULL,
  started_at TIMESTAMPTZ NOT NULL,
  last_seen_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX replicas_last_seen ON replicas (last_seen_at);

-- Shared request budgets (one row per bucket, e.g. a Discord bot's 50 requests/s): the next free turn in epoch ms.
CREATE TABLE rate_turns (
  bucket TEXT PRIMARY KEY,
  next_at INTEGER NOT NULL
);

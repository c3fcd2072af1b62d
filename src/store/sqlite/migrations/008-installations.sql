-- Slack installations (distribution mode): one row per workspace (T:<team>) or org-wide install (E:<enterprise>).
-- Tokens live only inside `sealed` (AES-256-GCM, key id in key_id). lock_owner/lock_until let one process at a
-- time refresh a rotating token.
CREATE TABLE installations (
  key TEXT PRIMARY KEY,
  enterprise_id TEXT,
  team_id TEXT,
  is_enterprise_install INTEGER NOT NULL DEFAULT 0,
  bot_user_id TEXT,
  scopes TEXT NOT NULL DEFAULT '',
  sealed TEXT NOT NULL,
  key_id TEXT NOT NULL,
  token_expires_at TEXT,
  installed_at TEXT NOT NULL,
  refreshed_at TEXT,
  updated_at TEXT NOT NULL,
  lock_owner TEXT,
  lock_until TEXT
);

-- Slack installations (distribution mode): one row per workspace (T:<team>) or org-wide install (E:<enterprise>).
-- Tokens live only inside `sealed` (AES-256-GCM, key id in key_id); a refresh holds the row with FOR UPDATE.
CREATE TABLE installations (
  key TEXT PRIMARY KEY,
  enterprise_id TEXT,
  team_id TEXT,
  is_enterprise_install BOOLEAN NOT NULL DEFAULT false,
  bot_user_id TEXT,
  scopes TEXT[] NOT NULL DEFAULT '{}',
  sealed TEXT NOT NULL,
  key_id TEXT NOT NULL,
  token_expires_at TIMESTAMPTZ,
  installed_at TIMESTAMPTZ NOT NULL,
  refreshed_at TIMESTAMPTZ,
  updated_at TIMESTAMPTZ NOT NULL
);

-- Who subscribed, paused, resumed, changed or unsubscribed a channel's digest, when, and through which surface.
CREATE TABLE subscription_changes (
  id BIGSERIAL PRIMARY KEY,
  at TIMESTAMPTZ NOT NULL DEFAULT now(),
  platform TEXT NOT NULL,
  workspace TEXT NOT NULL,
  channel TEXT NOT NULL,
  action TEXT NOT NULL,
  actor TEXT NOT NULL,
  surface TEXT NOT NULL,
  detail TEXT
);
CREATE INDEX subscription_changes_by_at ON subscription_changes (at);
CREATE INDEX subscription_changes_by_channel ON subscription_changes (platform, workspace, channel, id);

-- Trust (issue 6): an audit trail that never holds report text, coordinators added in the bot,
-- and what is needed to recognise a user from an @mention.

CREATE TABLE audit_log (
  id          TEXT NOT NULL PRIMARY KEY,
  at          TEXT NOT NULL,
  tenant_id   TEXT NOT NULL,
  actor_id    TEXT NOT NULL,
  action      TEXT NOT NULL,
  entity_kind TEXT NOT NULL,
  entity_id   TEXT,
  entity_ref  TEXT,
  detail      TEXT
) STRICT;

CREATE INDEX ix_audit_log_tenant_at ON audit_log (tenant_id, at);

CREATE TABLE coordinators (
  user_id  TEXT NOT NULL PRIMARY KEY,
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL
) STRICT;

ALTER TABLE user_profiles ADD COLUMN chat_user_id TEXT;

ALTER TABLE user_profiles ADD COLUMN display_name TEXT;

CREATE INDEX ix_user_profiles_chat_user ON user_profiles (chat_user_id);

-- Retention: old reports lose their text and people but keep what the lägesbild counts.
ALTER TABLE incidents ADD COLUMN anonymised_at TEXT;

ALTER TABLE activities ADD COLUMN anonymised_at TEXT;

-- Lägesbild (SQLite): scheduled digest subscriptions, one claim per (conversation, period) so that each
-- digest is posted once however many instances run, every post attempt, and the recorded exports.

CREATE TABLE digest_subscriptions (
  conversation_id TEXT NOT NULL PRIMARY KEY,
  tenant_id       TEXT NOT NULL,
  cadence         TEXT NOT NULL CHECK (cadence IN ('weekly', 'daily')),
  weekday         INTEGER CHECK (weekday BETWEEN 1 AND 7),
  time_of_day     TEXT NOT NULL,
  locale          TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('active', 'paused')),
  paused_reason   TEXT,
  created_by      TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX ix_digest_subscriptions_status ON digest_subscriptions (status);

-- The unique (conversation_id, period_key) is the claim: the instance whose insert succeeds posts.
CREATE TABLE digest_deliveries (
  id              TEXT NOT NULL PRIMARY KEY,
  conversation_id TEXT NOT NULL,
  period_key      TEXT NOT NULL,
  scheduled_for   TEXT NOT NULL,
  claimed_by      TEXT NOT NULL,
  claimed_at      TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'failed', 'paused')),
  finished_at     TEXT,
  detail          TEXT,
  UNIQUE (conversation_id, period_key)
) STRICT;

CREATE TABLE digest_attempts (
  delivery_id TEXT NOT NULL REFERENCES digest_deliveries (id) ON DELETE CASCADE,
  attempt     INTEGER NOT NULL,
  at          TEXT NOT NULL,
  http_status INTEGER NOT NULL,
  outcome     TEXT NOT NULL CHECK (outcome IN ('posted', 'retry', 'failed', 'gone')),
  retry_in_ms INTEGER,
  PRIMARY KEY (delivery_id, attempt)
) STRICT, WITHOUT ROWID;

-- Only a hash of the link's token is kept.
CREATE TABLE digest_exports (
  id              TEXT NOT NULL PRIMARY KEY,
  token_hash      TEXT NOT NULL UNIQUE,
  tenant_id       TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  user_id         TEXT NOT NULL,
  period_kind     TEXT NOT NULL,
  period_from     TEXT NOT NULL,
  period_to       TEXT NOT NULL,
  partial         INTEGER NOT NULL,
  created_at      TEXT NOT NULL,
  expires_at      TEXT NOT NULL
) STRICT;

CREATE INDEX ix_digest_exports_conversation_created ON digest_exports (conversation_id, created_at);

-- The lägesbild counts incidents of one conversation in a time range, and overdue follow-ups.
CREATE INDEX ix_incidents_conversation_occurred ON incidents (conversation_id, occurred_at);
CREATE INDEX ix_activities_conversation_date ON activities (conversation_id, activity_date);
CREATE INDEX ix_activities_conversation_follow_up ON activities (conversation_id, follow_up_date);

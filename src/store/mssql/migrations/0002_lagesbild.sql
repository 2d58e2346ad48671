-- Lägesbild (SQL Server): scheduled digest subscriptions, one claim per (conversation, period) so that
-- each digest is posted once however many instances run, every post attempt, and the recorded exports.

CREATE TABLE digest_subscriptions (
  conversation_id NVARCHAR(400) NOT NULL,
  tenant_id       NVARCHAR(100) NOT NULL,
  cadence         NVARCHAR(10)  NOT NULL,
  weekday         INT           NULL,
  time_of_day     NVARCHAR(5)   NOT NULL,
  locale          NVARCHAR(10)  NOT NULL,
  status          NVARCHAR(10)  NOT NULL,
  paused_reason   NVARCHAR(400) NULL,
  created_by      NVARCHAR(200) NOT NULL,
  created_at      DATETIME2(3)  NOT NULL,
  updated_at      DATETIME2(3)  NOT NULL,
  CONSTRAINT pk_digest_subscriptions PRIMARY KEY (conversation_id),
  CONSTRAINT ck_digest_subscriptions_cadence CHECK (cadence IN (N'weekly', N'daily')),
  CONSTRAINT ck_digest_subscriptions_weekday CHECK (weekday BETWEEN 1 AND 7),
  CONSTRAINT ck_digest_subscriptions_status CHECK (status IN (N'active', N'paused'))
);
CREATE INDEX ix_digest_subscriptions_status ON digest_subscriptions (status);
GO

-- The unique (conversation_id, period_key) is the claim: the instance whose insert succeeds posts.
CREATE TABLE digest_deliveries (
  id              NVARCHAR(36)  NOT NULL,
  conversation_id NVARCHAR(400) NOT NULL,
  period_key      NVARCHAR(40)  NOT NULL,
  scheduled_for   DATETIME2(3)  NOT NULL,
  claimed_by      NVARCHAR(100) NOT NULL,
  claimed_at      DATETIME2(3)  NOT NULL,
  status          NVARCHAR(10)  NOT NULL,
  finished_at     DATETIME2(3)  NULL,
  detail          NVARCHAR(400) NULL,
  CONSTRAINT pk_digest_deliveries PRIMARY KEY (id),
  CONSTRAINT uq_digest_deliveries_period UNIQUE (conversation_id, period_key),
  CONSTRAINT ck_digest_deliveries_status CHECK (status IN (N'claimed', N'posted', N'failed', N'paused'))
);
GO

CREATE TABLE digest_attempts (
  delivery_id NVARCHAR(36) NOT NULL,
  attempt     INT          NOT NULL,
  at          DATETIME2(3) NOT NULL,
  http_status INT          NOT NULL,
  outcome     NVARCHAR(10) NOT NULL,
  retry_in_ms INT          NULL,
  CONSTRAINT pk_digest_attempts PRIMARY KEY (delivery_id, attempt),
  CONSTRAINT ck_digest_attempts_outcome CHECK (outcome IN (N'posted', N'retry', N'failed', N'gone')),
  CONSTRAINT fk_digest_attempts_delivery FOREIGN KEY (delivery_id) REFERENCES digest_deliveries (id) ON DELETE CASCADE
);
GO

-- Only a hash of the link's token is kept.
CREATE TABLE digest_exports (
  id              NVARCHAR(36)  NOT NULL,
  token_hash      NVARCHAR(64)  NOT NULL,
  tenant_id       NVARCHAR(100) NOT NULL,
  conversation_id NVARCHAR(400) NOT NULL,
  user_id         NVARCHAR(200) NOT NULL,
  period_kind     NVARCHAR(10)  NOT NULL,
  period_from     DATETIME2(3)  NOT NULL,
  period_to       DATETIME2(3)  NOT NULL,
  partial         BIT           NOT NULL,
  created_at      DATETIME2(3)  NOT NULL,
  expires_at      DATETIME2(3)  NOT NULL,
  CONSTRAINT pk_digest_exports PRIMARY KEY (id),
  CONSTRAINT uq_digest_exports_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_digest_exports_conversation_created ON digest_exports (conversation_id, created_at);
GO

-- The lägesbild counts incidents of one conversation in a time range, and overdue follow-ups.
CREATE INDEX ix_incidents_conversation_occurred ON incidents (conversation_id, occurred_at);
CREATE INDEX ix_activities_conversation_date ON activities (conversation_id, activity_date);
CREATE INDEX ix_activities_conversation_follow_up ON activities (conversation_id, follow_up_date);
GO

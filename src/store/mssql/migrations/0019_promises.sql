-- Medborgarlöften (issue 12): a register per tenant and year of promises, their commitments (åtaganden)
-- with responsible organisations, a period and a status, and the yearly strategic meeting. Activities
-- may serve a commitment. Random uuid keys are nonclustered (as 0012 made them); the folded title is
-- a key compared exactly (binary collation).

CREATE TABLE promises (
  id           NVARCHAR(36) COLLATE Latin1_General_100_BIN2   NOT NULL,
  tenant_id    NVARCHAR(100) COLLATE Latin1_General_100_BIN2  NOT NULL,
  promise_year INT            NOT NULL,
  position     INT            NOT NULL,
  title        NVARCHAR(400)  NOT NULL,
  title_key    NVARCHAR(400)  COLLATE Latin1_General_100_BIN2 NOT NULL,
  body         NVARCHAR(4000) NOT NULL,
  created_by   NVARCHAR(200) COLLATE Latin1_General_100_BIN2  NOT NULL,
  created_at   DATETIME2(3)   NOT NULL,
  CONSTRAINT pk_promises PRIMARY KEY NONCLUSTERED (id),
  CONSTRAINT uq_promises_tenant_year_title UNIQUE (tenant_id, promise_year, title_key)
);
GO

CREATE TABLE promise_commitments (
  id            NVARCHAR(36) COLLATE Latin1_General_100_BIN2   NOT NULL,
  promise_id    NVARCHAR(36) COLLATE Latin1_General_100_BIN2   NOT NULL,
  tenant_id     NVARCHAR(100) COLLATE Latin1_General_100_BIN2  NOT NULL,
  position      INT            NOT NULL,
  body          NVARCHAR(2000) NOT NULL,
  organisations NVARCHAR(400)  NOT NULL,
  period_from   DATE           NOT NULL,
  period_to     DATE           NOT NULL,
  status        NVARCHAR(20)   NOT NULL,
  status_by     NVARCHAR(200) COLLATE Latin1_General_100_BIN2  NULL,
  status_at     DATETIME2(3)   NULL,
  CONSTRAINT pk_promise_commitments PRIMARY KEY NONCLUSTERED (id),
  CONSTRAINT fk_promise_commitments_promise FOREIGN KEY (promise_id) REFERENCES promises (id) ON DELETE CASCADE
);
CREATE INDEX ix_promise_commitments_promise ON promise_commitments (promise_id);
CREATE INDEX ix_promise_commitments_tenant ON promise_commitments (tenant_id);
GO

CREATE TABLE strategic_meetings (
  id            NVARCHAR(36) COLLATE Latin1_General_100_BIN2   NOT NULL,
  tenant_id     NVARCHAR(100) COLLATE Latin1_General_100_BIN2  NOT NULL,
  meeting_year  INT            NOT NULL,
  meeting_date  DATE           NOT NULL,
  organisations NVARCHAR(400)  NOT NULL,
  decisions     NVARCHAR(4000) NOT NULL,
  recorded_by   NVARCHAR(200) COLLATE Latin1_General_100_BIN2  NOT NULL,
  recorded_at   DATETIME2(3)   NOT NULL,
  CONSTRAINT pk_strategic_meetings PRIMARY KEY NONCLUSTERED (id)
);
CREATE INDEX ix_strategic_meetings_tenant_year ON strategic_meetings (tenant_id, meeting_year);
GO

-- The commitment an activity serves (optional).
ALTER TABLE activities ADD commitment_id NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NULL;
GO

CREATE INDEX ix_activities_commitment ON activities (commitment_id);
GO

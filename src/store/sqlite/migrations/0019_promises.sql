-- Medborgarlöften (issue 12): a register per tenant and year of promises, their commitments (åtaganden)
-- with responsible organisations, a period and a status, and the yearly strategic meeting. Activities
-- may serve a commitment.

-- title_key: the folded title (foldText), so that the same promise is not imported twice in a year.
CREATE TABLE promises (
  id           TEXT NOT NULL PRIMARY KEY,
  tenant_id    TEXT NOT NULL,
  promise_year INTEGER NOT NULL,
  position     INTEGER NOT NULL,
  title        TEXT NOT NULL,
  title_key    TEXT NOT NULL,
  body         TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  CONSTRAINT uq_promises_tenant_year_title UNIQUE (tenant_id, promise_year, title_key)
) STRICT;

-- organisations: the responsible organisations' codes, comma-separated, in the order given.
CREATE TABLE promise_commitments (
  id            TEXT NOT NULL PRIMARY KEY,
  promise_id    TEXT NOT NULL REFERENCES promises (id) ON DELETE CASCADE,
  tenant_id     TEXT NOT NULL,
  position      INTEGER NOT NULL,
  body          TEXT NOT NULL,
  organisations TEXT NOT NULL,
  period_from   TEXT NOT NULL,
  period_to     TEXT NOT NULL,
  status        TEXT NOT NULL,
  status_by     TEXT,
  status_at     TEXT
) STRICT;

CREATE INDEX ix_promise_commitments_promise ON promise_commitments (promise_id);
CREATE INDEX ix_promise_commitments_tenant ON promise_commitments (tenant_id);

CREATE TABLE strategic_meetings (
  id            TEXT NOT NULL PRIMARY KEY,
  tenant_id     TEXT NOT NULL,
  meeting_year  INTEGER NOT NULL,
  meeting_date  TEXT NOT NULL,
  organisations TEXT NOT NULL,
  decisions     TEXT NOT NULL,
  recorded_by   TEXT NOT NULL,
  recorded_at   TEXT NOT NULL
) STRICT;

CREATE INDEX ix_strategic_meetings_tenant_year ON strategic_meetings (tenant_id, meeting_year);

-- The commitment an activity serves (optional).
ALTER TABLE activities ADD COLUMN commitment_id TEXT;
CREATE INDEX ix_activities_commitment ON activities (commitment_id);

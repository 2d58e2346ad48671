-- Idempotent submits and a writable health probe (issue 16, SQLite; the SQL Server twin has the same meaning).
-- * incidents and activities get submit_key: the random key a form card carries in its submit data, or
--   a hash of the Teams message that created the report. At most one report of a kind has a key in a
--   tenant, so that a card pressed twice, a replayed invoke or a redelivered message saves one report.
--   Reports made before this migration have none (NULL, which the index leaves out).
-- * store_health holds the one row /healthz writes again on every probe: a database that can be read
--   but not written (disk full, read-only file) is reported unhealthy.

ALTER TABLE incidents ADD COLUMN submit_key TEXT;

ALTER TABLE activities ADD COLUMN submit_key TEXT;

CREATE UNIQUE INDEX ux_incidents_tenant_submit_key ON incidents (tenant_id, submit_key) WHERE submit_key IS NOT NULL;

CREATE UNIQUE INDEX ux_activities_tenant_submit_key ON activities (tenant_id, submit_key) WHERE submit_key IS NOT NULL;

CREATE TABLE store_health (
  id         INTEGER NOT NULL PRIMARY KEY,
  checked_at TEXT NOT NULL,
  pad        TEXT NOT NULL
) STRICT;

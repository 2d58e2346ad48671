-- Idempotent submits and a writable health probe (issue 16, SQL Server; see the SQLite twin).
-- * incidents and activities get submit_key: the random key a form card carries in its submit data, or
--   a hash of the Teams message that created the report. At most one report of a kind has a key in a
--   tenant (a filtered index: rows without a key, all made before this migration, are left out).
-- * store_health holds the one row /healthz writes again on every probe: a database that can be read
--   but not written (log or filegroup full, read-only database) is reported unhealthy.

ALTER TABLE incidents ADD submit_key NVARCHAR(64) NULL;
GO

ALTER TABLE activities ADD submit_key NVARCHAR(64) NULL;
GO

CREATE UNIQUE INDEX ux_incidents_tenant_submit_key ON incidents (tenant_id, submit_key) WHERE submit_key IS NOT NULL;
GO

CREATE UNIQUE INDEX ux_activities_tenant_submit_key ON activities (tenant_id, submit_key) WHERE submit_key IS NOT NULL;
GO

CREATE TABLE store_health (
  id         INT            NOT NULL,
  checked_at DATETIME2(3)   NOT NULL,
  pad        NVARCHAR(4000) NOT NULL,
  CONSTRAINT pk_store_health PRIMARY KEY (id)
);
GO

-- A call-out is made at most once per card or message (mobilisation): callouts get submit_key, the random
-- key the mobilise card carries, or a hash of the Teams message that called. See the SQLite migration of
-- the same number. Compared exactly (a binary collation), as the reports' submit keys.
ALTER TABLE callouts ADD submit_key NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NULL;
GO

CREATE UNIQUE INDEX ux_callouts_tenant_submit_key ON callouts (tenant_id, submit_key) WHERE submit_key IS NOT NULL;
GO

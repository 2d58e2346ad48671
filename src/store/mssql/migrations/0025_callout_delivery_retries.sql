-- Every recipient of a call-out gets their personal copy (mobilisation): a copy not sent yet is claimed
-- before it is posted (send_claimed_until), and a copy that failed for a passing reason is tried again
-- from next_send_at, send_tries counting the failed tries. See the SQLite migration of the same number.
ALTER TABLE callout_recipients ADD send_tries INT NULL;
ALTER TABLE callout_recipients ADD next_send_at DATETIME2(3) NULL;
ALTER TABLE callout_recipients ADD send_claimed_until DATETIME2(3) NULL;
GO

UPDATE callout_recipients SET send_tries = 0;
GO

ALTER TABLE callout_recipients ALTER COLUMN send_tries INT NOT NULL;
GO

ALTER TABLE callout_recipients ADD CONSTRAINT df_callout_recipients_send_tries DEFAULT 0 FOR send_tries;
GO

-- The posting budget counts answers to users too (issue 14): they are posted at once, never held for a
-- slot, and counted here so that digests fill only what the answers left of the tenant's 30 a second.
ALTER TABLE post_budget_slots ADD interactive INT NULL;
GO

UPDATE post_budget_slots SET interactive = 0;
GO

ALTER TABLE post_budget_slots ALTER COLUMN interactive INT NOT NULL;
GO

ALTER TABLE post_budget_slots ADD CONSTRAINT df_post_budget_slots_interactive DEFAULT 0 FOR interactive;
GO

-- The posting budget counts answers to users too (issue 14): they are posted at once, never held for a
-- slot, and counted here so that digests fill only what the answers left of the tenant's 30 a second.
ALTER TABLE post_budget_slots ADD COLUMN interactive INTEGER NOT NULL DEFAULT 0;

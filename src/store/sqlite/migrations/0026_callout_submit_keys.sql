-- A call-out is made at most once per card or message (mobilisation): callouts get submit_key, the random
-- key the mobilise card carries in its submit data, or a hash of the Teams message that called. A second
-- press of the same card (a double press, or Teams pressing again when the answer was late) finds the
-- call-out the first press made. At most one call-out has a key in a tenant (rows without one, all made
-- before this migration, are left out of the index).
ALTER TABLE callouts ADD COLUMN submit_key TEXT;

CREATE UNIQUE INDEX ux_callouts_tenant_submit_key ON callouts (tenant_id, submit_key) WHERE submit_key IS NOT NULL;

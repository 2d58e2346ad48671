-- Every recipient of a call-out gets their personal copy (mobilisation): a copy not sent yet is claimed
-- before it is posted (send_claimed_until: another instance leaves it alone until then), and a copy that
-- failed for a passing reason (Connector 5xx, 429, a timeout) is tried again from next_send_at by the
-- scheduled job, send_tries counting the failed tries until it is given up. next_send_at of a new
-- recipient is a short grace after the call, so that the job does not race the instance calling.
ALTER TABLE callout_recipients ADD COLUMN send_tries INTEGER NOT NULL DEFAULT 0;

ALTER TABLE callout_recipients ADD COLUMN next_send_at TEXT;

ALTER TABLE callout_recipients ADD COLUMN send_claimed_until TEXT;

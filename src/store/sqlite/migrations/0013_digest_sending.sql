-- Several instances (issue 18): a digest post is noted as being sent before the HTTP POST, and the
-- note is cleared when its answer is recorded. An instance that takes a delivery over and finds the
-- note knows the previous one may have posted (it died between the POST and the write): see
-- SECURITY.md, "Scheduled posts with several instances".
ALTER TABLE digest_deliveries ADD COLUMN sending_at TEXT;

-- Which attempt was being sent (its answer not yet recorded).
ALTER TABLE digest_deliveries ADD COLUMN sending_attempt INTEGER;

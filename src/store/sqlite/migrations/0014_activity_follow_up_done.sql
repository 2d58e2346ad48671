-- Activities have no incident status (issue 15): an activity's follow-up is marked done instead
-- ("Uppföljning gjord"), when and by whom (a user id). The lägesbild's overdue follow-ups are those not done.
ALTER TABLE activities ADD COLUMN follow_up_done_at TEXT;
ALTER TABLE activities ADD COLUMN follow_up_done_by TEXT;

-- An activity closed (åtgärdad) before this counts as followed up, when it was last changed.
UPDATE activities SET follow_up_done_at = updated_at WHERE status = 'atgardad';

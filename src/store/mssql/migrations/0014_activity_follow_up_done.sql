-- Activities have no incident status (issue 15): an activity's follow-up is marked done instead
-- ("Uppföljning gjord"), when and by whom (a user id). The lägesbild's overdue follow-ups are those not done.
ALTER TABLE activities ADD follow_up_done_at DATETIME2(3) NULL;
GO

ALTER TABLE activities ADD follow_up_done_by NVARCHAR(200) NULL;
GO

-- An activity closed (åtgärdad) before this counts as followed up, when it was last changed.
UPDATE activities SET follow_up_done_at = updated_at WHERE status = 'atgardad';
GO

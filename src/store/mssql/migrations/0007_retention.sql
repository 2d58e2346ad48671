-- Retention and deletion (issue 16): the nightly job also empties old hot spot text and removes the
-- profiles of users not seen for the retention period.

-- When the user last acted in the tenant (written at most once a day); profiles kept so far count
-- as seen when they were last saved.
ALTER TABLE user_profiles ADD last_seen_at DATETIME2(3) NULL;
GO

UPDATE user_profiles SET last_seen_at = updated_at;
GO

CREATE INDEX ix_user_profiles_last_seen ON user_profiles (last_seen_at);
GO

-- When retention last emptied a hot spot's analysis and people (again once it is changed and old
-- again), and a measure's text and person.
ALTER TABLE hotspots ADD anonymised_at DATETIME2(3) NULL;
GO

ALTER TABLE hotspot_measures ADD anonymised_at DATETIME2(3) NULL;
GO

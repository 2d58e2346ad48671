-- Every id column in the binary collation (issue 17): row ids, tenant, conversation, user, Teams
-- activity and instance ids. In the database's collation (Finnish_Swedish_CI_AS, case- and
-- accent-insensitive) two ids differing only in case would be one, where SQLite tells them apart.
-- A column's collation cannot change under a key, index or foreign key on it, so each that holds an id
-- column is dropped and made again, unchanged, under its own name.
-- GENERATED from the schema definition by test/store/schema/id-collation-migration.ts: do not edit.

-- Foreign keys between id columns go first: a key they refer to cannot be dropped under them.
ALTER TABLE places DROP CONSTRAINT fk_places_parent;
ALTER TABLE incidents DROP CONSTRAINT fk_incidents_place;
ALTER TABLE activities DROP CONSTRAINT fk_activities_place;
ALTER TABLE activity_organisations DROP CONSTRAINT fk_activity_organisations_activity;
ALTER TABLE digest_attempts DROP CONSTRAINT fk_digest_attempts_delivery;
ALTER TABLE place_aliases DROP CONSTRAINT fk_place_aliases_place;
ALTER TABLE hotspots DROP CONSTRAINT fk_hotspots_place;
ALTER TABLE hotspot_measures DROP CONSTRAINT fk_hotspot_measures_hotspot;
GO

DROP INDEX ix_places_parent ON places;
ALTER TABLE places DROP CONSTRAINT uq_places_tenant_name_key;
ALTER TABLE places DROP CONSTRAINT pk_places;
ALTER TABLE places ALTER COLUMN id NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE places ALTER COLUMN parent_id NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE places ALTER COLUMN tenant_id NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE places ADD CONSTRAINT pk_places PRIMARY KEY NONCLUSTERED (id);
ALTER TABLE places ADD CONSTRAINT uq_places_tenant_name_key UNIQUE (tenant_id, name_key);
CREATE INDEX ix_places_parent ON places (parent_id);
GO

DROP INDEX ix_incidents_place ON incidents;
DROP INDEX ix_incidents_conversation_occurred ON incidents;
DROP INDEX ix_incidents_tenant_conversation_created ON incidents;
DROP INDEX ix_incidents_tenant_reporter_created ON incidents;
DROP INDEX ix_incidents_lagesbild ON incidents;
DROP INDEX ix_incidents_tenant_place_history ON incidents;
DROP INDEX ux_incidents_tenant_submit_key ON incidents;
DROP INDEX ix_incidents_serious ON incidents;
ALTER TABLE incidents DROP CONSTRAINT uq_incidents_tenant_ref;
ALTER TABLE incidents DROP CONSTRAINT pk_incidents;
ALTER TABLE incidents ALTER COLUMN place_id NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE incidents ALTER COLUMN id NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE incidents ALTER COLUMN assignee_id NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE incidents ALTER COLUMN reporter_id NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE incidents ALTER COLUMN tenant_id NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE incidents ALTER COLUMN conversation_id NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE incidents ADD CONSTRAINT pk_incidents PRIMARY KEY NONCLUSTERED (id);
ALTER TABLE incidents ADD CONSTRAINT uq_incidents_tenant_ref UNIQUE (tenant_id, ref);
CREATE INDEX ix_incidents_place ON incidents (place_id);
CREATE INDEX ix_incidents_conversation_occurred ON incidents (conversation_id, occurred_at);
CREATE INDEX ix_incidents_tenant_conversation_created ON incidents (tenant_id, conversation_id, created_at);
CREATE INDEX ix_incidents_tenant_reporter_created ON incidents (tenant_id, reporter_id, created_at);
CREATE INDEX ix_incidents_lagesbild ON incidents (tenant_id, conversation_id, occurred_at) INCLUDE (category, organisation, youth_involved, place_name, school);
CREATE INDEX ix_incidents_tenant_place_history ON incidents (tenant_id, occurred_at, id) INCLUDE (place_id, ref, category);
CREATE UNIQUE INDEX ux_incidents_tenant_submit_key ON incidents (tenant_id, submit_key) WHERE submit_key IS NOT NULL;
CREATE INDEX ix_incidents_serious ON incidents (tenant_id, conversation_id, severity, occurred_at);
GO

DROP INDEX ix_activities_place ON activities;
DROP INDEX ix_activities_conversation_date ON activities;
DROP INDEX ix_activities_conversation_follow_up ON activities;
DROP INDEX ix_activities_tenant_conversation_created ON activities;
DROP INDEX ix_activities_tenant_reporter_created ON activities;
DROP INDEX ix_activities_lagesbild ON activities;
DROP INDEX ux_activities_tenant_submit_key ON activities;
ALTER TABLE activities DROP CONSTRAINT uq_activities_tenant_ref;
ALTER TABLE activities DROP CONSTRAINT pk_activities;
ALTER TABLE activities ALTER COLUMN place_id NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE activities ALTER COLUMN follow_up_done_by NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE activities ALTER COLUMN id NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE activities ALTER COLUMN assignee_id NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE activities ALTER COLUMN reporter_id NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE activities ALTER COLUMN tenant_id NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE activities ALTER COLUMN conversation_id NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE activities ADD CONSTRAINT pk_activities PRIMARY KEY NONCLUSTERED (id);
ALTER TABLE activities ADD CONSTRAINT uq_activities_tenant_ref UNIQUE (tenant_id, ref);
CREATE INDEX ix_activities_place ON activities (place_id);
CREATE INDEX ix_activities_conversation_date ON activities (conversation_id, activity_date);
CREATE INDEX ix_activities_conversation_follow_up ON activities (conversation_id, follow_up_date);
CREATE INDEX ix_activities_tenant_conversation_created ON activities (tenant_id, conversation_id, created_at);
CREATE INDEX ix_activities_tenant_reporter_created ON activities (tenant_id, reporter_id, created_at);
CREATE INDEX ix_activities_lagesbild ON activities (tenant_id, conversation_id, activity_date) INCLUDE (type);
CREATE UNIQUE INDEX ux_activities_tenant_submit_key ON activities (tenant_id, submit_key) WHERE submit_key IS NOT NULL;
GO

ALTER TABLE activity_organisations DROP CONSTRAINT pk_activity_organisations;
ALTER TABLE activity_organisations ALTER COLUMN activity_id NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE activity_organisations ADD CONSTRAINT pk_activity_organisations PRIMARY KEY (activity_id, organisation);
GO

ALTER TABLE reference_counters DROP CONSTRAINT pk_reference_counters;
ALTER TABLE reference_counters ALTER COLUMN tenant_id NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE reference_counters ADD CONSTRAINT pk_reference_counters PRIMARY KEY (tenant_id, kind, year);
GO

ALTER TABLE conversations DROP CONSTRAINT pk_conversations;
ALTER TABLE conversations ALTER COLUMN conversation_id NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE conversations ALTER COLUMN tenant_id NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE conversations ALTER COLUMN team_id NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE conversations ALTER COLUMN channel_id NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE conversations ADD CONSTRAINT pk_conversations PRIMARY KEY (conversation_id);
GO

DROP INDEX ix_user_profiles_chat_user ON user_profiles;
ALTER TABLE user_profiles DROP CONSTRAINT pk_user_profiles;
ALTER TABLE user_profiles ALTER COLUMN user_id NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE user_profiles ALTER COLUMN tenant_id NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE user_profiles ALTER COLUMN chat_user_id NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE user_profiles ADD CONSTRAINT pk_user_profiles PRIMARY KEY (tenant_id, user_id);
CREATE INDEX ix_user_profiles_chat_user ON user_profiles (tenant_id, chat_user_id);
GO

ALTER TABLE digest_subscriptions DROP CONSTRAINT pk_digest_subscriptions;
ALTER TABLE digest_subscriptions ALTER COLUMN conversation_id NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE digest_subscriptions ALTER COLUMN tenant_id NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE digest_subscriptions ALTER COLUMN created_by NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE digest_subscriptions ADD CONSTRAINT pk_digest_subscriptions PRIMARY KEY (conversation_id);
GO

ALTER TABLE digest_deliveries DROP CONSTRAINT uq_digest_deliveries_period;
ALTER TABLE digest_deliveries DROP CONSTRAINT pk_digest_deliveries;
ALTER TABLE digest_deliveries ALTER COLUMN id NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE digest_deliveries ALTER COLUMN conversation_id NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE digest_deliveries ALTER COLUMN claimed_by NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE digest_deliveries ADD CONSTRAINT pk_digest_deliveries PRIMARY KEY NONCLUSTERED (id);
ALTER TABLE digest_deliveries ADD CONSTRAINT uq_digest_deliveries_period UNIQUE (conversation_id, period_key);
GO

ALTER TABLE digest_attempts DROP CONSTRAINT pk_digest_attempts;
ALTER TABLE digest_attempts ALTER COLUMN delivery_id NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE digest_attempts ADD CONSTRAINT pk_digest_attempts PRIMARY KEY (delivery_id, attempt);
GO

DROP INDEX ix_digest_exports_tenant_conversation_created ON digest_exports;
ALTER TABLE digest_exports DROP CONSTRAINT pk_digest_exports;
ALTER TABLE digest_exports ALTER COLUMN id NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE digest_exports ALTER COLUMN tenant_id NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE digest_exports ALTER COLUMN conversation_id NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE digest_exports ALTER COLUMN user_id NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE digest_exports ADD CONSTRAINT pk_digest_exports PRIMARY KEY NONCLUSTERED (id);
CREATE INDEX ix_digest_exports_tenant_conversation_created ON digest_exports (tenant_id, conversation_id, created_at);
GO

DROP INDEX ix_place_aliases_place ON place_aliases;
ALTER TABLE place_aliases DROP CONSTRAINT pk_place_aliases;
ALTER TABLE place_aliases ALTER COLUMN place_id NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE place_aliases ALTER COLUMN tenant_id NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE place_aliases ADD CONSTRAINT pk_place_aliases PRIMARY KEY (tenant_id, alias_key);
CREATE INDEX ix_place_aliases_place ON place_aliases (place_id);
GO

DROP INDEX ix_hotspots_tenant_state ON hotspots;
ALTER TABLE hotspots DROP CONSTRAINT uq_hotspots_place;
ALTER TABLE hotspots DROP CONSTRAINT pk_hotspots;
ALTER TABLE hotspots ALTER COLUMN id NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE hotspots ALTER COLUMN place_id NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE hotspots ALTER COLUMN owner_id NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE hotspots ALTER COLUMN created_by_id NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE hotspots ALTER COLUMN tenant_id NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE hotspots ALTER COLUMN conversation_id NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE hotspots ADD CONSTRAINT pk_hotspots PRIMARY KEY NONCLUSTERED (id);
ALTER TABLE hotspots ADD CONSTRAINT uq_hotspots_place UNIQUE (place_id);
CREATE INDEX ix_hotspots_tenant_state ON hotspots (tenant_id, state);
GO

DROP INDEX ix_hotspot_measures_hotspot ON hotspot_measures;
ALTER TABLE hotspot_measures DROP CONSTRAINT pk_hotspot_measures;
ALTER TABLE hotspot_measures ALTER COLUMN id NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE hotspot_measures ALTER COLUMN hotspot_id NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE hotspot_measures ALTER COLUMN created_by_id NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE hotspot_measures ADD CONSTRAINT pk_hotspot_measures PRIMARY KEY NONCLUSTERED (id);
CREATE INDEX ix_hotspot_measures_hotspot ON hotspot_measures (hotspot_id);
GO

DROP INDEX ix_audit_log_tenant_at ON audit_log;
ALTER TABLE audit_log DROP CONSTRAINT pk_audit_log;
ALTER TABLE audit_log ALTER COLUMN id NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE audit_log ALTER COLUMN tenant_id NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE audit_log ALTER COLUMN actor_id NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE audit_log ALTER COLUMN entity_id NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE audit_log ADD CONSTRAINT pk_audit_log PRIMARY KEY NONCLUSTERED (id);
CREATE INDEX ix_audit_log_tenant_at ON audit_log (tenant_id, at);
GO

ALTER TABLE coordinators DROP CONSTRAINT pk_coordinators;
ALTER TABLE coordinators ALTER COLUMN user_id NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE coordinators ALTER COLUMN added_by NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE coordinators ALTER COLUMN tenant_id NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE coordinators ADD CONSTRAINT pk_coordinators PRIMARY KEY (tenant_id, user_id);
GO

ALTER TABLE memberships DROP CONSTRAINT pk_memberships;
ALTER TABLE memberships ALTER COLUMN tenant_id NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE memberships ALTER COLUMN user_id NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE memberships ALTER COLUMN confirmed_by NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE memberships ADD CONSTRAINT pk_memberships PRIMARY KEY (tenant_id, user_id);
GO

DROP INDEX ix_card_messages_conversation ON card_messages;
ALTER TABLE card_messages DROP CONSTRAINT pk_card_messages;
ALTER TABLE card_messages ALTER COLUMN tenant_id NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE card_messages ALTER COLUMN conversation_id NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE card_messages ALTER COLUMN item_id NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE card_messages ALTER COLUMN thread_id NVARCHAR(450) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE card_messages ALTER COLUMN activity_id NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE card_messages ADD CONSTRAINT pk_card_messages PRIMARY KEY (tenant_id, item_kind, item_id);
CREATE INDEX ix_card_messages_conversation ON card_messages (tenant_id, conversation_id);
GO

DROP INDEX ix_job_leases_holder ON job_leases;
ALTER TABLE job_leases ALTER COLUMN holder NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL;
CREATE INDEX ix_job_leases_holder ON job_leases (holder, finished_at);
GO

ALTER TABLE post_budget_slots DROP CONSTRAINT pk_post_budget_slots;
ALTER TABLE post_budget_slots ALTER COLUMN tenant_id NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE post_budget_slots ADD CONSTRAINT pk_post_budget_slots PRIMARY KEY (tenant_id, slot_at);
GO

ALTER TABLE incident_calendar_counts DROP CONSTRAINT pk_incident_calendar_counts;
ALTER TABLE incident_calendar_counts ALTER COLUMN tenant_id NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE incident_calendar_counts ALTER COLUMN conversation_id NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE incident_calendar_counts ADD CONSTRAINT pk_incident_calendar_counts PRIMARY KEY NONCLUSTERED (tenant_id, conversation_id, dimension, unit, first_day, group_key);
GO

-- The foreign keys again, unchanged, now between columns of one collation.
ALTER TABLE places ADD CONSTRAINT fk_places_parent FOREIGN KEY (parent_id) REFERENCES places (id);
ALTER TABLE incidents ADD CONSTRAINT fk_incidents_place FOREIGN KEY (place_id) REFERENCES places (id);
ALTER TABLE activities ADD CONSTRAINT fk_activities_place FOREIGN KEY (place_id) REFERENCES places (id);
ALTER TABLE activity_organisations ADD CONSTRAINT fk_activity_organisations_activity FOREIGN KEY (activity_id) REFERENCES activities (id) ON DELETE CASCADE;
ALTER TABLE digest_attempts ADD CONSTRAINT fk_digest_attempts_delivery FOREIGN KEY (delivery_id) REFERENCES digest_deliveries (id) ON DELETE CASCADE;
ALTER TABLE place_aliases ADD CONSTRAINT fk_place_aliases_place FOREIGN KEY (place_id) REFERENCES places (id) ON DELETE CASCADE;
ALTER TABLE hotspots ADD CONSTRAINT fk_hotspots_place FOREIGN KEY (place_id) REFERENCES places (id);
ALTER TABLE hotspot_measures ADD CONSTRAINT fk_hotspot_measures_hotspot FOREIGN KEY (hotspot_id) REFERENCES hotspots (id) ON DELETE CASCADE;
GO

-- SQL Server as the schema definition says (src/store/schema-definition.ts), issue 17. SQLite already
-- had all of this (its 0012 changes nothing). Columns narrower than what the app writes failed with
-- error 2628; keys compared in the database's (case- and accent-insensitive) collation could make two
-- different keys one; a default and a foreign key were missing or unnamed.

-- Person names as Microsoft Entra ID gives them: up to 256 characters. (Not indexed: widened in place.)
ALTER TABLE incidents ALTER COLUMN reporter_name NVARCHAR(256) NOT NULL;
ALTER TABLE incidents ALTER COLUMN assignee_name NVARCHAR(256) NULL;
ALTER TABLE activities ALTER COLUMN reporter_name NVARCHAR(256) NOT NULL;
ALTER TABLE activities ALTER COLUMN assignee_name NVARCHAR(256) NULL;
ALTER TABLE hotspots ALTER COLUMN owner_name NVARCHAR(256) NOT NULL;
ALTER TABLE hotspots ALTER COLUMN created_by_name NVARCHAR(256) NOT NULL;
ALTER TABLE hotspot_measures ALTER COLUMN created_by_name NVARCHAR(256) NOT NULL;
ALTER TABLE user_profiles ALTER COLUMN display_name NVARCHAR(256) NULL;
-- The audit trail's entity may be a user (ids up to 200), not only a place or report.
ALTER TABLE audit_log ALTER COLUMN entity_id NVARCHAR(200) NULL;
GO

-- Keys compared exactly, as in SQLite: a binary collation, so that ß/ss, æ/ae, v/w or a case
-- difference never make two keys one. A column's collation cannot change under a key or index on it,
-- so each is dropped, the column changed, and the key or index made again under the same name.
ALTER TABLE places DROP CONSTRAINT uq_places_tenant_name_key;
ALTER TABLE places ALTER COLUMN name_key NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE places ADD CONSTRAINT uq_places_tenant_name_key UNIQUE (tenant_id, name_key);
GO

ALTER TABLE place_aliases DROP CONSTRAINT pk_place_aliases;
ALTER TABLE place_aliases ALTER COLUMN alias_key NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE place_aliases ADD CONSTRAINT pk_place_aliases PRIMARY KEY (tenant_id, alias_key);
GO

DROP INDEX ux_incidents_tenant_submit_key ON incidents;
ALTER TABLE incidents ALTER COLUMN submit_key NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NULL;
CREATE UNIQUE INDEX ux_incidents_tenant_submit_key ON incidents (tenant_id, submit_key) WHERE submit_key IS NOT NULL;
GO

DROP INDEX ux_activities_tenant_submit_key ON activities;
ALTER TABLE activities ALTER COLUMN submit_key NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NULL;
CREATE UNIQUE INDEX ux_activities_tenant_submit_key ON activities (tenant_id, submit_key) WHERE submit_key IS NOT NULL;
GO

ALTER TABLE digest_deliveries DROP CONSTRAINT uq_digest_deliveries_period;
ALTER TABLE digest_deliveries ALTER COLUMN period_key NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE digest_deliveries ADD CONSTRAINT uq_digest_deliveries_period UNIQUE (conversation_id, period_key);
GO

ALTER TABLE digest_exports DROP CONSTRAINT uq_digest_exports_token_hash;
ALTER TABLE digest_exports ALTER COLUMN token_hash NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE digest_exports ADD CONSTRAINT uq_digest_exports_token_hash UNIQUE (token_hash);
GO

ALTER TABLE job_leases DROP CONSTRAINT pk_job_leases;
ALTER TABLE job_leases ALTER COLUMN period_key NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL;
ALTER TABLE job_leases ADD CONSTRAINT pk_job_leases PRIMARY KEY (job, period_key);
GO

-- 0003 gave places.kind an inline default, which the server named at random: it is found by column,
-- dropped, and made again under a name a later migration can use.
DECLARE @kind_default sysname = (SELECT name FROM sys.default_constraints WHERE parent_object_id = OBJECT_ID(N'places') AND parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'places'), N'kind', 'ColumnId'));
IF @kind_default IS NOT NULL EXEC (N'ALTER TABLE places DROP CONSTRAINT ' + QUOTENAME(@kind_default));
GO

ALTER TABLE places ADD CONSTRAINT df_places_kind DEFAULT N'annat' FOR kind;
GO

-- Random UUID keys were clustered: every insert landed somewhere in the middle of the table (page
-- splits, fragmentation). They become nonclustered keys of heaps. A key cannot be dropped while a
-- foreign key refers to it: those go first and come back, unchanged, after.
ALTER TABLE incidents DROP CONSTRAINT fk_incidents_place;
ALTER TABLE activities DROP CONSTRAINT fk_activities_place;
ALTER TABLE place_aliases DROP CONSTRAINT fk_place_aliases_place;
ALTER TABLE hotspots DROP CONSTRAINT fk_hotspots_place;
ALTER TABLE activity_organisations DROP CONSTRAINT fk_activity_organisations_activity;
ALTER TABLE hotspot_measures DROP CONSTRAINT fk_hotspot_measures_hotspot;
ALTER TABLE digest_attempts DROP CONSTRAINT fk_digest_attempts_delivery;
GO

ALTER TABLE places DROP CONSTRAINT pk_places;
ALTER TABLE places ADD CONSTRAINT pk_places PRIMARY KEY NONCLUSTERED (id);
ALTER TABLE incidents DROP CONSTRAINT pk_incidents;
ALTER TABLE incidents ADD CONSTRAINT pk_incidents PRIMARY KEY NONCLUSTERED (id);
ALTER TABLE activities DROP CONSTRAINT pk_activities;
ALTER TABLE activities ADD CONSTRAINT pk_activities PRIMARY KEY NONCLUSTERED (id);
ALTER TABLE hotspots DROP CONSTRAINT pk_hotspots;
ALTER TABLE hotspots ADD CONSTRAINT pk_hotspots PRIMARY KEY NONCLUSTERED (id);
ALTER TABLE hotspot_measures DROP CONSTRAINT pk_hotspot_measures;
ALTER TABLE hotspot_measures ADD CONSTRAINT pk_hotspot_measures PRIMARY KEY NONCLUSTERED (id);
ALTER TABLE digest_deliveries DROP CONSTRAINT pk_digest_deliveries;
ALTER TABLE digest_deliveries ADD CONSTRAINT pk_digest_deliveries PRIMARY KEY NONCLUSTERED (id);
ALTER TABLE digest_exports DROP CONSTRAINT pk_digest_exports;
ALTER TABLE digest_exports ADD CONSTRAINT pk_digest_exports PRIMARY KEY NONCLUSTERED (id);
ALTER TABLE audit_log DROP CONSTRAINT pk_audit_log;
ALTER TABLE audit_log ADD CONSTRAINT pk_audit_log PRIMARY KEY NONCLUSTERED (id);
GO

ALTER TABLE incidents ADD CONSTRAINT fk_incidents_place FOREIGN KEY (place_id) REFERENCES places (id);
ALTER TABLE activities ADD CONSTRAINT fk_activities_place FOREIGN KEY (place_id) REFERENCES places (id);
ALTER TABLE place_aliases ADD CONSTRAINT fk_place_aliases_place FOREIGN KEY (place_id) REFERENCES places (id) ON DELETE CASCADE;
ALTER TABLE hotspots ADD CONSTRAINT fk_hotspots_place FOREIGN KEY (place_id) REFERENCES places (id);
ALTER TABLE activity_organisations ADD CONSTRAINT fk_activity_organisations_activity FOREIGN KEY (activity_id) REFERENCES activities (id) ON DELETE CASCADE;
ALTER TABLE hotspot_measures ADD CONSTRAINT fk_hotspot_measures_hotspot FOREIGN KEY (hotspot_id) REFERENCES hotspots (id) ON DELETE CASCADE;
ALTER TABLE digest_attempts ADD CONSTRAINT fk_digest_attempts_delivery FOREIGN KEY (delivery_id) REFERENCES digest_deliveries (id) ON DELETE CASCADE;
GO

-- The area a place lies in is a place (SQLite has had this foreign key since 0003). A parent that no
-- longer exists (nothing held it before) becomes no parent, or the constraint could not be made.
UPDATE places SET parent_id = NULL
WHERE parent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM places AS area WHERE area.id = places.parent_id);
ALTER TABLE places ADD CONSTRAINT fk_places_parent FOREIGN KEY (parent_id) REFERENCES places (id);
GO

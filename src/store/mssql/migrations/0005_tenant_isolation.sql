-- Isolation by construction (SQL Server, T-SQL). See 0001 for the conventions; the SQLite twin has the same meaning.
-- Reports already carry tenant and conversation. Now places (with their aliases), coordinators, user
-- profiles and the new memberships belong to a tenant too, and reports record whether the reporter's
-- organisation was confirmed. Every existing row is kept and gets the tenant it was created in:
--
-- * places: the tenant of the earliest incident, activity or hot spot at the place (by created_at, then
--   tenant id). Tenants that reach a place only through a place inside it (an area) come after tenants
--   with reports at the place itself. A place used by several tenants is split: the first tenant keeps
--   the row; each other tenant gets a copy with id RIGHT(old id, 27) + '~' + LEFT(tenant, 8): the old
--   id's last 27 characters (a UUID's random tail; ids that share a prefix still differ) and the
--   tenant's first eight, at most 36 characters, the id width. Tenant ids are Azure AD GUIDs, so eight
--   characters tell the tenants of one place apart; should two clash, the copy's insert fails and the
--   whole migration rolls back. The tenant's reports and hot spot move to the copy and the aliases are
--   copied.
--   A place nobody refers to goes to the only tenant in conversations if there is exactly one, else to
--   the tenant seen first in conversations (installed_at) or user_profiles (updated_at), else to ''
--   (a tenant nobody has: the place is kept but no tenant sees it).
--   A parent that is not the place's tenant's becomes that tenant's copy of the parent, or none.
-- * place names are unique per tenant, and so are alias keys.
-- * coordinators: the tenant of each audit_log 'coordinator.added' row naming the user (one row per
--   such tenant), else the tenant of the user's profile; a coordinator with neither is dropped (the
--   configuration still names coordinators).
-- * user_profiles: the key becomes (tenant_id, user_id); the rows keep their tenant.
-- * memberships: a profile whose organisation a coordinator set (latest audit_log 'organisation.changed'
--   of the tenant naming the user, whose detail is that organisation) is a confirmed membership.
-- * incidents and activities get organisation_confirmed = 0: they were claimed, never confirmed.
-- * reference numbers (H-/A-<year>-NNNN) are counted per tenant, and a ref is unique per tenant: a
--   tenant's numbers no longer tell it how many reports other tenants made. Every tenant that has
--   reports (or had: the audit trail) continues from the shared counter, so that no number a tenant
--   has seen is handed out again; other tenants start at 1.
--
-- The m0005_ tables are scratch tables, dropped at the end. A column added by ALTER TABLE is used
-- only in a later batch (SQL Server compiles a batch before it runs it).

ALTER TABLE incidents ADD organisation_confirmed BIT NULL;
ALTER TABLE activities ADD organisation_confirmed BIT NULL;
ALTER TABLE places ADD tenant_id NVARCHAR(100) NULL;
ALTER TABLE place_aliases ADD tenant_id NVARCHAR(100) NULL;
ALTER TABLE coordinators ADD tenant_id NVARCHAR(100) NULL;
ALTER TABLE reference_counters ADD tenant_id NVARCHAR(100) NULL;
GO

UPDATE incidents SET organisation_confirmed = 0;
ALTER TABLE incidents ALTER COLUMN organisation_confirmed BIT NOT NULL;
ALTER TABLE incidents ADD CONSTRAINT df_incidents_organisation_confirmed DEFAULT 0 FOR organisation_confirmed;
UPDATE activities SET organisation_confirmed = 0;
ALTER TABLE activities ALTER COLUMN organisation_confirmed BIT NOT NULL;
ALTER TABLE activities ADD CONSTRAINT df_activities_organisation_confirmed DEFAULT 0 FOR organisation_confirmed;
GO

-- Who refers to each place and when: reports and hot spots at it (direct = 1), and the same at the
-- places inside it (direct = 0, one level: an area belongs to the tenants whose places are in it).
CREATE TABLE m0005_place_refs (
  place_id  NVARCHAR(36)  NOT NULL,
  tenant_id NVARCHAR(100) NOT NULL,
  direct    INT           NOT NULL,
  at        DATETIME2(3)  NOT NULL
);

-- One row per (place, tenant): rank_no 1 keeps the place's row, the others get a copy with new_id.
CREATE TABLE m0005_place_tenants (
  place_id  NVARCHAR(36)  NOT NULL,
  tenant_id NVARCHAR(100) NOT NULL,
  rank_no   INT           NOT NULL,
  new_id    NVARCHAR(36)  NULL,
  CONSTRAINT pk_m0005_place_tenants PRIMARY KEY (place_id, tenant_id)
);

-- The tenant of places nobody refers to.
CREATE TABLE m0005_fallback (
  tenant_id NVARCHAR(100) NOT NULL
);
GO

INSERT INTO m0005_place_refs (place_id, tenant_id, direct, at)
SELECT place_id, tenant_id, 1, created_at FROM incidents;

INSERT INTO m0005_place_refs (place_id, tenant_id, direct, at)
SELECT place_id, tenant_id, 1, created_at FROM activities WHERE place_id IS NOT NULL;

INSERT INTO m0005_place_refs (place_id, tenant_id, direct, at)
SELECT place_id, tenant_id, 1, created_at FROM hotspots;

INSERT INTO m0005_place_refs (place_id, tenant_id, direct, at)
SELECT c.parent_id, r.tenant_id, 0, r.at
FROM places AS c INNER JOIN m0005_place_refs AS r ON r.place_id = c.id
WHERE c.parent_id IS NOT NULL AND r.direct = 1;
GO

INSERT INTO m0005_place_tenants (place_id, tenant_id, rank_no)
SELECT r.place_id, r.tenant_id,
  ROW_NUMBER() OVER (PARTITION BY r.place_id ORDER BY r.has_direct DESC, r.first_direct_at, r.first_at, r.tenant_id)
FROM (
  SELECT place_id, tenant_id, MAX(direct) AS has_direct, MIN(CASE WHEN direct = 1 THEN at END) AS first_direct_at, MIN(at) AS first_at
  FROM m0005_place_refs
  GROUP BY place_id, tenant_id
) AS r;

INSERT INTO m0005_fallback (tenant_id)
SELECT COALESCE(
  (SELECT MIN(tenant_id) FROM conversations HAVING COUNT(DISTINCT tenant_id) = 1),
  (SELECT TOP (1) s.tenant_id FROM (
     SELECT tenant_id, installed_at AS at FROM conversations
     UNION ALL
     SELECT tenant_id, updated_at AS at FROM user_profiles
   ) AS s ORDER BY s.at, s.tenant_id),
  N'');

INSERT INTO m0005_place_tenants (place_id, tenant_id, rank_no)
SELECT p.id, f.tenant_id, 1
FROM places AS p CROSS JOIN m0005_fallback AS f
WHERE NOT EXISTS (SELECT 1 FROM m0005_place_tenants AS t WHERE t.place_id = p.id);

UPDATE m0005_place_tenants
SET new_id = CASE WHEN rank_no = 1 THEN place_id ELSE RIGHT(place_id, 27) + N'~' + LEFT(tenant_id, 8) END;
GO

-- places: the first tenant keeps the row, the others get copies; then a name key unique per tenant.
ALTER TABLE places DROP CONSTRAINT uq_places_name_key;
GO

UPDATE places
SET tenant_id = (SELECT t.tenant_id FROM m0005_place_tenants AS t WHERE t.place_id = places.id AND t.rank_no = 1);

INSERT INTO places (id, tenant_id, name, name_key, created_at, kind, lat, lon, parent_id)
SELECT t.new_id, t.tenant_id, p.name, p.name_key, p.created_at, p.kind, p.lat, p.lon, p.parent_id
FROM places AS p INNER JOIN m0005_place_tenants AS t ON t.place_id = p.id
WHERE t.rank_no > 1;

-- A parent is the tenant's own row of the parent place (itself or its copy), or none.
UPDATE places
SET parent_id = (
  SELECT t.new_id FROM m0005_place_tenants AS t
  WHERE t.place_id = places.parent_id AND t.tenant_id = places.tenant_id
)
WHERE parent_id IS NOT NULL;

ALTER TABLE places ALTER COLUMN tenant_id NVARCHAR(100) NOT NULL;
GO

ALTER TABLE places ADD CONSTRAINT uq_places_tenant_name_key UNIQUE (tenant_id, name_key);
GO

-- place_aliases: each tenant's place (and copy) keeps the place's aliases; key (tenant_id, alias_key).
ALTER TABLE place_aliases DROP CONSTRAINT pk_place_aliases;
GO

UPDATE place_aliases
SET tenant_id = (SELECT t.tenant_id FROM m0005_place_tenants AS t WHERE t.place_id = place_aliases.place_id AND t.rank_no = 1);

INSERT INTO place_aliases (tenant_id, alias_key, alias, place_id)
SELECT t.tenant_id, a.alias_key, a.alias, t.new_id
FROM place_aliases AS a INNER JOIN m0005_place_tenants AS t ON t.place_id = a.place_id
WHERE t.rank_no > 1;

ALTER TABLE place_aliases ALTER COLUMN tenant_id NVARCHAR(100) NOT NULL;
GO

ALTER TABLE place_aliases ADD CONSTRAINT pk_place_aliases PRIMARY KEY (tenant_id, alias_key);
GO

-- Reports and hot spots of the other tenants move to their tenant's copy.
UPDATE incidents
SET place_id = (SELECT t.new_id FROM m0005_place_tenants AS t WHERE t.place_id = incidents.place_id AND t.tenant_id = incidents.tenant_id)
WHERE EXISTS (SELECT 1 FROM m0005_place_tenants AS t WHERE t.place_id = incidents.place_id AND t.tenant_id = incidents.tenant_id AND t.rank_no > 1);

UPDATE activities
SET place_id = (SELECT t.new_id FROM m0005_place_tenants AS t WHERE t.place_id = activities.place_id AND t.tenant_id = activities.tenant_id)
WHERE EXISTS (SELECT 1 FROM m0005_place_tenants AS t WHERE t.place_id = activities.place_id AND t.tenant_id = activities.tenant_id AND t.rank_no > 1);

UPDATE hotspots
SET place_id = (SELECT t.new_id FROM m0005_place_tenants AS t WHERE t.place_id = hotspots.place_id AND t.tenant_id = hotspots.tenant_id)
WHERE EXISTS (SELECT 1 FROM m0005_place_tenants AS t WHERE t.place_id = hotspots.place_id AND t.tenant_id = hotspots.tenant_id AND t.rank_no > 1);
GO

-- A ref is unique per tenant.
ALTER TABLE incidents DROP CONSTRAINT uq_incidents_ref;
ALTER TABLE incidents ADD CONSTRAINT uq_incidents_tenant_ref UNIQUE (tenant_id, ref);
ALTER TABLE activities DROP CONSTRAINT uq_activities_ref;
ALTER TABLE activities ADD CONSTRAINT uq_activities_tenant_ref UNIQUE (tenant_id, ref);
GO

-- reference_counters: each tenant that has or had reports starts from the shared counter; key (tenant_id, kind, year).
ALTER TABLE reference_counters DROP CONSTRAINT pk_reference_counters;
GO

INSERT INTO reference_counters (tenant_id, kind, year, value)
SELECT t.tenant_id, c.kind, c.year, c.value
FROM reference_counters AS c
CROSS JOIN (
  SELECT tenant_id FROM incidents
  UNION
  SELECT tenant_id FROM activities
  UNION
  SELECT tenant_id FROM audit_log WHERE entity_kind IN (N'incident', N'activity')
) AS t
WHERE c.tenant_id IS NULL;

DELETE FROM reference_counters WHERE tenant_id IS NULL;

ALTER TABLE reference_counters ALTER COLUMN tenant_id NVARCHAR(100) NOT NULL;
GO

ALTER TABLE reference_counters ADD CONSTRAINT pk_reference_counters PRIMARY KEY (tenant_id, kind, year);
GO

-- coordinators: one row per tenant that added the user, else the profile's tenant; key (tenant_id, user_id).
ALTER TABLE coordinators DROP CONSTRAINT pk_coordinators;
GO

INSERT INTO coordinators (tenant_id, user_id, added_by, added_at)
SELECT DISTINCT a.tenant_id, c.user_id, c.added_by, c.added_at
FROM coordinators AS c INNER JOIN audit_log AS a ON a.action = N'coordinator.added' AND a.entity_id = c.user_id
WHERE c.tenant_id IS NULL;

UPDATE coordinators
SET tenant_id = (SELECT p.tenant_id FROM user_profiles AS p WHERE p.user_id = coordinators.user_id)
WHERE tenant_id IS NULL
  AND NOT EXISTS (SELECT 1 FROM audit_log AS a WHERE a.action = N'coordinator.added' AND a.entity_id = coordinators.user_id);

DELETE FROM coordinators WHERE tenant_id IS NULL;

ALTER TABLE coordinators ALTER COLUMN tenant_id NVARCHAR(100) NOT NULL;
GO

ALTER TABLE coordinators ADD CONSTRAINT pk_coordinators PRIMARY KEY (tenant_id, user_id);
GO

-- user_profiles: key (tenant_id, user_id).
ALTER TABLE user_profiles DROP CONSTRAINT pk_user_profiles;
ALTER TABLE user_profiles ADD CONSTRAINT pk_user_profiles PRIMARY KEY (tenant_id, user_id);
DROP INDEX ix_user_profiles_chat_user ON user_profiles;
CREATE INDEX ix_user_profiles_chat_user ON user_profiles (tenant_id, chat_user_id);
GO

-- Confirmed memberships: by a coordinator ('organisation …') or by the tenant's e-mail domains.
CREATE TABLE memberships (
  tenant_id    NVARCHAR(100) NOT NULL,
  user_id      NVARCHAR(200) NOT NULL,
  organisation NVARCHAR(40)  NOT NULL,
  source       NVARCHAR(20)  NOT NULL,
  confirmed_by NVARCHAR(200) NOT NULL,
  confirmed_at DATETIME2(3)  NOT NULL,
  CONSTRAINT pk_memberships PRIMARY KEY (tenant_id, user_id),
  CONSTRAINT ck_memberships_source CHECK (source IN (N'coordinator', N'domain'))
);
GO

INSERT INTO memberships (tenant_id, user_id, organisation, source, confirmed_by, confirmed_at)
SELECT p.tenant_id, p.user_id, p.organisation, N'coordinator', a.actor_id, a.at
FROM user_profiles AS p
INNER JOIN audit_log AS a ON a.tenant_id = p.tenant_id AND a.action = N'organisation.changed' AND a.entity_id = p.user_id
WHERE NOT EXISTS (
    SELECT 1 FROM audit_log AS b
    WHERE b.tenant_id = a.tenant_id AND b.action = a.action AND b.entity_id = a.entity_id AND (b.at > a.at OR (b.at = a.at AND b.id > a.id))
  )
  AND (a.detail IS NULL OR a.detail = p.organisation);
GO

DROP TABLE m0005_place_refs;
DROP TABLE m0005_place_tenants;
DROP TABLE m0005_fallback;
GO

-- Indexes that lead with the tenant, for the reads that now filter by it.
DROP INDEX ix_incidents_conversation_created ON incidents;
DROP INDEX ix_activities_conversation_created ON activities;
DROP INDEX ix_digest_exports_conversation_created ON digest_exports;
CREATE INDEX ix_incidents_tenant_conversation_created ON incidents (tenant_id, conversation_id, created_at);
CREATE INDEX ix_incidents_tenant_reporter_created ON incidents (tenant_id, reporter_id, created_at);
CREATE INDEX ix_incidents_tenant_occurred ON incidents (tenant_id, occurred_at);
CREATE INDEX ix_activities_tenant_conversation_created ON activities (tenant_id, conversation_id, created_at);
CREATE INDEX ix_activities_tenant_reporter_created ON activities (tenant_id, reporter_id, created_at);
CREATE INDEX ix_hotspots_tenant_state ON hotspots (tenant_id, state);
CREATE INDEX ix_digest_exports_tenant_conversation_created ON digest_exports (tenant_id, conversation_id, created_at);
GO

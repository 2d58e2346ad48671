-- Isolation by construction (SQLite). See 0001 for the conventions; the SQL Server twin has the same meaning.
-- Reports already carry tenant and conversation. Now places (with their aliases), coordinators, user
-- profiles and the new memberships belong to a tenant too, and reports record whether the reporter's
-- organisation was confirmed. Every existing row is kept and gets the tenant it was created in:
--
-- * places: the tenant of the earliest incident, activity or hot spot at the place (by created_at, then
--   tenant id). Tenants that reach a place only through a place inside it (an area) come after tenants
--   with reports at the place itself. A place used by several tenants is split: the first tenant keeps
--   the row; each other tenant gets a copy with id substr(old id, -27) || '~' || substr(tenant, 1, 8):
--   the old id's last 27 characters (a UUID's random tail; ids that share a prefix still differ) and
--   the tenant's first eight, at most 36 characters, the SQL Server id width. Tenant ids are Azure AD
--   GUIDs, so eight characters tell the tenants of one place apart; should two clash, the copy's insert
--   fails and the whole migration rolls back. The tenant's reports and hot spot move to the copy and
--   the aliases are copied.
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
-- The migrator runs this with foreign keys off (a table that others refer to is rebuilt) and checks
-- every reference before it commits. The m0005_ tables are scratch tables, dropped at the end.

-- Who refers to each place and when: reports and hot spots at it (direct = 1), and the same at the
-- places inside it (direct = 0, one level: an area belongs to the tenants whose places are in it).
CREATE TABLE m0005_place_refs (
  place_id  TEXT NOT NULL,
  tenant_id TEXT NOT NULL,
  direct    INTEGER NOT NULL,
  at        TEXT NOT NULL
) STRICT;

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

-- One row per (place, tenant): rank_no 1 keeps the place's row, the others get a copy with new_id.
CREATE TABLE m0005_place_tenants (
  place_id  TEXT NOT NULL,
  tenant_id TEXT NOT NULL,
  rank_no   INTEGER NOT NULL,
  new_id    TEXT,
  PRIMARY KEY (place_id, tenant_id)
) STRICT, WITHOUT ROWID;

INSERT INTO m0005_place_tenants (place_id, tenant_id, rank_no)
SELECT r.place_id, r.tenant_id,
  ROW_NUMBER() OVER (PARTITION BY r.place_id ORDER BY r.has_direct DESC, r.first_direct_at, r.first_at, r.tenant_id)
FROM (
  SELECT place_id, tenant_id, MAX(direct) AS has_direct, MIN(CASE WHEN direct = 1 THEN at END) AS first_direct_at, MIN(at) AS first_at
  FROM m0005_place_refs
  GROUP BY place_id, tenant_id
) AS r;

-- The tenant of places nobody refers to.
CREATE TABLE m0005_fallback (
  tenant_id TEXT NOT NULL
) STRICT;

INSERT INTO m0005_fallback (tenant_id)
SELECT COALESCE(
  (SELECT MIN(tenant_id) FROM conversations HAVING COUNT(DISTINCT tenant_id) = 1),
  (SELECT s.tenant_id FROM (
     SELECT tenant_id, installed_at AS at FROM conversations
     UNION ALL
     SELECT tenant_id, updated_at AS at FROM user_profiles
   ) AS s ORDER BY s.at, s.tenant_id LIMIT 1),
  '');

INSERT INTO m0005_place_tenants (place_id, tenant_id, rank_no)
SELECT p.id, f.tenant_id, 1
FROM places AS p CROSS JOIN m0005_fallback AS f
WHERE NOT EXISTS (SELECT 1 FROM m0005_place_tenants AS t WHERE t.place_id = p.id);

UPDATE m0005_place_tenants
SET new_id = CASE WHEN rank_no = 1 THEN place_id ELSE substr(place_id, -27) || '~' || substr(tenant_id, 1, 8) END;

-- places, rebuilt: tenant_id, and a name key unique per tenant instead of unique overall.
CREATE TABLE places_new (
  id         TEXT NOT NULL PRIMARY KEY,
  tenant_id  TEXT NOT NULL,
  name       TEXT NOT NULL,
  name_key   TEXT NOT NULL,
  created_at TEXT NOT NULL,
  kind       TEXT NOT NULL DEFAULT 'annat',
  lat        REAL,
  lon        REAL,
  parent_id  TEXT REFERENCES places (id),
  UNIQUE (tenant_id, name_key)
) STRICT;

INSERT INTO places_new (id, tenant_id, name, name_key, created_at, kind, lat, lon, parent_id)
SELECT t.new_id, t.tenant_id, p.name, p.name_key, p.created_at, p.kind, p.lat, p.lon, p.parent_id
FROM places AS p INNER JOIN m0005_place_tenants AS t ON t.place_id = p.id;

-- A parent is the tenant's own row of the parent place (itself or its copy), or none.
UPDATE places_new
SET parent_id = (
  SELECT t.new_id FROM m0005_place_tenants AS t
  WHERE t.place_id = places_new.parent_id AND t.tenant_id = places_new.tenant_id
)
WHERE parent_id IS NOT NULL;

-- place_aliases, rebuilt: each tenant's place (and copy) keeps the place's aliases.
CREATE TABLE place_aliases_new (
  tenant_id TEXT NOT NULL,
  alias_key TEXT NOT NULL,
  alias     TEXT NOT NULL,
  place_id  TEXT NOT NULL REFERENCES places (id) ON DELETE CASCADE,
  PRIMARY KEY (tenant_id, alias_key)
) STRICT;

INSERT INTO place_aliases_new (tenant_id, alias_key, alias, place_id)
SELECT t.tenant_id, a.alias_key, a.alias, t.new_id
FROM place_aliases AS a INNER JOIN m0005_place_tenants AS t ON t.place_id = a.place_id;

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

DROP TABLE place_aliases;

DROP TABLE places;

ALTER TABLE places_new RENAME TO places;

ALTER TABLE place_aliases_new RENAME TO place_aliases;

CREATE INDEX ix_places_parent ON places (parent_id);

CREATE INDEX ix_place_aliases_place ON place_aliases (place_id);

-- incidents and activities, rebuilt: a ref unique per tenant, and organisation_confirmed (0 for every
-- existing report). Their indexes are created again below, the superseded ones dropped first.
DROP INDEX ix_incidents_conversation_created;

DROP INDEX ix_activities_conversation_created;

CREATE TABLE incidents_new (
  id                     TEXT NOT NULL PRIMARY KEY,
  ref                    TEXT NOT NULL,
  occurred_at            TEXT NOT NULL,
  place_id               TEXT NOT NULL REFERENCES places (id),
  place_name             TEXT NOT NULL,
  category               TEXT NOT NULL,
  description            TEXT NOT NULL,
  severity               TEXT NOT NULL,
  organisation           TEXT NOT NULL,
  school                 TEXT,
  youth_involved         INTEGER,
  police_report_number   TEXT,
  status                 TEXT NOT NULL,
  assignee_id            TEXT,
  assignee_name          TEXT,
  reporter_id            TEXT NOT NULL,
  reporter_name          TEXT NOT NULL,
  tenant_id              TEXT NOT NULL,
  conversation_id        TEXT NOT NULL,
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  version                INTEGER NOT NULL,
  anonymised_at          TEXT,
  organisation_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (organisation_confirmed IN (0, 1)),
  UNIQUE (tenant_id, ref)
) STRICT;

INSERT INTO incidents_new (id, ref, occurred_at, place_id, place_name, category, description, severity, organisation, school,
  youth_involved, police_report_number, status, assignee_id, assignee_name, reporter_id, reporter_name, tenant_id, conversation_id,
  created_at, updated_at, version, anonymised_at, organisation_confirmed)
SELECT id, ref, occurred_at, place_id, place_name, category, description, severity, organisation, school,
  youth_involved, police_report_number, status, assignee_id, assignee_name, reporter_id, reporter_name, tenant_id, conversation_id,
  created_at, updated_at, version, anonymised_at, 0
FROM incidents;

DROP TABLE incidents;

ALTER TABLE incidents_new RENAME TO incidents;

CREATE INDEX ix_incidents_occurred_at ON incidents (occurred_at);

CREATE INDEX ix_incidents_place ON incidents (place_id);

CREATE INDEX ix_incidents_conversation_occurred ON incidents (conversation_id, occurred_at);

CREATE INDEX ix_incidents_tenant_conversation_created ON incidents (tenant_id, conversation_id, created_at);

CREATE INDEX ix_incidents_tenant_reporter_created ON incidents (tenant_id, reporter_id, created_at);

CREATE INDEX ix_incidents_tenant_occurred ON incidents (tenant_id, occurred_at);

CREATE TABLE activities_new (
  id                     TEXT NOT NULL PRIMARY KEY,
  ref                    TEXT NOT NULL,
  type                   TEXT NOT NULL,
  activity_date          TEXT NOT NULL,
  place_id               TEXT REFERENCES places (id),
  place_name             TEXT,
  organisation           TEXT NOT NULL,
  notes                  TEXT NOT NULL,
  people_met             INTEGER,
  follow_up_date         TEXT,
  status                 TEXT NOT NULL,
  assignee_id            TEXT,
  assignee_name          TEXT,
  reporter_id            TEXT NOT NULL,
  reporter_name          TEXT NOT NULL,
  tenant_id              TEXT NOT NULL,
  conversation_id        TEXT NOT NULL,
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  version                INTEGER NOT NULL,
  anonymised_at          TEXT,
  organisation_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (organisation_confirmed IN (0, 1)),
  UNIQUE (tenant_id, ref)
) STRICT;

INSERT INTO activities_new (id, ref, type, activity_date, place_id, place_name, organisation, notes, people_met, follow_up_date,
  status, assignee_id, assignee_name, reporter_id, reporter_name, tenant_id, conversation_id, created_at, updated_at, version,
  anonymised_at, organisation_confirmed)
SELECT id, ref, type, activity_date, place_id, place_name, organisation, notes, people_met, follow_up_date,
  status, assignee_id, assignee_name, reporter_id, reporter_name, tenant_id, conversation_id, created_at, updated_at, version,
  anonymised_at, 0
FROM activities;

DROP TABLE activities;

ALTER TABLE activities_new RENAME TO activities;

CREATE INDEX ix_activities_activity_date ON activities (activity_date);

CREATE INDEX ix_activities_place ON activities (place_id);

CREATE INDEX ix_activities_conversation_date ON activities (conversation_id, activity_date);

CREATE INDEX ix_activities_conversation_follow_up ON activities (conversation_id, follow_up_date);

CREATE INDEX ix_activities_tenant_conversation_created ON activities (tenant_id, conversation_id, created_at);

CREATE INDEX ix_activities_tenant_reporter_created ON activities (tenant_id, reporter_id, created_at);

-- reference_counters, rebuilt with the key (tenant_id, kind, year): each tenant that has or had
-- reports starts from the shared counter.
CREATE TABLE reference_counters_new (
  tenant_id TEXT NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('H', 'A')),
  year      INTEGER NOT NULL,
  value     INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, kind, year)
) STRICT, WITHOUT ROWID;

INSERT INTO reference_counters_new (tenant_id, kind, year, value)
SELECT t.tenant_id, c.kind, c.year, c.value
FROM reference_counters AS c
CROSS JOIN (
  SELECT tenant_id FROM incidents
  UNION
  SELECT tenant_id FROM activities
  UNION
  SELECT tenant_id FROM audit_log WHERE entity_kind IN ('incident', 'activity')
) AS t;

DROP TABLE reference_counters;

ALTER TABLE reference_counters_new RENAME TO reference_counters;

-- coordinators, rebuilt with the key (tenant_id, user_id).
CREATE TABLE coordinators_new (
  tenant_id TEXT NOT NULL,
  user_id   TEXT NOT NULL,
  added_by  TEXT NOT NULL,
  added_at  TEXT NOT NULL,
  PRIMARY KEY (tenant_id, user_id)
) STRICT, WITHOUT ROWID;

INSERT INTO coordinators_new (tenant_id, user_id, added_by, added_at)
SELECT DISTINCT a.tenant_id, c.user_id, c.added_by, c.added_at
FROM coordinators AS c INNER JOIN audit_log AS a ON a.action = 'coordinator.added' AND a.entity_id = c.user_id;

INSERT INTO coordinators_new (tenant_id, user_id, added_by, added_at)
SELECT p.tenant_id, c.user_id, c.added_by, c.added_at
FROM coordinators AS c INNER JOIN user_profiles AS p ON p.user_id = c.user_id
WHERE NOT EXISTS (SELECT 1 FROM audit_log AS a WHERE a.action = 'coordinator.added' AND a.entity_id = c.user_id);

DROP TABLE coordinators;

ALTER TABLE coordinators_new RENAME TO coordinators;

-- user_profiles, rebuilt with the key (tenant_id, user_id).
CREATE TABLE user_profiles_new (
  tenant_id    TEXT NOT NULL,
  user_id      TEXT NOT NULL,
  organisation TEXT NOT NULL,
  school       TEXT,
  updated_at   TEXT NOT NULL,
  chat_user_id TEXT,
  display_name TEXT,
  PRIMARY KEY (tenant_id, user_id)
) STRICT, WITHOUT ROWID;

INSERT INTO user_profiles_new (tenant_id, user_id, organisation, school, updated_at, chat_user_id, display_name)
SELECT tenant_id, user_id, organisation, school, updated_at, chat_user_id, display_name FROM user_profiles;

DROP TABLE user_profiles;

ALTER TABLE user_profiles_new RENAME TO user_profiles;

CREATE INDEX ix_user_profiles_chat_user ON user_profiles (tenant_id, chat_user_id);

-- Confirmed memberships: by a coordinator ('organisation …') or by the tenant's e-mail domains.
CREATE TABLE memberships (
  tenant_id    TEXT NOT NULL,
  user_id      TEXT NOT NULL,
  organisation TEXT NOT NULL,
  source       TEXT NOT NULL CHECK (source IN ('coordinator', 'domain')),
  confirmed_by TEXT NOT NULL,
  confirmed_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, user_id)
) STRICT, WITHOUT ROWID;

INSERT INTO memberships (tenant_id, user_id, organisation, source, confirmed_by, confirmed_at)
SELECT p.tenant_id, p.user_id, p.organisation, 'coordinator', a.actor_id, a.at
FROM user_profiles AS p
INNER JOIN audit_log AS a ON a.tenant_id = p.tenant_id AND a.action = 'organisation.changed' AND a.entity_id = p.user_id
WHERE NOT EXISTS (
    SELECT 1 FROM audit_log AS b
    WHERE b.tenant_id = a.tenant_id AND b.action = a.action AND b.entity_id = a.entity_id AND (b.at > a.at OR (b.at = a.at AND b.id > a.id))
  )
  AND (a.detail IS NULL OR a.detail = p.organisation);

DROP TABLE m0005_place_refs;

DROP TABLE m0005_place_tenants;

DROP TABLE m0005_fallback;

-- Indexes that lead with the tenant, for the reads that now filter by it (incidents' and activities'
-- are created with their tables above).
CREATE INDEX ix_hotspots_tenant_state ON hotspots (tenant_id, state);

CREATE INDEX ix_digest_exports_tenant_conversation_created ON digest_exports (tenant_id, conversation_id, created_at);

DROP INDEX ix_digest_exports_conversation_created;

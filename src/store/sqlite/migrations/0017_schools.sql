-- The school register (issue 11): a tenant's schools, with stages, their place in the place register
-- and their SSPF contacts (skola, socialtjänst, polis, fritid) as Teams users. Reports and activities
-- tie to a school by id; the free-text incidents.school stays for the reports written before.

CREATE TABLE schools (
  id         TEXT NOT NULL PRIMARY KEY,
  tenant_id  TEXT NOT NULL,
  name       TEXT NOT NULL,
  -- schoolKey(name), folded as place names are: unique within the tenant.
  name_key   TEXT NOT NULL,
  -- The stages as codes, comma-separated in a fixed order: "f-6,7-9".
  stages     TEXT NOT NULL,
  place_id   TEXT REFERENCES places (id),
  version    INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CONSTRAINT uq_schools_tenant_name_key UNIQUE (tenant_id, name_key)
) STRICT;

CREATE INDEX ix_schools_place ON schools (place_id);

-- One row per contact; a user is a contact of a school once, in one role.
CREATE TABLE school_contacts (
  tenant_id    TEXT NOT NULL,
  school_id    TEXT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
  user_id      TEXT NOT NULL,
  display_name TEXT NOT NULL,
  role         TEXT NOT NULL,
  position     INTEGER NOT NULL,
  PRIMARY KEY (school_id, user_id)
) STRICT;

-- "The schools I am a contact of" (rights, and the mobilisation's call lists).
CREATE INDEX ix_school_contacts_tenant_user ON school_contacts (tenant_id, user_id);

-- Reports tie to a school of the register; incidents also record whether an orosanmälan (a report of
-- concern to social services) was made: yes, no, or not answered (NULL). Never who or what.
ALTER TABLE incidents ADD COLUMN school_id TEXT REFERENCES schools (id);
ALTER TABLE incidents ADD COLUMN concern_reported INTEGER;
ALTER TABLE activities ADD COLUMN school_id TEXT REFERENCES schools (id);
-- A trygghetsvandring's checklist: the finding codes ticked, comma-separated ("belysning,klotter").
ALTER TABLE activities ADD COLUMN walk_findings TEXT;

CREATE INDEX ix_incidents_tenant_school ON incidents (tenant_id, school_id, occurred_at);
CREATE INDEX ix_activities_tenant_school ON activities (tenant_id, school_id, activity_date);

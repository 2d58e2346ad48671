-- The school register (issue 11): a tenant's schools, with stages, their place in the place register
-- and their SSPF contacts (skola, socialtjänst, polis, fritid) as Teams users. Reports and activities
-- tie to a school by id; the free-text incidents.school stays for the reports written before.
-- Keys compared exactly use the binary collation (as 0012 made them); random UUID keys are nonclustered.

CREATE TABLE schools (
  id         NVARCHAR(36) COLLATE Latin1_General_100_BIN2  NOT NULL,
  tenant_id  NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
  name       NVARCHAR(200) NOT NULL,
  -- schoolKey(name), folded as place names are: unique within the tenant.
  name_key   NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
  -- The stages as codes, comma-separated in a fixed order: "f-6,7-9".
  stages     NVARCHAR(100) NOT NULL,
  place_id   NVARCHAR(36) COLLATE Latin1_General_100_BIN2  NULL,
  version    INT           NOT NULL,
  created_at DATETIME2(3)  NOT NULL,
  updated_at DATETIME2(3)  NOT NULL,
  CONSTRAINT pk_schools PRIMARY KEY NONCLUSTERED (id),
  CONSTRAINT uq_schools_tenant_name_key UNIQUE (tenant_id, name_key),
  CONSTRAINT fk_schools_place FOREIGN KEY (place_id) REFERENCES places (id)
);
GO

CREATE INDEX ix_schools_place ON schools (place_id);
GO

-- One row per contact; a user is a contact of a school once, in one role.
CREATE TABLE school_contacts (
  tenant_id    NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
  school_id    NVARCHAR(36) COLLATE Latin1_General_100_BIN2  NOT NULL,
  user_id      NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
  display_name NVARCHAR(256) NOT NULL,
  role         NVARCHAR(40)  NOT NULL,
  position     INT           NOT NULL,
  CONSTRAINT pk_school_contacts PRIMARY KEY NONCLUSTERED (school_id, user_id),
  CONSTRAINT fk_school_contacts_school FOREIGN KEY (school_id) REFERENCES schools (id) ON DELETE CASCADE
);
GO

-- "The schools I am a contact of" (rights, and the mobilisation's call lists).
CREATE INDEX ix_school_contacts_tenant_user ON school_contacts (tenant_id, user_id);
GO

-- Reports tie to a school of the register; incidents also record whether an orosanmälan (a report of
-- concern to social services) was made: yes, no, or not answered (NULL). Never who or what.
ALTER TABLE incidents ADD school_id NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE incidents ADD concern_reported BIT NULL;
ALTER TABLE activities ADD school_id NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NULL;
-- A trygghetsvandring's checklist: the finding codes ticked, comma-separated ("belysning,klotter").
ALTER TABLE activities ADD walk_findings NVARCHAR(200) NULL;
GO

ALTER TABLE incidents ADD CONSTRAINT fk_incidents_school FOREIGN KEY (school_id) REFERENCES schools (id);
ALTER TABLE activities ADD CONSTRAINT fk_activities_school FOREIGN KEY (school_id) REFERENCES schools (id);
GO

CREATE INDEX ix_incidents_tenant_school ON incidents (tenant_id, school_id, occurred_at);
CREATE INDEX ix_activities_tenant_school ON activities (tenant_id, school_id, activity_date);
GO

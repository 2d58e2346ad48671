-- Initial schema (SQLite).
-- Times are UTC ISO-8601 text written by the adapter (fixed width, so text order is time order);
-- calendar days are YYYY-MM-DD text. STRICT makes SQLite refuse a value of the wrong type.
-- The migrator runs each statement on its own: end every statement with ';' at the end of a line.

CREATE TABLE places (
  id         TEXT NOT NULL PRIMARY KEY,
  name       TEXT NOT NULL,
  name_key   TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE incidents (
  id                   TEXT NOT NULL PRIMARY KEY,
  ref                  TEXT NOT NULL UNIQUE,
  occurred_at          TEXT NOT NULL,
  place_id             TEXT NOT NULL REFERENCES places (id),
  place_name           TEXT NOT NULL,
  category             TEXT NOT NULL,
  description          TEXT NOT NULL,
  severity             TEXT NOT NULL,
  organisation         TEXT NOT NULL,
  school               TEXT,
  youth_involved       INTEGER,
  police_report_number TEXT,
  status               TEXT NOT NULL,
  assignee_id          TEXT,
  assignee_name        TEXT,
  reporter_id          TEXT NOT NULL,
  reporter_name        TEXT NOT NULL,
  tenant_id            TEXT NOT NULL,
  conversation_id      TEXT NOT NULL,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  version              INTEGER NOT NULL
) STRICT;

CREATE INDEX ix_incidents_conversation_created ON incidents (conversation_id, created_at);
CREATE INDEX ix_incidents_occurred_at ON incidents (occurred_at);
CREATE INDEX ix_incidents_place ON incidents (place_id);

CREATE TABLE activities (
  id              TEXT NOT NULL PRIMARY KEY,
  ref             TEXT NOT NULL UNIQUE,
  type            TEXT NOT NULL,
  activity_date   TEXT NOT NULL,
  place_id        TEXT REFERENCES places (id),
  place_name      TEXT,
  organisation    TEXT NOT NULL,
  notes           TEXT NOT NULL,
  people_met      INTEGER,
  follow_up_date  TEXT,
  status          TEXT NOT NULL,
  assignee_id     TEXT,
  assignee_name   TEXT,
  reporter_id     TEXT NOT NULL,
  reporter_name   TEXT NOT NULL,
  tenant_id       TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  version         INTEGER NOT NULL
) STRICT;

CREATE INDEX ix_activities_conversation_created ON activities (conversation_id, created_at);
CREATE INDEX ix_activities_activity_date ON activities (activity_date);
CREATE INDEX ix_activities_place ON activities (place_id);

-- position keeps the order the organisations were given in (a set: one row each).
CREATE TABLE activity_organisations (
  activity_id  TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  organisation TEXT NOT NULL,
  position     INTEGER NOT NULL,
  PRIMARY KEY (activity_id, organisation)
) STRICT, WITHOUT ROWID;

CREATE TABLE reference_counters (
  kind  TEXT NOT NULL CHECK (kind IN ('H', 'A')),
  year  INTEGER NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (kind, year)
) STRICT, WITHOUT ROWID;

CREATE TABLE conversations (
  conversation_id TEXT NOT NULL PRIMARY KEY,
  tenant_id       TEXT NOT NULL,
  scope           TEXT NOT NULL,
  team_id         TEXT,
  channel_id      TEXT,
  service_url     TEXT NOT NULL,
  reference_json  TEXT NOT NULL,
  installed_at    TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;

CREATE TABLE user_profiles (
  user_id      TEXT NOT NULL PRIMARY KEY,
  tenant_id    TEXT NOT NULL,
  organisation TEXT NOT NULL,
  school       TEXT,
  updated_at   TEXT NOT NULL
) STRICT;

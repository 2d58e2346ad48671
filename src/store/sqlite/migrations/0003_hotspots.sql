-- Hot spots and the place register (SQLite). See 0001 for the conventions.

-- The place register: a kind, optional coordinates and an optional parent area for every place.
ALTER TABLE places ADD COLUMN kind TEXT NOT NULL DEFAULT 'annat';
ALTER TABLE places ADD COLUMN lat REAL;
ALTER TABLE places ADD COLUMN lon REAL;
ALTER TABLE places ADD COLUMN parent_id TEXT REFERENCES places (id);

CREATE INDEX ix_places_parent ON places (parent_id);

-- Other names of a place ("torget" for "Stora torget"); an alias key names one place only.
CREATE TABLE place_aliases (
  alias_key TEXT NOT NULL PRIMARY KEY,
  alias     TEXT NOT NULL,
  place_id  TEXT NOT NULL REFERENCES places (id) ON DELETE CASCADE
) STRICT;

CREATE INDEX ix_place_aliases_place ON place_aliases (place_id);

-- One hot spot per place: closing keeps the row and its history, a new start reopens it.
CREATE TABLE hotspots (
  id                 TEXT NOT NULL PRIMARY KEY,
  place_id           TEXT NOT NULL UNIQUE REFERENCES places (id),
  state              TEXT NOT NULL,
  owner_organisation TEXT NOT NULL,
  owner_id           TEXT NOT NULL,
  owner_name         TEXT NOT NULL,
  created_by_id      TEXT NOT NULL,
  created_by_name    TEXT NOT NULL,
  tenant_id          TEXT NOT NULL,
  conversation_id    TEXT NOT NULL,
  analysis_who       TEXT,
  analysis_what      TEXT,
  analysis_when      TEXT,
  analysis_why       TEXT,
  follow_up_date     TEXT,
  follow_up_reminded TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  version            INTEGER NOT NULL
) STRICT;

CREATE TABLE hotspot_measures (
  id              TEXT NOT NULL PRIMARY KEY,
  hotspot_id      TEXT NOT NULL REFERENCES hotspots (id) ON DELETE CASCADE,
  what            TEXT NOT NULL,
  organisation    TEXT NOT NULL,
  due_date        TEXT,
  done_at         TEXT,
  reminded        INTEGER NOT NULL,
  created_by_id   TEXT NOT NULL,
  created_by_name TEXT NOT NULL,
  created_at      TEXT NOT NULL
) STRICT;

CREATE INDEX ix_hotspot_measures_hotspot ON hotspot_measures (hotspot_id);

-- Hot spots and the place register (SQL Server, T-SQL). See 0001 for the conventions.

-- The place register: a kind, optional coordinates and an optional parent area for every place.
ALTER TABLE places ADD kind NVARCHAR(40) NOT NULL DEFAULT N'annat';
ALTER TABLE places ADD lat FLOAT NULL;
ALTER TABLE places ADD lon FLOAT NULL;
ALTER TABLE places ADD parent_id NVARCHAR(36) NULL;
GO

CREATE INDEX ix_places_parent ON places (parent_id);
GO

-- Other names of a place ("torget" for "Stora torget"); an alias key names one place only.
CREATE TABLE place_aliases (
  alias_key NVARCHAR(200) NOT NULL,
  alias     NVARCHAR(200) NOT NULL,
  place_id  NVARCHAR(36)  NOT NULL,
  CONSTRAINT pk_place_aliases PRIMARY KEY (alias_key),
  CONSTRAINT fk_place_aliases_place FOREIGN KEY (place_id) REFERENCES places (id) ON DELETE CASCADE
);
CREATE INDEX ix_place_aliases_place ON place_aliases (place_id);
GO

-- One hot spot per place: closing keeps the row and its history, a new start reopens it.
CREATE TABLE hotspots (
  id                 NVARCHAR(36)   NOT NULL,
  place_id           NVARCHAR(36)   NOT NULL,
  state              NVARCHAR(40)   NOT NULL,
  owner_organisation NVARCHAR(40)   NOT NULL,
  owner_id           NVARCHAR(200)  NOT NULL,
  owner_name         NVARCHAR(200)  NOT NULL,
  created_by_id      NVARCHAR(200)  NOT NULL,
  created_by_name    NVARCHAR(200)  NOT NULL,
  tenant_id          NVARCHAR(100)  NOT NULL,
  conversation_id    NVARCHAR(400)  NOT NULL,
  analysis_who       NVARCHAR(2000) NULL,
  analysis_what      NVARCHAR(2000) NULL,
  analysis_when      NVARCHAR(2000) NULL,
  analysis_why       NVARCHAR(2000) NULL,
  follow_up_date     DATE           NULL,
  follow_up_reminded DATE           NULL,
  created_at         DATETIME2(3)   NOT NULL,
  updated_at         DATETIME2(3)   NOT NULL,
  version            INT            NOT NULL,
  CONSTRAINT pk_hotspots PRIMARY KEY (id),
  CONSTRAINT uq_hotspots_place UNIQUE (place_id),
  CONSTRAINT fk_hotspots_place FOREIGN KEY (place_id) REFERENCES places (id)
);
GO

CREATE TABLE hotspot_measures (
  id              NVARCHAR(36)   NOT NULL,
  hotspot_id      NVARCHAR(36)   NOT NULL,
  what            NVARCHAR(2000) NOT NULL,
  organisation    NVARCHAR(40)   NOT NULL,
  due_date        DATE           NULL,
  done_at         DATETIME2(3)   NULL,
  reminded        INT            NOT NULL,
  created_by_id   NVARCHAR(200)  NOT NULL,
  created_by_name NVARCHAR(200)  NOT NULL,
  created_at      DATETIME2(3)   NOT NULL,
  CONSTRAINT pk_hotspot_measures PRIMARY KEY (id),
  CONSTRAINT fk_hotspot_measures_hotspot FOREIGN KEY (hotspot_id) REFERENCES hotspots (id) ON DELETE CASCADE
);
CREATE INDEX ix_hotspot_measures_hotspot ON hotspot_measures (hotspot_id);
GO

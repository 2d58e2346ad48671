-- Initial schema (SQL Server, T-SQL). Batches are separated by lines holding only GO.
-- Every string is NVARCHAR (Swedish text), ids included, so that parameters, which are sent as
-- NVARCHAR, compare with the column without an implicit conversion. Times are DATETIME2(3) in UTC.
-- Constraints are named at table level so that a later migration can drop them by name.

CREATE TABLE places (
  id         NVARCHAR(36)  NOT NULL,
  name       NVARCHAR(200) NOT NULL,
  name_key   NVARCHAR(200) NOT NULL,
  created_at DATETIME2(3)  NOT NULL,
  CONSTRAINT pk_places PRIMARY KEY (id),
  CONSTRAINT uq_places_name_key UNIQUE (name_key)
);
GO

CREATE TABLE incidents (
  id                   NVARCHAR(36)   NOT NULL,
  ref                  NVARCHAR(20)   NOT NULL,
  occurred_at          DATETIME2(3)   NOT NULL,
  place_id             NVARCHAR(36)   NOT NULL,
  place_name           NVARCHAR(200)  NOT NULL,
  category             NVARCHAR(40)   NOT NULL,
  description          NVARCHAR(2000) NOT NULL,
  severity             NVARCHAR(40)   NOT NULL,
  organisation         NVARCHAR(40)   NOT NULL,
  school               NVARCHAR(200)  NULL,
  youth_involved       INT            NULL,
  police_report_number NVARCHAR(100)  NULL,
  status               NVARCHAR(40)   NOT NULL,
  assignee_id          NVARCHAR(200)  NULL,
  assignee_name        NVARCHAR(200)  NULL,
  reporter_id          NVARCHAR(200)  NOT NULL,
  reporter_name        NVARCHAR(200)  NOT NULL,
  tenant_id            NVARCHAR(100)  NOT NULL,
  conversation_id      NVARCHAR(400)  NOT NULL,
  created_at           DATETIME2(3)   NOT NULL,
  updated_at           DATETIME2(3)   NOT NULL,
  version              INT            NOT NULL,
  CONSTRAINT pk_incidents PRIMARY KEY (id),
  CONSTRAINT uq_incidents_ref UNIQUE (ref),
  CONSTRAINT fk_incidents_place FOREIGN KEY (place_id) REFERENCES places (id)
);
CREATE INDEX ix_incidents_conversation_created ON incidents (conversation_id, created_at);
CREATE INDEX ix_incidents_occurred_at ON incidents (occurred_at);
CREATE INDEX ix_incidents_place ON incidents (place_id);
GO

CREATE TABLE activities (
  id              NVARCHAR(36)   NOT NULL,
  ref             NVARCHAR(20)   NOT NULL,
  type            NVARCHAR(40)   NOT NULL,
  activity_date   DATE           NOT NULL,
  place_id        NVARCHAR(36)   NULL,
  place_name      NVARCHAR(200)  NULL,
  organisation    NVARCHAR(40)   NOT NULL,
  notes           NVARCHAR(2000) NOT NULL,
  people_met      INT            NULL,
  follow_up_date  DATE           NULL,
  status          NVARCHAR(40)   NOT NULL,
  assignee_id     NVARCHAR(200)  NULL,
  assignee_name   NVARCHAR(200)  NULL,
  reporter_id     NVARCHAR(200)  NOT NULL,
  reporter_name   NVARCHAR(200)  NOT NULL,
  tenant_id       NVARCHAR(100)  NOT NULL,
  conversation_id NVARCHAR(400)  NOT NULL,
  created_at      DATETIME2(3)   NOT NULL,
  updated_at      DATETIME2(3)   NOT NULL,
  version         INT            NOT NULL,
  CONSTRAINT pk_activities PRIMARY KEY (id),
  CONSTRAINT uq_activities_ref UNIQUE (ref),
  CONSTRAINT fk_activities_place FOREIGN KEY (place_id) REFERENCES places (id)
);
CREATE INDEX ix_activities_conversation_created ON activities (conversation_id, created_at);
CREATE INDEX ix_activities_activity_date ON activities (activity_date);
CREATE INDEX ix_activities_place ON activities (place_id);
GO

-- position keeps the order the organisations were given in (a set: one row each).
CREATE TABLE activity_organisations (
  activity_id  NVARCHAR(36) NOT NULL,
  organisation NVARCHAR(40) NOT NULL,
  position     INT          NOT NULL,
  CONSTRAINT pk_activity_organisations PRIMARY KEY (activity_id, organisation),
  CONSTRAINT fk_activity_organisations_activity FOREIGN KEY (activity_id) REFERENCES activities (id) ON DELETE CASCADE
);
GO

CREATE TABLE reference_counters (
  kind  NCHAR(1) NOT NULL,
  year  INT      NOT NULL,
  value INT      NOT NULL,
  CONSTRAINT pk_reference_counters PRIMARY KEY (kind, year),
  CONSTRAINT ck_reference_counters_kind CHECK (kind IN (N'H', N'A'))
);
GO

CREATE TABLE conversations (
  conversation_id NVARCHAR(400) NOT NULL,
  tenant_id       NVARCHAR(100) NOT NULL,
  scope           NVARCHAR(40)  NOT NULL,
  team_id         NVARCHAR(400) NULL,
  channel_id      NVARCHAR(400) NULL,
  service_url     NVARCHAR(400) NOT NULL,
  reference_json  NVARCHAR(MAX) NOT NULL,
  installed_at    DATETIME2(3)  NOT NULL,
  updated_at      DATETIME2(3)  NOT NULL,
  CONSTRAINT pk_conversations PRIMARY KEY (conversation_id)
);
GO

CREATE TABLE user_profiles (
  user_id      NVARCHAR(200) NOT NULL,
  tenant_id    NVARCHAR(100) NOT NULL,
  organisation NVARCHAR(40)  NOT NULL,
  school       NVARCHAR(200) NULL,
  updated_at   DATETIME2(3)  NOT NULL,
  CONSTRAINT pk_user_profiles PRIMARY KEY (user_id)
);
GO

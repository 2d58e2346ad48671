-- The EST week (issue 12): rapportörer per organisation, each conversation's weekly meeting, "inget att
-- rapportera", the nudges sent before the meeting, areas' weekly assessments and priority areas per
-- tertial. An area is a place of the register (its parent areas); no foreign key to places, since a
-- merge of places removes one and these rows are history (a removed area is left out when read).
-- Ids in the binary collation (0016). A key that leads with conversation_id (up to 800 bytes) stays
-- under the 900 bytes of a clustered key, or is nonclustered (est_nudges).

CREATE TABLE est_reporters (
  tenant_id    NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
  user_id      NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
  organisation NVARCHAR(40)  NOT NULL,
  display_name NVARCHAR(256) NOT NULL,
  chat_user_id NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NULL,
  added_by     NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
  added_at     DATETIME2(3)  NOT NULL,
  CONSTRAINT pk_est_reporters PRIMARY KEY (tenant_id, user_id)
);
GO

CREATE INDEX ix_est_reporters_organisation ON est_reporters (tenant_id, organisation);
GO

CREATE TABLE est_meetings (
  conversation_id NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
  tenant_id       NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
  weekday         INT           NOT NULL,
  time_of_day     NVARCHAR(5)   NOT NULL,
  nudge_time      NVARCHAR(5)   NOT NULL,
  updated_by      NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
  updated_at      DATETIME2(3)  NOT NULL,
  CONSTRAINT pk_est_meetings PRIMARY KEY (conversation_id),
  CONSTRAINT ck_est_meetings_weekday CHECK (weekday BETWEEN 1 AND 7)
);
GO

CREATE TABLE est_nothing_to_report (
  conversation_id NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
  meeting_day     DATE          NOT NULL,
  organisation    NVARCHAR(40)  NOT NULL,
  tenant_id       NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
  marked_by       NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
  marked_at       DATETIME2(3)  NOT NULL,
  CONSTRAINT pk_est_nothing_to_report PRIMARY KEY (conversation_id, meeting_day, organisation)
);
GO

CREATE TABLE est_nudges (
  conversation_id NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
  meeting_day     DATE          NOT NULL,
  user_id         NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
  tenant_id       NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
  claimed_at      DATETIME2(3)  NOT NULL,
  sent_at         DATETIME2(3)  NULL,
  CONSTRAINT pk_est_nudges PRIMARY KEY NONCLUSTERED (conversation_id, meeting_day, user_id)
);
GO

CREATE TABLE area_assessments (
  conversation_id NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
  area_id         NVARCHAR(36)  COLLATE Latin1_General_100_BIN2 NOT NULL,
  week_start      DATE          NOT NULL,
  tenant_id       NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
  level           INT           NOT NULL,
  reason          NVARCHAR(200) NOT NULL,
  set_by          NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
  set_at          DATETIME2(3)  NOT NULL,
  CONSTRAINT pk_area_assessments PRIMARY KEY (conversation_id, area_id, week_start),
  CONSTRAINT ck_area_assessments_level CHECK (level BETWEEN 1 AND 3)
);
GO

CREATE TABLE priority_areas (
  conversation_id NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
  tertial         NVARCHAR(7)   COLLATE Latin1_General_100_BIN2 NOT NULL,
  area_id         NVARCHAR(36)  COLLATE Latin1_General_100_BIN2 NOT NULL,
  tenant_id       NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
  position        INT           NOT NULL,
  chosen_by       NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
  chosen_at       DATETIME2(3)  NOT NULL,
  CONSTRAINT pk_priority_areas PRIMARY KEY (conversation_id, tertial, area_id)
);
GO

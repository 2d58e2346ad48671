-- The EST week (issue 12): rapportörer per organisation, each conversation's weekly meeting, "inget att
-- rapportera", the nudges sent before the meeting, areas' weekly assessments and priority areas per
-- tertial. An area is a place of the register (its parent areas); no foreign key to places, since a
-- merge of places removes one and these rows are history (a removed area is left out when read).

CREATE TABLE est_reporters (
  tenant_id    TEXT NOT NULL,
  user_id      TEXT NOT NULL,
  organisation TEXT NOT NULL,
  display_name TEXT NOT NULL,
  chat_user_id TEXT,
  added_by     TEXT NOT NULL,
  added_at     TEXT NOT NULL,
  PRIMARY KEY (tenant_id, user_id)
) STRICT;

CREATE INDEX ix_est_reporters_organisation ON est_reporters (tenant_id, organisation);

CREATE TABLE est_meetings (
  conversation_id TEXT NOT NULL PRIMARY KEY,
  tenant_id       TEXT NOT NULL,
  weekday         INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  time_of_day     TEXT NOT NULL,
  nudge_time      TEXT NOT NULL,
  updated_by      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;

CREATE TABLE est_nothing_to_report (
  conversation_id TEXT NOT NULL,
  meeting_day     TEXT NOT NULL,
  organisation    TEXT NOT NULL,
  tenant_id       TEXT NOT NULL,
  marked_by       TEXT NOT NULL,
  marked_at       TEXT NOT NULL,
  PRIMARY KEY (conversation_id, meeting_day, organisation)
) STRICT;

CREATE TABLE est_nudges (
  conversation_id TEXT NOT NULL,
  meeting_day     TEXT NOT NULL,
  user_id         TEXT NOT NULL,
  tenant_id       TEXT NOT NULL,
  claimed_at      TEXT NOT NULL,
  sent_at         TEXT,
  PRIMARY KEY (conversation_id, meeting_day, user_id)
) STRICT;

CREATE TABLE area_assessments (
  conversation_id TEXT NOT NULL,
  area_id         TEXT NOT NULL,
  week_start      TEXT NOT NULL,
  tenant_id       TEXT NOT NULL,
  level           INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
  reason          TEXT NOT NULL,
  set_by          TEXT NOT NULL,
  set_at          TEXT NOT NULL,
  PRIMARY KEY (conversation_id, area_id, week_start)
) STRICT;

CREATE TABLE priority_areas (
  conversation_id TEXT NOT NULL,
  tertial         TEXT NOT NULL,
  area_id         TEXT NOT NULL,
  tenant_id       TEXT NOT NULL,
  position        INTEGER NOT NULL,
  chosen_by       TEXT NOT NULL,
  chosen_at       TEXT NOT NULL,
  PRIMARY KEY (conversation_id, tertial, area_id)
) STRICT;

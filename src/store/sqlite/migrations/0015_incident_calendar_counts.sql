-- Fast, lean (issue 14): the lägesbild reads counts per Stockholm day, month and year, not incidents, so
-- that its cost follows the period (a year is one row per key, a quarter three) whatever the table holds.
-- One row per channel, dimension (category, organisation, place, school), unit (day, month, year) with
-- its first day, and key (the code, the place id, the exact school text): how many incidents, how many of
-- them said how many young people were involved, and those young people summed.
-- The store repositories keep it in the transaction of every write that changes an incident's day,
-- channel or grouped columns (src/store/repositories/incident-calendar-counts.ts).
CREATE TABLE incident_calendar_counts (
  tenant_id       TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  dimension       TEXT NOT NULL,
  unit            TEXT NOT NULL,
  first_day       TEXT NOT NULL,
  group_key       TEXT NOT NULL,
  incident_count  INTEGER NOT NULL,
  youth_given     INTEGER NOT NULL,
  youth_involved  INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, conversation_id, dimension, unit, first_day, group_key)
) STRICT, WITHOUT ROWID;

-- The existing incidents, each on its Stockholm day: UTC+2 from the last Sunday of March 01:00 UTC to
-- the last Sunday of October 01:00 UTC, UTC+1 otherwise (the EU rule, Sweden's since 1996).
-- date(Y-03-31, '-6 days', 'weekday 0') is the first Sunday on or after 25 March: the last of March.
CREATE TEMP TABLE incident_days AS
SELECT tenant_id, conversation_id, category, organisation, place_id, school, youth_involved,
  date(occurred_at, CASE
    WHEN occurred_at >= date(substr(occurred_at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00:00.000Z'
     AND occurred_at < date(substr(occurred_at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00:00.000Z'
    THEN '+2 hours' ELSE '+1 hours' END) AS day
FROM incidents;

INSERT INTO incident_calendar_counts
  (tenant_id, conversation_id, dimension, unit, first_day, group_key, incident_count, youth_given, youth_involved)
SELECT tenant_id, conversation_id, 'category', 'day', day, category, COUNT(*), COUNT(youth_involved), COALESCE(SUM(youth_involved), 0)
FROM incident_days GROUP BY tenant_id, conversation_id, day, category
UNION ALL
SELECT tenant_id, conversation_id, 'organisation', 'day', day, organisation, COUNT(*), COUNT(youth_involved), COALESCE(SUM(youth_involved), 0)
FROM incident_days GROUP BY tenant_id, conversation_id, day, organisation
UNION ALL
SELECT tenant_id, conversation_id, 'place', 'day', day, place_id, COUNT(*), COUNT(youth_involved), COALESCE(SUM(youth_involved), 0)
FROM incident_days GROUP BY tenant_id, conversation_id, day, place_id
UNION ALL
SELECT tenant_id, conversation_id, 'school', 'day', day, school, COUNT(*), COUNT(youth_involved), COALESCE(SUM(youth_involved), 0)
FROM incident_days WHERE school IS NOT NULL GROUP BY tenant_id, conversation_id, day, school;

DROP TABLE incident_days;

-- The months and years: the sums of their days.
INSERT INTO incident_calendar_counts
  (tenant_id, conversation_id, dimension, unit, first_day, group_key, incident_count, youth_given, youth_involved)
SELECT tenant_id, conversation_id, dimension, 'month', substr(first_day, 1, 8) || '01', group_key,
  SUM(incident_count), SUM(youth_given), SUM(youth_involved)
FROM incident_calendar_counts WHERE unit = 'day'
GROUP BY tenant_id, conversation_id, dimension, substr(first_day, 1, 8), group_key
UNION ALL
SELECT tenant_id, conversation_id, dimension, 'year', substr(first_day, 1, 5) || '01-01', group_key,
  SUM(incident_count), SUM(youth_given), SUM(youth_involved)
FROM incident_calendar_counts WHERE unit = 'day'
GROUP BY tenant_id, conversation_id, dimension, substr(first_day, 1, 5), group_key;

-- The lägesbild's serious incidents (severity hög) of a period, newest first, read from an index.
CREATE INDEX ix_incidents_serious ON incidents (tenant_id, conversation_id, severity, occurred_at);

-- Fast, lean (issue 14): the lägesbild reads counts per Stockholm day, month and year, not incidents, so
-- that its cost follows the period (a year is one row per key, a quarter three) whatever the table holds.
-- One row per channel, dimension (category, organisation, place, school), unit (day, month, year) with
-- its first day, and key (the code, the place id, the exact school text): how many incidents, how many of
-- them said how many young people were involved, and those young people summed.
-- The store repositories keep it in the transaction of every write that changes an incident's day,
-- channel or grouped columns (src/store/repositories/incident-calendar-counts.ts). The key is binary, so
-- that "Björkskolan" and "BJÖRKSKOLAN" stay apart as in SQLite (the app merges spellings itself). The
-- primary key is nonclustered: with a conversation id of up to 400 characters it may pass 900 bytes.
CREATE TABLE incident_calendar_counts (
  tenant_id       NVARCHAR(100) NOT NULL,
  conversation_id NVARCHAR(400) NOT NULL,
  dimension       NVARCHAR(20)  NOT NULL,
  unit            NVARCHAR(10)  NOT NULL,
  first_day       DATE          NOT NULL,
  group_key       NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
  incident_count  INT           NOT NULL,
  youth_given     INT           NOT NULL,
  youth_involved  INT           NOT NULL,
  CONSTRAINT pk_incident_calendar_counts PRIMARY KEY NONCLUSTERED (tenant_id, conversation_id, dimension, unit, first_day, group_key)
);
GO

-- The existing incidents, each on its Stockholm day: UTC+2 from the last Sunday of March 01:00 UTC to
-- the last Sunday of October 01:00 UTC, UTC+1 otherwise (the EU rule, Sweden's since 1996). The last
-- Sunday on or before a day: 1900-01-07 was a Sunday (not DATEPART(weekday), which SET DATEFIRST moves).
INSERT INTO incident_calendar_counts
  (tenant_id, conversation_id, dimension, unit, first_day, group_key, incident_count, youth_given, youth_involved)
SELECT d.tenant_id, d.conversation_id, g.dimension, 'day', d.local_day, g.group_key,
  COUNT(*), COUNT(d.youth_involved), COALESCE(SUM(d.youth_involved), 0)
FROM (
  SELECT s.tenant_id, s.conversation_id, s.category, s.organisation, s.place_id, s.school, s.youth_involved,
    CAST(DATEADD(hour, CASE WHEN s.occurred_at >= s.summer_from AND s.occurred_at < s.summer_to THEN 2 ELSE 1 END, s.occurred_at) AS DATE) AS local_day
  FROM (
    SELECT i.tenant_id, i.conversation_id, i.category, i.organisation, i.place_id, i.school, i.youth_involved, i.occurred_at,
      DATEADD(hour, 1, CAST(DATEADD(day, -(DATEDIFF(day, '19000107', DATEFROMPARTS(YEAR(i.occurred_at), 3, 31)) % 7), DATEFROMPARTS(YEAR(i.occurred_at), 3, 31)) AS DATETIME2(3))) AS summer_from,
      DATEADD(hour, 1, CAST(DATEADD(day, -(DATEDIFF(day, '19000107', DATEFROMPARTS(YEAR(i.occurred_at), 10, 31)) % 7), DATEFROMPARTS(YEAR(i.occurred_at), 10, 31)) AS DATETIME2(3))) AS summer_to
    FROM incidents i
  ) s
) d
CROSS APPLY (VALUES
  ('category', d.category COLLATE Latin1_General_100_BIN2), ('organisation', d.organisation COLLATE Latin1_General_100_BIN2),
  ('place', d.place_id COLLATE Latin1_General_100_BIN2), ('school', d.school COLLATE Latin1_General_100_BIN2)
) g (dimension, group_key)
WHERE g.group_key IS NOT NULL
GROUP BY d.tenant_id, d.conversation_id, g.dimension, d.local_day, g.group_key;
GO

-- The months and years: the sums of their days.
INSERT INTO incident_calendar_counts
  (tenant_id, conversation_id, dimension, unit, first_day, group_key, incident_count, youth_given, youth_involved)
SELECT c.tenant_id, c.conversation_id, c.dimension, u.unit, u.first_day, c.group_key,
  SUM(c.incident_count), SUM(c.youth_given), SUM(c.youth_involved)
FROM incident_calendar_counts c
CROSS APPLY (VALUES
  ('month', DATEFROMPARTS(YEAR(c.first_day), MONTH(c.first_day), 1)), ('year', DATEFROMPARTS(YEAR(c.first_day), 1, 1))
) u (unit, first_day)
WHERE c.unit = 'day'
GROUP BY c.tenant_id, c.conversation_id, c.dimension, u.unit, u.first_day, c.group_key;
GO

-- The lägesbild's serious incidents (severity hög) of a period, newest first, read from an index.
CREATE INDEX ix_incidents_serious ON incidents (tenant_id, conversation_id, severity, occurred_at);
GO

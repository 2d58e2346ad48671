-- Fast, lean (issue 14): the lägesbild's GROUP BY queries and the hot spot detection read only an
-- index, never the table rows. A year's lägesbild then costs what the channel's incidents of the
-- compared periods cost, read in order from the index, whatever else the table holds. The grouped
-- columns are INCLUDEd (leaf level only): the key stays small, the index still covers the query.

-- countIncidents: tenant and conversation, a range of occurred_at, and the grouped column
-- (category, organisation, place_name or school) with youth_involved summed.
CREATE INDEX ix_incidents_lagesbild ON incidents (tenant_id, conversation_id, occurred_at)
  INCLUDE (category, organisation, youth_involved, place_name, school);
GO

-- countActivities by type (by organisation joins activity_organisations on its primary key).
CREATE INDEX ix_activities_lagesbild ON activities (tenant_id, conversation_id, activity_date) INCLUDE (type);
GO

-- Hot spot detection: every incident of the tenant in the last weeks, ordered by occurred_at and id.
-- Covers what ix_incidents_tenant_occurred served, so that one goes.
CREATE INDEX ix_incidents_tenant_place_history ON incidents (tenant_id, occurred_at, id) INCLUDE (place_id, ref, category);
GO

DROP INDEX ix_incidents_tenant_occurred ON incidents;
GO

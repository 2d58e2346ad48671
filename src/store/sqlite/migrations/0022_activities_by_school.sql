-- The årsrapport counts activities per register school (issue 12) with the lägesbild's GROUP BY: the
-- covering index of those queries (0011) also carries school_id, so that counting by school reads only
-- the index, as counting by type does.
DROP INDEX ix_activities_lagesbild;
CREATE INDEX ix_activities_lagesbild ON activities (tenant_id, conversation_id, activity_date, type, school_id);

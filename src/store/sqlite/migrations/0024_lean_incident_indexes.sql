-- Fast, lean (issue 14): every index on incidents is written at every report submit (each one at least a
-- page in the WAL, ~4 KB). These three serve no query any more (EXPLAIN QUERY PLAN over the store's
-- queries): the reads by time or channel lead with the tenant (ix_incidents_lagesbild,
-- ix_incidents_tenant_place_history), and the personal chat's "mine" (conversation OR reporter) reads
-- the tenant's rows through ix_incidents_tenant_place_history.
DROP INDEX ix_incidents_occurred_at;

DROP INDEX ix_incidents_conversation_occurred;

DROP INDEX ix_incidents_tenant_reporter_created;

-- Only the incidents tied to a register school are read by school (school_id = ?), and only the serious
-- ones (severity hög) by severity: each index holds just those rows, so that any other submit writes
-- neither. The lägesbild's query names 'hog' as a literal, which a partial index needs to be chosen.
DROP INDEX ix_incidents_tenant_school;

CREATE INDEX ix_incidents_tenant_school ON incidents (tenant_id, school_id, occurred_at) WHERE school_id IS NOT NULL;

DROP INDEX ix_incidents_serious;

CREATE INDEX ix_incidents_serious ON incidents (tenant_id, conversation_id, occurred_at) WHERE severity = 'hog';

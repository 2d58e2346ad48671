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

-- audit_log: written with every report, read only as a tenant's newest first. Its random id key and
-- (tenant_id, at) index were two b-trees written at random places at every submit; as one b-tree in the
-- order it is read (tenant, then time), a new row goes to the end of its tenant's rows.
CREATE TABLE audit_log_new (
  id          TEXT NOT NULL,
  at          TEXT NOT NULL,
  tenant_id   TEXT NOT NULL,
  actor_id    TEXT NOT NULL,
  action      TEXT NOT NULL,
  entity_kind TEXT NOT NULL,
  entity_id   TEXT,
  entity_ref  TEXT,
  detail      TEXT,
  PRIMARY KEY (tenant_id, at, id)
) STRICT, WITHOUT ROWID;

INSERT INTO audit_log_new (id, at, tenant_id, actor_id, action, entity_kind, entity_id, entity_ref, detail)
SELECT id, at, tenant_id, actor_id, action, entity_kind, entity_id, entity_ref, detail FROM audit_log;

DROP TABLE audit_log;

ALTER TABLE audit_log_new RENAME TO audit_log;

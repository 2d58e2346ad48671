-- Fast, lean (issue 14): every index on incidents is written at every report submit. These three serve no
-- query any more: the reads by time or channel lead with the tenant (ix_incidents_lagesbild,
-- ix_incidents_tenant_place_history). See the SQLite migration of the same number.
DROP INDEX ix_incidents_occurred_at ON incidents;
DROP INDEX ix_incidents_conversation_occurred ON incidents;
DROP INDEX ix_incidents_tenant_reporter_created ON incidents;
GO

-- Filtered: only the incidents tied to a register school (read by school_id = @p, which implies NOT NULL),
-- and only the serious ones (the lägesbild's query names 'hog' as a literal, which a filtered index needs).
DROP INDEX ix_incidents_tenant_school ON incidents;
DROP INDEX ix_incidents_serious ON incidents;
GO

CREATE INDEX ix_incidents_tenant_school ON incidents (tenant_id, school_id, occurred_at) WHERE school_id IS NOT NULL;
CREATE INDEX ix_incidents_serious ON incidents (tenant_id, conversation_id, occurred_at) WHERE severity = 'hog';
GO

-- audit_log: read only as a tenant's newest first. Clustered in that order (tenant, then time), a new row
-- goes to the end of its tenant's rows, and the (tenant_id, at) index is the key itself.
DROP INDEX ix_audit_log_tenant_at ON audit_log;
ALTER TABLE audit_log DROP CONSTRAINT pk_audit_log;
GO

ALTER TABLE audit_log ADD CONSTRAINT pk_audit_log PRIMARY KEY (tenant_id, at, id);
GO

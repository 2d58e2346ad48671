-- Several instances (issue 18): every scheduled job runs once per period whatever the number of
-- instances, and the per-tenant posting budget is shared by all of them.

-- One row per job and period: the instance that inserted it (or took it over once leased_until had
-- passed without the run finishing) runs the job; finished_at marks the period as done.
CREATE TABLE job_leases (
  job          TEXT NOT NULL,
  period_key   TEXT NOT NULL,
  holder       TEXT NOT NULL,
  leased_until TEXT NOT NULL,
  finished_at  TEXT,
  PRIMARY KEY (job, period_key)
) STRICT;

CREATE INDEX ix_job_leases_holder ON job_leases (holder, finished_at);

-- Proactive posts per tenant and time slot (a fifth of a second), counted by every instance.
CREATE TABLE post_budget_slots (
  tenant_id TEXT NOT NULL,
  slot_at   TEXT NOT NULL,
  used      INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, slot_at)
) STRICT;

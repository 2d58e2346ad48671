-- Several instances (issue 18): every scheduled job runs once per period whatever the number of
-- instances, and the per-tenant posting budget is shared by all of them.

-- One row per job and period: the instance that inserted it (or took it over once leased_until had
-- passed without the run finishing) runs the job; finished_at marks the period as done.
CREATE TABLE job_leases (
  job          NVARCHAR(100) NOT NULL,
  period_key   NVARCHAR(100) NOT NULL,
  holder       NVARCHAR(100) NOT NULL,
  leased_until DATETIME2(3)  NOT NULL,
  finished_at  DATETIME2(3)  NULL,
  CONSTRAINT pk_job_leases PRIMARY KEY (job, period_key)
);
GO

CREATE INDEX ix_job_leases_holder ON job_leases (holder, finished_at);
GO

-- Proactive posts per tenant and time slot (a fifth of a second), counted by every instance.
CREATE TABLE post_budget_slots (
  tenant_id NVARCHAR(100) NOT NULL,
  slot_at   DATETIME2(3)  NOT NULL,
  used      INT           NOT NULL,
  CONSTRAINT pk_post_budget_slots PRIMARY KEY (tenant_id, slot_at)
);
GO

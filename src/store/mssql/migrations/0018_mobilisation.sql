-- Mobilisation (issue 11): each school's call list (Teams users with a role and a step), call-outs,
-- who each called and what they answered, and each call-out's timeline. Free text (what happened, a
-- note, the outcome) is stored only after the personal-data guard (src/domain/privacy/free-text.ts).
-- Keys compared exactly (binary collation); random UUID keys are nonclustered (see 0012). School ids
-- keep the collation of schools.id (0017), so that they can be compared and referred to.
CREATE TABLE call_list_entries (
  tenant_id    NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
  school_id    NVARCHAR(36) COLLATE Latin1_General_100_BIN2  NOT NULL,
  user_id      NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
  chat_user_id NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NULL,
  display_name NVARCHAR(256) NOT NULL,
  role         NVARCHAR(40)  NOT NULL,
  step         INT           NOT NULL,
  added_by     NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
  added_at     DATETIME2(3)  NOT NULL,
  CONSTRAINT pk_call_list_entries PRIMARY KEY (tenant_id, school_id, user_id),
  CONSTRAINT fk_call_list_entries_school FOREIGN KEY (school_id) REFERENCES schools (id) ON DELETE CASCADE
);
GO

CREATE TABLE callouts (
  id               NVARCHAR(36)   COLLATE Latin1_General_100_BIN2 NOT NULL,
  tenant_id        NVARCHAR(100) COLLATE Latin1_General_100_BIN2  NOT NULL,
  conversation_id  NVARCHAR(400) COLLATE Latin1_General_100_BIN2  NOT NULL,
  school_id        NVARCHAR(36) COLLATE Latin1_General_100_BIN2   NOT NULL,
  school_name      NVARCHAR(200)  NOT NULL,
  what             NVARCHAR(1000) NOT NULL,
  caller_id        NVARCHAR(200) COLLATE Latin1_General_100_BIN2  NOT NULL,
  caller_name      NVARCHAR(256)  NOT NULL,
  called_at        DATETIME2(3)   NOT NULL,
  step             INT            NOT NULL,
  escalate_at      DATETIME2(3)   NULL,
  state            NVARCHAR(10)   NOT NULL,
  outcome          NVARCHAR(1000) NULL,
  closed_at        DATETIME2(3)   NULL,
  closed_by        NVARCHAR(200) COLLATE Latin1_General_100_BIN2  NULL,
  activity_id      NVARCHAR(36) COLLATE Latin1_General_100_BIN2   NULL,
  external_sent_at DATETIME2(3)   NULL,
  external_sent_by NVARCHAR(200) COLLATE Latin1_General_100_BIN2  NULL,
  version          INT            NOT NULL,
  CONSTRAINT pk_callouts PRIMARY KEY NONCLUSTERED (id)
);
GO

-- The scheduled check: open call-outs whose escalation time has come.
CREATE INDEX ix_callouts_due ON callouts (state, escalate_at);
CREATE INDEX ix_callouts_conversation ON callouts (tenant_id, conversation_id);
GO

CREATE TABLE callout_recipients (
  callout_id   NVARCHAR(36)  COLLATE Latin1_General_100_BIN2 NOT NULL,
  user_id      NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
  chat_user_id NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NULL,
  display_name NVARCHAR(256) NOT NULL,
  role         NVARCHAR(40)  NOT NULL,
  step         INT           NOT NULL,
  delivery     NVARCHAR(16)  NOT NULL,
  thread_id    NVARCHAR(450) COLLATE Latin1_General_100_BIN2 NULL,
  activity_id  NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NULL,
  answer       NVARCHAR(16)  NULL,
  note         NVARCHAR(400) NULL,
  answered_at  DATETIME2(3)  NULL,
  CONSTRAINT pk_callout_recipients PRIMARY KEY (callout_id, user_id),
  CONSTRAINT fk_callout_recipients_callout FOREIGN KEY (callout_id) REFERENCES callouts (id) ON DELETE CASCADE
);
GO

CREATE TABLE callout_events (
  id         NVARCHAR(36)  COLLATE Latin1_General_100_BIN2 NOT NULL,
  callout_id NVARCHAR(36)  COLLATE Latin1_General_100_BIN2 NOT NULL,
  at         DATETIME2(3)  NOT NULL,
  kind       NVARCHAR(20)  NOT NULL,
  actor_id   NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NULL,
  detail     NVARCHAR(40)  NULL,
  CONSTRAINT pk_callout_events PRIMARY KEY NONCLUSTERED (id),
  CONSTRAINT fk_callout_events_callout FOREIGN KEY (callout_id) REFERENCES callouts (id) ON DELETE CASCADE
);
CREATE INDEX ix_callout_events_callout ON callout_events (callout_id, at);
GO

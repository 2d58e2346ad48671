-- Mobilisation (issue 11): each school's call list (Teams users with a role and a step), call-outs,
-- who each called and what they answered, and each call-out's timeline. Free text (what happened, a
-- note, the outcome) is stored only after the personal-data guard (src/domain/privacy/free-text.ts).
CREATE TABLE call_list_entries (
  tenant_id    TEXT NOT NULL,
  school_id    TEXT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
  user_id      TEXT NOT NULL,
  chat_user_id TEXT,
  display_name TEXT NOT NULL,
  role         TEXT NOT NULL,
  step         INTEGER NOT NULL,
  added_by     TEXT NOT NULL,
  added_at     TEXT NOT NULL,
  PRIMARY KEY (tenant_id, school_id, user_id)
) STRICT;

CREATE TABLE callouts (
  id               TEXT NOT NULL PRIMARY KEY,
  tenant_id        TEXT NOT NULL,
  conversation_id  TEXT NOT NULL,
  school_id        TEXT NOT NULL,
  school_name      TEXT NOT NULL,
  what             TEXT NOT NULL,
  caller_id        TEXT NOT NULL,
  caller_name      TEXT NOT NULL,
  called_at        TEXT NOT NULL,
  step             INTEGER NOT NULL,
  escalate_at      TEXT,
  state            TEXT NOT NULL,
  outcome          TEXT,
  closed_at        TEXT,
  closed_by        TEXT,
  activity_id      TEXT,
  external_sent_at TEXT,
  external_sent_by TEXT,
  version          INTEGER NOT NULL
) STRICT;

-- The scheduled check: open call-outs whose escalation time has come.
CREATE INDEX ix_callouts_due ON callouts (state, escalate_at);
CREATE INDEX ix_callouts_conversation ON callouts (tenant_id, conversation_id);

CREATE TABLE callout_recipients (
  callout_id   TEXT NOT NULL REFERENCES callouts (id) ON DELETE CASCADE,
  user_id      TEXT NOT NULL,
  chat_user_id TEXT,
  display_name TEXT NOT NULL,
  role         TEXT NOT NULL,
  step         INTEGER NOT NULL,
  delivery     TEXT NOT NULL,
  thread_id    TEXT,
  activity_id  TEXT,
  answer       TEXT,
  note         TEXT,
  answered_at  TEXT,
  PRIMARY KEY (callout_id, user_id)
) STRICT;

CREATE TABLE callout_events (
  id         TEXT NOT NULL PRIMARY KEY,
  callout_id TEXT NOT NULL REFERENCES callouts (id) ON DELETE CASCADE,
  at         TEXT NOT NULL,
  kind       TEXT NOT NULL,
  actor_id   TEXT,
  detail     TEXT
) STRICT;

CREATE INDEX ix_callout_events_callout ON callout_events (callout_id, at);

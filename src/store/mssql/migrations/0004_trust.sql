-- Trust (issue 6): an audit trail that never holds report text, coordinators added in the bot,
-- and what is needed to recognise a user from an @mention.

CREATE TABLE audit_log (
  id          NVARCHAR(36)  NOT NULL,
  at          DATETIME2(3)  NOT NULL,
  tenant_id   NVARCHAR(100) NOT NULL,
  actor_id    NVARCHAR(200) NOT NULL,
  action      NVARCHAR(40)  NOT NULL,
  entity_kind NVARCHAR(20)  NOT NULL,
  entity_id   NVARCHAR(100) NULL,
  entity_ref  NVARCHAR(40)  NULL,
  detail      NVARCHAR(200) NULL,
  CONSTRAINT pk_audit_log PRIMARY KEY (id)
);
GO

CREATE INDEX ix_audit_log_tenant_at ON audit_log (tenant_id, at);
GO

CREATE TABLE coordinators (
  user_id  NVARCHAR(200) NOT NULL,
  added_by NVARCHAR(200) NOT NULL,
  added_at DATETIME2(3)  NOT NULL,
  CONSTRAINT pk_coordinators PRIMARY KEY (user_id)
);
GO

ALTER TABLE user_profiles ADD chat_user_id NVARCHAR(200) NULL;
GO

ALTER TABLE user_profiles ADD display_name NVARCHAR(200) NULL;
GO

CREATE INDEX ix_user_profiles_chat_user ON user_profiles (chat_user_id);
GO

-- Retention: old reports lose their text and people but keep what the lägesbild counts.
ALTER TABLE incidents ADD anonymised_at DATETIME2(3) NULL;
GO

ALTER TABLE activities ADD anonymised_at DATETIME2(3) NULL;
GO

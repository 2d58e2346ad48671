-- The coordinator's own analysis in the lägesbild enligt lag (SFS 2023:196, issue 12): one text per
-- conversation and calendar year, written on a card and passed through the personal-data guard.

CREATE TABLE lagesbild_analyses (
  conversation_id TEXT NOT NULL,
  year            INTEGER NOT NULL,
  tenant_id       TEXT NOT NULL,
  analysis        TEXT NOT NULL,
  updated_by      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  PRIMARY KEY (conversation_id, year)
) STRICT;

-- The coordinator's own analysis in the lägesbild enligt lag (SFS 2023:196, issue 12): one text per
-- conversation and calendar year, written on a card and passed through the personal-data guard.
-- Ids in the binary collation (0016).

CREATE TABLE lagesbild_analyses (
  conversation_id NVARCHAR(400)  COLLATE Latin1_General_100_BIN2 NOT NULL,
  year            INT            NOT NULL,
  tenant_id       NVARCHAR(100)  COLLATE Latin1_General_100_BIN2 NOT NULL,
  analysis        NVARCHAR(4000) NOT NULL,
  updated_by      NVARCHAR(200)  COLLATE Latin1_General_100_BIN2 NOT NULL,
  updated_at      DATETIME2(3)   NOT NULL,
  CONSTRAINT pk_lagesbild_analyses PRIMARY KEY (conversation_id, year)
);
GO

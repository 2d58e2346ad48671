import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { migrate, readMigrations, splitOnStatementEnds, type MigrationDialect } from '../../src/store/migrator';
import type { Database } from '../../src/store/schema';
import { sqliteMigrations } from '../../src/store/sqlite/sqlite-dialect';
import { createSqliteKysely } from '../../src/store/sqlite/sqlite-store';

describe('migrator', function () {
  let folder: string;
  let db: Kysely<Database>;
  const dialect = (): MigrationDialect => ({ ...sqliteMigrations, folder });
  const write = (file: string, script: string) => fs.writeFileSync(path.join(folder, file), script);
  const tables = async () => (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`.execute(db)).rows.map((r) => r.name);

  beforeEach(function () {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trygghetsboten-migrations-'));
    db = createSqliteKysely(':memory:');
  });

  afterEach(async function () {
    await db.destroy();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('applies the files in version order, once', async function () {
    write('0002_second.sql', 'CREATE TABLE b (id TEXT);\n');
    write('0001_first.sql', '-- first\nCREATE TABLE a (id TEXT);\nCREATE INDEX ix_a ON a (id);\n');
    write('README.md', 'not a migration');
    assert.deepEqual(await migrate(db, dialect()), [1, 2]);
    assert.deepEqual(await migrate(db, dialect()), []);
    assert.deepEqual(await tables(), ['a', 'b', 'schema_migrations']);
    const rows = await db.selectFrom('schema_migrations').select(['version', 'name']).orderBy('version').execute();
    assert.deepEqual(rows, [{ version: 1, name: 'first' }, { version: 2, name: 'second' }]);
  });

  it('rolls a failing migration back whole and records nothing for it', async function () {
    write('0001_first.sql', 'CREATE TABLE a (id TEXT);\n');
    write('0002_broken.sql', 'CREATE TABLE b (id TEXT);\nINSERT INTO no_such_table VALUES (1);\n');
    const logged: string[] = [];
    const logger = { info: () => undefined, warn: () => undefined, error: (_: object, msg: string) => { logged.push(msg); } };
    await assert.rejects(migrate(db, dialect(), logger), /no such table/);
    assert.deepEqual(await tables(), ['a', 'schema_migrations']);
    assert.deepEqual((await db.selectFrom('schema_migrations').select('version').execute()).map((r) => r.version), [1]);
    assert.deepEqual(logged, ['database migration failed']);
  });

  it('refuses two files with the same version', function () {
    write('0001_one.sql', 'SELECT 1;\n');
    write('0001_other.sql', 'SELECT 1;\n');
    assert.throws(() => readMigrations(dialect()), /Two migrations have version 1/);
  });

  it('warns when the database knows a migration this app does not', async function () {
    write('0001_first.sql', 'CREATE TABLE a (id TEXT);\n');
    await migrate(db, dialect());
    await db.insertInto('schema_migrations').values({ version: 7, name: 'from_the_future', applied_at: new Date('2030-01-01T00:00:00Z') }).execute();
    const warnings: object[] = [];
    await migrate(db, dialect(), { info: () => undefined, error: () => undefined, warn: (obj) => { warnings.push(obj); } });
    assert.deepEqual(warnings, [{ versions: [7] }]);
  });

  it('lets a SQLite migration rebuild a table others refer to, without cascading, and turns foreign keys back on', async function () {
    write('0001_first.sql', [
      'CREATE TABLE parent (id TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT;',
      'CREATE TABLE child (id TEXT NOT NULL PRIMARY KEY, parent_id TEXT NOT NULL REFERENCES parent (id) ON DELETE CASCADE) STRICT;',
      "INSERT INTO parent (id, name) VALUES ('p', 'P');",
      "INSERT INTO child (id, parent_id) VALUES ('c', 'p');",
    ].join('\n'));
    write('0002_rebuild.sql', [
      'CREATE TABLE parent_new (id TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL) STRICT;',
      'INSERT INTO parent_new (id, name) SELECT id, name FROM parent;',
      'DROP TABLE parent;',
      'ALTER TABLE parent_new RENAME TO parent;',
    ].join('\n'));
    assert.deepEqual(await migrate(db, dialect()), [1, 2]);
    assert.deepEqual((await sql<{ id: string }>`SELECT id FROM child`.execute(db)).rows, [{ id: 'c' }], 'the drop did not cascade');
    assert.deepEqual((await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db)).rows, [{ foreign_keys: 1 }]);
    await assert.rejects(sql`INSERT INTO child (id, parent_id) VALUES ('d', 'nobody')`.execute(db), /FOREIGN KEY/);
  });

  it('refuses a SQLite migration that leaves a broken reference, rolling it back whole', async function () {
    write('0001_first.sql', 'CREATE TABLE parent (id TEXT NOT NULL PRIMARY KEY) STRICT;\nCREATE TABLE child (parent_id TEXT NOT NULL REFERENCES parent (id)) STRICT;\n');
    write('0002_broken.sql', "CREATE TABLE other (id TEXT) STRICT;\nINSERT INTO child (parent_id) VALUES ('nobody');\n");
    await assert.rejects(migrate(db, dialect()), /broken reference.*child → parent/);
    assert.deepEqual(await tables(), ['child', 'parent', 'schema_migrations']);
    assert.deepEqual((await sql<{ n: number }>`SELECT COUNT(*) AS n FROM child`.execute(db)).rows, [{ n: 0 }]);
    assert.deepEqual((await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db)).rows, [{ foreign_keys: 1 }]);
  });

  it('cuts SQLite scripts at statement ends, dropping comment-only pieces', function () {
    assert.deepEqual(
      splitOnStatementEnds("-- header\nCREATE TABLE a (t TEXT DEFAULT 'x;y');\n\n-- trailing comment\n"),
      ["-- header\nCREATE TABLE a (t TEXT DEFAULT 'x;y')"],
    );
  });
});

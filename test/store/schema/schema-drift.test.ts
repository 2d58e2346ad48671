import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteDatabase } from '../../../src/store/sqlite/sqlite-driver';
import type { Selectable } from 'kysely';
import { readMigrations } from '../../../src/store/migrator';
import { mssqlMigrations } from '../../../src/store/mssql/mssql-dialect';
import type { Database } from '../../../src/store/schema';
import { SCHEMA, tablesByReference, type LogicalType, type TableName } from '../../../src/store/schema-definition';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store';
import { definedSqliteForm, definedTsqlForm, introspectedSqliteForm, schemaDifferences, simulatedTsqlForm } from './schema-forms';
import { idCollationMigration, ID_COLLATION_VERSION, schemaBeforeIdCollation } from './id-collation-migration';
import { simulateTsqlSchema } from './tsql-schema-simulator';

// The schema is defined once (src/store/schema-definition.ts). Each store's migrations must arrive at
// it, and the Kysely types must name the same columns with the same nullability. A difference fails
// with one line per column, key, index or foreign key that differs.

/** Made by the migrator itself, not by a migration; the same on both engines. */
const MIGRATOR_TABLES = ['schema_migrations'] as const;

describe('One schema for both stores', function () {
  it('the SQLite file after every migration is the defined schema (PRAGMA table_info, index_list, foreign_key_list)', async function () {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trygghetsboten-schema-'));
    const file = path.join(folder, 'store.db');
    try {
      await (await openSqliteStore(file)).close();
      const db = openSqliteDatabase(file, { readonly: true });
      try {
        assert.deepEqual(schemaDifferences(definedSqliteForm(), introspectedSqliteForm(db, MIGRATOR_TABLES), 'SQLite'), []);
      } finally {
        db.close();
      }
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('the SQL Server database after every T-SQL migration (simulated from their text) is the defined schema, names and collations included', function () {
    const simulated = simulateTsqlSchema(readMigrations(mssqlMigrations).flatMap((m) => m.batches));
    assert.deepEqual(schemaDifferences(definedTsqlForm(), simulatedTsqlForm(simulated), 'T-SQL'), []);
  });

  it('says exactly what differs when a migration and the definition disagree', function () {
    const simulated = simulateTsqlSchema([
      ...readMigrations(mssqlMigrations).flatMap((m) => m.batches),
      'ALTER TABLE audit_log ALTER COLUMN entity_id NVARCHAR(100) NULL;\nALTER TABLE places DROP CONSTRAINT fk_places_parent;\nDROP INDEX ix_places_parent ON places;\nCREATE INDEX ix_incidents_demo ON incidents (tenant_id) INCLUDE (category);',
    ]);
    assert.deepEqual(schemaDifferences(definedTsqlForm(), simulatedTsqlForm(simulated), 'T-SQL'), [
      'places: defined index ix_places_parent (parent_id), missing in T-SQL',
      'places: defined fk_places_parent (parent_id) → places (id), missing in T-SQL',
      'incidents: T-SQL has index ix_incidents_demo (tenant_id) include (category), not defined',
      'audit_log.entity_id: definition says NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NULL; T-SQL has NVARCHAR(100) NULL',
    ]);
  });

  it('refuses, as SQL Server does, to drop a key a foreign key refers to, or to change a column a key or index depends on', function () {
    const migrated = readMigrations(mssqlMigrations).flatMap((m) => m.batches);
    assert.throws(() => simulateTsqlSchema([...migrated, 'ALTER TABLE places DROP CONSTRAINT pk_places;']), /pk_places cannot be dropped: foreign key fk_\w+ of \w+ refers to it/);
    assert.throws(() => simulateTsqlSchema([...migrated, 'ALTER TABLE incidents ALTER COLUMN category NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NOT NULL;']),
      /ALTER COLUMN incidents.category: .*ix_incidents_lagesbild.* depend\(s\) on it/, 'a collation change under an index');
    assert.throws(() => simulateTsqlSchema([...migrated, 'ALTER TABLE places ALTER COLUMN id NVARCHAR(64) NOT NULL;']),
      /fk_incidents_place/, 'a key column, even widened, under the foreign keys that refer to it');
    assert.doesNotThrow(() => simulateTsqlSchema([...migrated, 'ALTER TABLE incidents ALTER COLUMN conversation_id NVARCHAR(450) COLLATE Latin1_General_100_BIN2 NOT NULL;']),
      'an indexed variable-length column may grow');
    assert.throws(() => simulateTsqlSchema([...migrated, 'EXEC sp_rename N\'places.kind\', N\'type\', N\'COLUMN\';']), /does not know this statement/);
  });

  it('migration 0016 is the text generated from the definition\'s id columns (every key, index and foreign key on them dropped and made again)', function () {
    const file = fs.readdirSync(mssqlMigrations.folder).find((f) => f.startsWith(`00${ID_COLLATION_VERSION}_`));
    assert.ok(file, 'migration 0016 exists');
    assert.equal(fs.readFileSync(path.join(mssqlMigrations.folder, file), 'utf8'), idCollationMigration(schemaBeforeIdCollation()),
      'regenerate it: npx tsx test/store/schema/id-collation-migration.ts > src/store/mssql/migrations/0016_id_collation.sql');
  });

  it('marks every column named as an id (id, …_id, …_by, holder) as one: binary on SQL Server, so that ids differing in case stay two', function () {
    const looksLikeId = /^(id|\w+_id|\w+_by|holder)$/;
    const unmarked = Object.entries(SCHEMA).flatMap(([table, t]: [string, { columns: Record<string, { type: LogicalType }> }]) =>
      Object.entries(t.columns).filter(([name, c]) => looksLikeId.test(name) && c.type.kind === 'text' && !c.type.id).map(([name]) => `${table}.${name}`));
    assert.deepEqual(unmarked, []);
  });

  it('refuses, as SQL Server does (1757), a foreign key between columns of different collations', function () {
    const beforeIds = readMigrations(mssqlMigrations).filter((m) => m.version < ID_COLLATION_VERSION).flatMap((m) => m.batches);
    assert.throws(() => simulateTsqlSchema([...beforeIds,
      'CREATE TABLE notes (id NVARCHAR(36) NOT NULL, place_id NVARCHAR(36) COLLATE Latin1_General_100_BIN2 NOT NULL, CONSTRAINT pk_notes PRIMARY KEY (id), CONSTRAINT fk_notes_place FOREIGN KEY (place_id) REFERENCES places (id))',
    ]), /fk_notes_place: notes.place_id \(Latin1_General_100_BIN2\) and places.id \(database collation\) differ in collation/);
  });

  it('orders tables so that each comes after those it refers to (creating; reversed, emptying)', function () {
    const order = tablesByReference();
    assert.deepEqual([...order].sort(), Object.keys(SCHEMA).sort());
    for (const [index, name] of order.entries()) {
      for (const fk of Object.values((SCHEMA[name] as { foreignKeys?: Record<string, { table: string }> }).foreignKeys ?? {})) {
        if (fk.table !== name) assert.ok(order.indexOf(fk.table as TableName) < index, `${fk.table} before ${name}`);
      }
    }
  });
});

// ---------- The Kysely types (schema.ts) against the definition, checked by the compiler ----------

type Columns<T extends TableName> = keyof (typeof SCHEMA)[T]['columns'];
type DefinedNullable<T extends TableName> = { [K in Columns<T>]: (typeof SCHEMA)[T]['columns'][K] extends { nullable: true } ? K : never }[Columns<T>];
type Row<T extends TableName> = Selectable<Database[T]>;
type TypedNullable<T extends TableName> = { [K in keyof Row<T>]: null extends Row<T>[K] ? K : never }[keyof Row<T>];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** `true` for a table whose columns and nullability agree; otherwise the columns that differ, by name. */
type Agreement = {
  [T in TableName]: Same<Columns<T>, keyof Database[T]> extends true
    ? Same<DefinedNullable<T>, TypedNullable<T>> extends true
      ? true
      : { nullableOnlyInDefinition: Exclude<DefinedNullable<T>, TypedNullable<T>>; nullableOnlyInSchemaTs: Exclude<TypedNullable<T>, DefinedNullable<T>> }
    : { onlyInDefinition: Exclude<Columns<T>, keyof Database[T]>; onlyInSchemaTs: Exclude<keyof Database[T], Columns<T>> };
};

// A compile error here names the table and the columns that schema.ts and schema-definition.ts disagree on.
const everyTableAgrees: Agreement = Object.fromEntries(Object.keys(SCHEMA).map((name) => [name, true])) as { [T in TableName]: true };
type TablesAgree = Same<TableName | (typeof MIGRATOR_TABLES)[number], keyof Database>;
const sameTables: TablesAgree = true;

describe('One schema for both stores: the Kysely types', function () {
  it('name every defined table and column, with the same nullability (checked when compiling)', function () {
    assert.equal(sameTables, true);
    assert.deepEqual(Object.keys(everyTableAgrees).sort(), Object.keys(SCHEMA).sort());
  });
});

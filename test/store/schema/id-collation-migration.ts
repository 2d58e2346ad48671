import fs from 'node:fs';
import { readMigrations } from '../../../src/store/migrator';
import { mssqlMigrations } from '../../../src/store/mssql/mssql-dialect';
import { KEY_COLLATION, SCHEMA, type TableDefinition } from '../../../src/store/schema-definition';
import { simulateTsqlSchema, type SimConstraint, type SimSchema } from './tsql-schema-simulator';

// Migration 0016 (SQL Server: every id column in the binary collation) is generated, not written by
// hand: from the schema the migrations before it leave (simulated from their text) and the columns the
// definition marks as ids (idText). SQL Server changes no column's collation under a key, index or
// foreign key on it, and a foreign key's columns must have its referenced columns' collation, so the
// migration drops every one that holds an id column, changes the columns, and makes them again,
// unchanged, under the same names. test/store/schema/schema-drift.test.ts holds the file to this text.
//
// Written with: npx tsx test/store/schema/id-collation-migration.ts > src/store/mssql/migrations/0016_id_collation.sql

export const ID_COLLATION_VERSION = 16;

/** The T-SQL schema as the migrations before 0016 leave it. */
export function schemaBeforeIdCollation(): SimSchema {
  return simulateTsqlSchema(readMigrations(mssqlMigrations).filter((m) => m.version < ID_COLLATION_VERSION).flatMap((m) => m.batches));
}

/** Per table, the columns the definition marks as ids that the schema has (later migrations add their own binary) and that are not yet binary. */
function columnsToChange(schema: SimSchema): Map<string, string[]> {
  const changes = new Map<string, string[]>();
  for (const [tableName, table] of schema) {
    const defined: TableDefinition | undefined = (SCHEMA as Record<string, TableDefinition>)[tableName];
    const ids = Object.entries(defined?.columns ?? {})
      .filter(([name, c]) => c.type.kind === 'text' && c.type.id && table.columns.has(name) && table.columns.get(name)?.collation !== KEY_COLLATION)
      .map(([name]) => name);
    if (ids.length > 0) changes.set(tableName, ids);
  }
  return changes;
}

const list = (columns: readonly string[]) => `(${columns.join(', ')})`;

function addConstraintSql(table: string, name: string, c: Exclude<SimConstraint, { kind: 'check' }>): string {
  if (c.kind === 'primary') return `ALTER TABLE ${table} ADD CONSTRAINT ${name} PRIMARY KEY${c.clustered ? '' : ' NONCLUSTERED'} ${list(c.columns)};`;
  if (c.kind === 'unique') return `ALTER TABLE ${table} ADD CONSTRAINT ${name} UNIQUE ${list(c.columns)};`;
  return `ALTER TABLE ${table} ADD CONSTRAINT ${name} FOREIGN KEY ${list(c.columns)} REFERENCES ${c.table} ${list(c.references)}${c.onDelete === 'cascade' ? ' ON DELETE CASCADE' : ''};`;
}

export function idCollationMigration(schema: SimSchema): string {
  const changes = columnsToChange(schema);
  const changed = (table: string, columns: readonly string[]) => columns.some((c) => changes.get(table)?.includes(c));

  const foreignKeys: { table: string; name: string; c: Extract<SimConstraint, { kind: 'foreign' }> }[] = [];
  for (const [table, t] of schema) {
    for (const [name, c] of t.constraints) {
      if (c.kind === 'foreign' && (changed(table, c.columns) || changed(c.table, c.references))) foreignKeys.push({ table, name, c });
    }
  }

  const batches: string[] = [];
  batches.push([
    '-- Foreign keys between id columns go first: a key they refer to cannot be dropped under them.',
    ...foreignKeys.map((fk) => `ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.name};`),
  ].join('\n'));

  for (const [table, columns] of changes) {
    const t = schema.get(table)!;
    const keys = [...t.constraints].filter((e): e is [string, Extract<SimConstraint, { kind: 'primary' | 'unique' }>] =>
      (e[1].kind === 'primary' || e[1].kind === 'unique') && changed(table, e[1].columns))
      // The (clustered) primary key dropped last and made first: the other indexes are then built once.
      .sort(([, a], [, b]) => Number(a.kind === 'primary') - Number(b.kind === 'primary'));
    const indexes = [...t.indexes].filter(([, i]) => changed(table, [...i.columns, ...i.include]));
    batches.push([
      ...indexes.map(([name]) => `DROP INDEX ${name} ON ${table};`),
      ...keys.map(([name]) => `ALTER TABLE ${table} DROP CONSTRAINT ${name};`),
      ...columns.map((name) => {
        const column = t.columns.get(name)!;
        return `ALTER TABLE ${table} ALTER COLUMN ${name} ${column.type} COLLATE ${KEY_COLLATION} ${column.nullable ? 'NULL' : 'NOT NULL'};`;
      }),
      ...[...keys].reverse().map(([name, c]) => addConstraintSql(table, name, c)),
      ...indexes.map(([name, i]) =>
        `CREATE ${i.unique ? 'UNIQUE ' : ''}INDEX ${name} ON ${table} ${list(i.columns)}${i.include.length > 0 ? ` INCLUDE ${list(i.include)}` : ''}${i.where ? ` WHERE ${i.where}` : ''};`),
    ].join('\n'));
  }

  batches.push([
    '-- The foreign keys again, unchanged, now between columns of one collation.',
    ...foreignKeys.map((fk) => addConstraintSql(fk.table, fk.name, fk.c)),
  ].join('\n'));

  return `${HEADER}\n${batches.join('\nGO\n\n')}\nGO\n`;
}

const HEADER = `-- Every id column in the binary collation (issue 17): row ids, tenant, conversation, user, Teams
-- activity and instance ids. In the database's collation (Finnish_Swedish_CI_AS, case- and
-- accent-insensitive) two ids differing only in case would be one, where SQLite tells them apart.
-- A column's collation cannot change under a key, index or foreign key on it, so each that holds an id
-- column is dropped and made again, unchanged, under its own name.
-- GENERATED from the schema definition by test/store/schema/id-collation-migration.ts: do not edit.
`;

if (require.main === module) fs.writeSync(1, idCollationMigration(schemaBeforeIdCollation()));

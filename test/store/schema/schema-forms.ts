import type { SqliteConnection } from '../../../src/store/sqlite/sqlite-driver';
import { KEY_COLLATION, SCHEMA, type ColumnDefinition, type LogicalType, type TableDefinition } from '../../../src/store/schema-definition';
import type { SimSchema } from './tsql-schema-simulator';

// Each schema, the defined one and the ones the engines have, written as the same plain form: one line
// of text per column, key, index and foreign key. Two forms are compared line by line, so that a
// difference reads as "places.kind: definition says …, T-SQL has …".

export interface TableForm {
  columns: Record<string, string>;
  keys: string[];
  indexes: string[];
  foreignKeys: string[];
}

export type SchemaForm = Record<string, TableForm>;

const list = (columns: readonly string[]) => `(${columns.join(', ')})`;
const sorted = (lines: string[]) => [...lines].sort();

// ---------- SQL Server ----------

function tsqlType(type: LogicalType): string {
  switch (type.kind) {
    case 'text': return `NVARCHAR(${type.length === 'max' ? 'MAX' : type.length})${type.binary ? ` COLLATE ${KEY_COLLATION}` : ''}`;
    case 'fixedText': return `NCHAR(${type.length})`;
    case 'int': return 'INT';
    case 'real': return 'FLOAT';
    case 'bool': return 'BIT';
    case 'timestamp': return 'DATETIME2(3)';
    case 'day': return 'DATE';
  }
}

const tsqlLiteral = (value: string | number) => (typeof value === 'number' ? String(value) : `N'${value.replace(/'/g, "''")}'`);

function tsqlColumn(column: ColumnDefinition): string {
  const defaultPart = column.default ? ` DEFAULT ${column.default.name} ${tsqlLiteral(column.default.value)}` : '';
  return `${tsqlType(column.type)} ${column.nullable ? 'NULL' : 'NOT NULL'}${defaultPart}`;
}

export function definedTsqlForm(): SchemaForm {
  return Object.fromEntries(Object.entries(SCHEMA).map(([name, table]: [string, TableDefinition]) => [name, {
    columns: Object.fromEntries(Object.entries(table.columns).map(([column, def]) => [column, tsqlColumn(def)])),
    keys: sorted([
      `primary key ${table.primaryKey.name} ${list(table.primaryKey.columns)}${table.primaryKey.clustered === false ? ' nonclustered' : ''}`,
      ...Object.entries(table.unique ?? {}).map(([key, columns]) => `unique ${key} ${list(columns)}`),
      ...(table.checks ?? []).map((check) => `check ${check}`),
    ]),
    indexes: sorted(Object.entries(table.indexes ?? {}).map(([index, def]) =>
      `${def.unique ? 'unique ' : ''}index ${index} ${list(def.columns)}${def.include ? ` include ${list(def.include)}` : ''}${def.where ? ` where ${def.where}` : ''}`)),
    foreignKeys: sorted(Object.entries(table.foreignKeys ?? {}).map(([fk, def]) => `${fk} ${list(def.columns)} → ${def.table} ${list(def.references)}${def.onDelete ? ' on delete cascade' : ''}`)),
  }]));
}

export function simulatedTsqlForm(schema: SimSchema): SchemaForm {
  return Object.fromEntries([...schema].map(([name, table]) => [name, {
    columns: Object.fromEntries([...table.columns].map(([column, c]) => [column,
      `${c.type}${c.collation ? ` COLLATE ${c.collation}` : ''} ${c.nullable ? 'NULL' : 'NOT NULL'}${c.default ? ` DEFAULT ${c.default.name ?? '(a name the server makes up)'} ${c.default.value}` : ''}`])),
    keys: sorted([...table.constraints].filter(([, c]) => c.kind !== 'foreign').map(([key, c]) =>
      c.kind === 'primary' ? `primary key ${key} ${list(c.columns)}${c.clustered ? '' : ' nonclustered'}` : c.kind === 'unique' ? `unique ${key} ${list(c.columns)}` : `check ${key}`)),
    indexes: sorted([...table.indexes].map(([index, i]) =>
      `${i.unique ? 'unique ' : ''}index ${index} ${list(i.columns)}${i.include.length > 0 ? ` include ${list(i.include)}` : ''}${i.where ? ` where ${i.where}` : ''}`)),
    foreignKeys: sorted([...table.constraints].flatMap(([fk, c]) => (c.kind === 'foreign'
      ? [`${fk} ${list(c.columns)} → ${c.table} ${list(c.references)}${c.onDelete === 'cascade' ? ' on delete cascade' : ''}`] : []))),
  }]));
}

// ---------- SQLite (no names for keys or foreign keys, and no widths) ----------

function sqliteType(type: LogicalType): string {
  return type.kind === 'int' || type.kind === 'bool' ? 'INTEGER' : type.kind === 'real' ? 'REAL' : 'TEXT';
}

const sqliteLiteral = (value: string | number) => (typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`);

export function definedSqliteForm(): SchemaForm {
  return Object.fromEntries(Object.entries(SCHEMA).map(([name, table]: [string, TableDefinition]) => [name, {
    columns: Object.fromEntries(Object.entries(table.columns).map(([column, def]) => [column,
      `${sqliteType(def.type)} ${def.nullable ? 'NULL' : 'NOT NULL'}${def.default ? ` DEFAULT ${sqliteLiteral(def.default.value)}` : ''}`])),
    keys: sorted([`primary key ${list(table.primaryKey.columns)}`, ...Object.values(table.unique ?? {}).map((columns) => `unique ${list(columns)}`)]),
    indexes: sorted(Object.entries(table.indexes ?? {}).map(([index, def]) => `${def.unique ? 'unique ' : ''}index ${index} ${list([...def.columns, ...(def.include ?? [])])}${def.where ? ' partial' : ''}`)),
    foreignKeys: sorted(Object.values(table.foreignKeys ?? {}).map((def) => `${list(def.columns)} → ${def.table} ${list(def.references)}${def.onDelete ? ' on delete cascade' : ''}`)),
  }]));
}

interface PragmaColumn { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }
interface PragmaIndex { name: string; unique: number; origin: 'c' | 'u' | 'pk'; partial: number }
interface PragmaForeignKey { id: number; seq: number; table: string; from: string; to: string; on_delete: string }

export function introspectedSqliteForm(db: SqliteConnection, skip: readonly string[]): SchemaForm {
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[])
    .map((t) => t.name).filter((name) => !skip.includes(name));
  return Object.fromEntries(tables.map((name) => {
    const columns = db.prepare(`PRAGMA table_info(${name})`).all() as PragmaColumn[];
    const indexColumns = (index: string) => (db.prepare(`PRAGMA index_info(${index})`).all() as { seqno: number; name: string }[])
      .sort((a, b) => a.seqno - b.seqno).map((c) => c.name);
    const indexes = db.prepare(`PRAGMA index_list(${name})`).all() as PragmaIndex[];
    const pk = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    const fks = db.prepare(`PRAGMA foreign_key_list(${name})`).all() as PragmaForeignKey[];
    const fkIds = [...new Set(fks.map((f) => f.id))];
    return [name, {
      columns: Object.fromEntries(columns.map((c) => [c.name, `${c.type} ${c.notnull ? 'NOT NULL' : 'NULL'}${c.dflt_value !== null ? ` DEFAULT ${c.dflt_value}` : ''}`])),
      keys: sorted([`primary key ${list(pk)}`, ...indexes.filter((i) => i.origin === 'u').map((i) => `unique ${list(indexColumns(i.name))}`)]),
      indexes: sorted(indexes.filter((i) => i.origin === 'c').map((i) => `${i.unique ? 'unique ' : ''}index ${i.name} ${list(indexColumns(i.name))}${i.partial ? ' partial' : ''}`)),
      foreignKeys: sorted(fkIds.map((id) => {
        const parts = fks.filter((f) => f.id === id).sort((a, b) => a.seq - b.seq);
        const first = parts[0]!;
        return `${list(parts.map((p) => p.from))} → ${first.table} ${list(parts.map((p) => p.to))}${first.on_delete === 'CASCADE' ? ' on delete cascade' : ''}`;
      })),
    }];
  }));
}

/** Every difference between two forms, one readable line each; empty when they agree. */
export function schemaDifferences(expected: SchemaForm, actual: SchemaForm, actualName: string): string[] {
  const lines: string[] = [];
  for (const table of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    const want = expected[table];
    const have = actual[table];
    if (!want) { lines.push(`${table}: a table ${actualName} has and the definition lacks`); continue; }
    if (!have) { lines.push(`${table}: defined, missing in ${actualName}`); continue; }
    for (const column of new Set([...Object.keys(want.columns), ...Object.keys(have.columns)])) {
      if (want.columns[column] !== have.columns[column]) {
        lines.push(`${table}.${column}: definition says ${want.columns[column] ?? '(no such column)'}; ${actualName} has ${have.columns[column] ?? '(no such column)'}`);
      }
    }
    for (const part of ['keys', 'indexes', 'foreignKeys'] as const) {
      for (const line of want[part].filter((l) => !have[part].includes(l))) lines.push(`${table}: defined ${line}, missing in ${actualName}`);
      for (const line of have[part].filter((l) => !want[part].includes(l))) lines.push(`${table}: ${actualName} has ${line}, not defined`);
    }
  }
  return lines;
}

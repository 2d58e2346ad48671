import type mssql from 'mssql';
import type { SimConstraint, SimSchema, SimTable } from './tsql-schema-simulator';

// A real SQL Server's schema, read from its catalog views into the same model the T-SQL simulation
// builds, so that the contract suite (MSSQL_URL) compares the server itself with the definition too.

interface CatalogColumn {
  table_name: string; column_name: string; type_name: string; max_length: number; scale: number; is_nullable: boolean;
  collation_name: string | null; default_name: string | null; default_is_system_named: boolean | null; default_definition: string | null;
}
interface CatalogIndex {
  table_name: string; index_name: string; is_primary_key: boolean; is_unique_constraint: boolean; is_unique: boolean;
  is_clustered: boolean; filter_definition: string | null; columns: string; included: string | null;
}
interface CatalogForeignKey { table_name: string; fk_name: string; columns: string; referenced_table: string; referenced_columns: string; cascade: boolean }

const COLUMNS_SQL = `SELECT t.name AS table_name, c.name AS column_name, ty.name AS type_name, c.max_length, c.scale, c.is_nullable,
  NULLIF(c.collation_name, CONVERT(sysname, DATABASEPROPERTYEX(DB_NAME(), 'Collation'))) AS collation_name,
  dc.name AS default_name, dc.is_system_named AS default_is_system_named, dc.definition AS default_definition
FROM sys.tables AS t
JOIN sys.columns AS c ON c.object_id = t.object_id
JOIN sys.types AS ty ON ty.user_type_id = c.user_type_id
LEFT JOIN sys.default_constraints AS dc ON dc.parent_object_id = c.object_id AND dc.parent_column_id = c.column_id
WHERE t.is_ms_shipped = 0
ORDER BY t.name, c.column_id`;

const INDEXES_SQL = `SELECT t.name AS table_name, i.name AS index_name, i.is_primary_key, i.is_unique_constraint, i.is_unique,
  CAST(CASE WHEN i.type = 1 THEN 1 ELSE 0 END AS BIT) AS is_clustered, i.filter_definition,
  STRING_AGG(CASE WHEN ic.is_included_column = 0 THEN c.name END, ',') WITHIN GROUP (ORDER BY ic.key_ordinal) AS columns,
  STRING_AGG(CASE WHEN ic.is_included_column = 1 THEN c.name END, ',') WITHIN GROUP (ORDER BY ic.index_column_id) AS included
FROM sys.indexes AS i
JOIN sys.tables AS t ON t.object_id = i.object_id
JOIN sys.index_columns AS ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
JOIN sys.columns AS c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
WHERE t.is_ms_shipped = 0 AND i.type > 0
GROUP BY t.name, i.name, i.is_primary_key, i.is_unique_constraint, i.is_unique, i.type, i.filter_definition`;

const FOREIGN_KEYS_SQL = `SELECT t.name AS table_name, fk.name AS fk_name,
  STRING_AGG(pc.name, ',') WITHIN GROUP (ORDER BY fkc.constraint_column_id) AS columns, rt.name AS referenced_table,
  STRING_AGG(rc.name, ',') WITHIN GROUP (ORDER BY fkc.constraint_column_id) AS referenced_columns,
  CAST(CASE WHEN fk.delete_referential_action = 1 THEN 1 ELSE 0 END AS BIT) AS cascade
FROM sys.foreign_keys AS fk
JOIN sys.tables AS t ON t.object_id = fk.parent_object_id
JOIN sys.tables AS rt ON rt.object_id = fk.referenced_object_id
JOIN sys.foreign_key_columns AS fkc ON fkc.constraint_object_id = fk.object_id
JOIN sys.columns AS pc ON pc.object_id = fkc.parent_object_id AND pc.column_id = fkc.parent_column_id
JOIN sys.columns AS rc ON rc.object_id = fkc.referenced_object_id AND rc.column_id = fkc.referenced_column_id
GROUP BY t.name, fk.name, rt.name, fk.delete_referential_action`;

const CHECKS_SQL = `SELECT t.name AS table_name, ck.name AS check_name FROM sys.check_constraints AS ck JOIN sys.tables AS t ON t.object_id = ck.parent_object_id`;

/** `((0))`, `(N'annat')`, `([submit_key] IS NOT NULL)` as the migrations write them: 0, N'annat', submit_key IS NOT NULL. */
function asWritten(definition: string): string {
  let text = definition.trim();
  while (/^\(.*\)$/.test(text)) text = text.slice(1, -1).trim();
  return text.replace(/\[(\w+)\]/g, '$1');
}

function typeOf(c: CatalogColumn): string {
  const name = c.type_name.toUpperCase();
  if (name === 'NVARCHAR' || name === 'NCHAR') return `${name}(${c.max_length === -1 ? 'MAX' : c.max_length / 2})`;
  if (name === 'VARCHAR' || name === 'VARBINARY') return `${name}(${c.max_length === -1 ? 'MAX' : c.max_length})`;
  if (name === 'DATETIME2') return `DATETIME2(${c.scale})`;
  return name;
}

export async function readSqlServerSchema(pool: mssql.ConnectionPool, skip: readonly string[]): Promise<SimSchema> {
  const schema: SimSchema = new Map();
  const table = (name: string): SimTable => {
    const found = schema.get(name) ?? { columns: new Map(), constraints: new Map<string, SimConstraint>(), indexes: new Map() };
    schema.set(name, found);
    return found;
  };
  for (const c of (await pool.request().query<CatalogColumn>(COLUMNS_SQL)).recordset) {
    if (skip.includes(c.table_name)) continue;
    table(c.table_name).columns.set(c.column_name, {
      type: typeOf(c), nullable: c.is_nullable, collation: c.collation_name,
      default: c.default_definition === null ? null : { name: c.default_is_system_named ? null : c.default_name, value: asWritten(c.default_definition) },
    });
  }
  for (const i of (await pool.request().query<CatalogIndex>(INDEXES_SQL)).recordset) {
    if (skip.includes(i.table_name)) continue;
    const columns = i.columns.split(',');
    if (i.is_primary_key) table(i.table_name).constraints.set(i.index_name, { kind: 'primary', columns, clustered: i.is_clustered });
    else if (i.is_unique_constraint) table(i.table_name).constraints.set(i.index_name, { kind: 'unique', columns });
    else table(i.table_name).indexes.set(i.index_name, { columns, include: i.included ? i.included.split(',') : [], unique: i.is_unique, where: i.filter_definition === null ? null : asWritten(i.filter_definition) });
  }
  for (const fk of (await pool.request().query<CatalogForeignKey>(FOREIGN_KEYS_SQL)).recordset) {
    if (skip.includes(fk.table_name)) continue;
    table(fk.table_name).constraints.set(fk.fk_name, {
      kind: 'foreign', columns: fk.columns.split(','), table: fk.referenced_table, references: fk.referenced_columns.split(','), onDelete: fk.cascade ? 'cascade' : 'no action',
    });
  }
  for (const ck of (await pool.request().query<{ table_name: string; check_name: string }>(CHECKS_SQL)).recordset) {
    if (!skip.includes(ck.table_name)) table(ck.table_name).constraints.set(ck.check_name, { kind: 'check' });
  }
  return schema;
}

import { splitOnStatementEnds } from '../../../src/store/migrator';

// What a SQL Server database looks like after the T-SQL migrations, worked out from their text: the
// DDL statements are applied to an in-memory model (data statements change no schema and are skipped).
// A statement of a shape the simulator does not know fails the simulation, so that a new migration
// cannot slip past the schema comparison unseen.

export interface SimDefault {
  /** Null: the server made the name up (an inline DEFAULT without CONSTRAINT). */
  name: string | null;
  value: string;
}

export interface SimColumn {
  /** As written, upper case: NVARCHAR(200), DATETIME2(3), INT… */
  type: string;
  nullable: boolean;
  /** Null: the database's default collation. */
  collation: string | null;
  default: SimDefault | null;
}

export type SimConstraint =
  | { kind: 'primary'; columns: string[]; clustered: boolean }
  | { kind: 'unique'; columns: string[] }
  | { kind: 'foreign'; columns: string[]; table: string; references: string[]; onDelete: 'cascade' | 'no action' }
  | { kind: 'check' };

export interface SimIndex {
  columns: string[];
  /** INCLUDE (…): columns stored in the index's leaves, not keyed (a covering index). */
  include: string[];
  unique: boolean;
  where: string | null;
}

export interface SimTable {
  columns: Map<string, SimColumn>;
  constraints: Map<string, SimConstraint>;
  indexes: Map<string, SimIndex>;
}

export type SimSchema = Map<string, SimTable>;

const NAME = String.raw`\w+`;
const COLUMN_LIST = String.raw`\(([\w\s,]+)\)`;

const STATEMENTS: { pattern: RegExp; apply: (schema: SimSchema, m: RegExpExecArray) => void }[] = [
  { pattern: new RegExp(`^CREATE TABLE (${NAME}) \\(([\\s\\S]*)\\)$`, 'i'), apply: (s, m) => createTable(s, m[1]!, m[2]!) },
  { pattern: new RegExp(`^DROP TABLE (${NAME})$`, 'i'), apply: (s, m) => { table(s, m[1]!); s.delete(m[1]!); } },
  {
    pattern: new RegExp(`^ALTER TABLE (${NAME}) ADD CONSTRAINT (${NAME}) DEFAULT (.+) FOR (${NAME})$`, 'i'),
    apply: (s, m) => { column(s, m[1]!, m[4]!).default = { name: m[2]!, value: m[3]!.trim() }; },
  },
  {
    pattern: new RegExp(`^ALTER TABLE (${NAME}) ADD (CONSTRAINT [\\s\\S]+)$`, 'i'),
    apply: (s, m) => { addConstraint(table(s, m[1]!), m[2]!); checkForeignKeyCollations(s, m[1]!); },
  },
  {
    pattern: new RegExp(`^ALTER TABLE (${NAME}) DROP CONSTRAINT (${NAME})$`, 'i'),
    apply: (s, m) => dropConstraint(s, m[1]!, m[2]!),
  },
  {
    pattern: new RegExp(`^ALTER TABLE (${NAME}) ALTER COLUMN (${NAME}) (.+)$`, 'i'),
    apply: (s, m) => alterColumn(s, m[1]!, m[2]!, m[3]!),
  },
  { pattern: new RegExp(`^ALTER TABLE (${NAME}) ADD (${NAME}) (.+)$`, 'i'), apply: (s, m) => addColumn(table(s, m[1]!), m[2]!, m[3]!) },
  {
    pattern: new RegExp(`^CREATE (UNIQUE )?(?:NONCLUSTERED )?INDEX (${NAME}) ON (${NAME}) ${COLUMN_LIST}(?: INCLUDE ${COLUMN_LIST})?(?: WHERE (.+))?$`, 'i'),
    apply: (s, m) => {
      const t = table(s, m[3]!);
      if (t.indexes.has(m[2]!)) throw new Error(`index ${m[2]} exists on ${m[3]}`);
      t.indexes.set(m[2]!, { columns: names(m[4]!), include: m[5] ? names(m[5]) : [], unique: Boolean(m[1]), where: m[6]?.trim() ?? null });
    },
  },
  {
    pattern: new RegExp(`^DROP INDEX (${NAME}) ON (${NAME})$`, 'i'),
    apply: (s, m) => { if (!table(s, m[2]!).indexes.delete(m[1]!)) throw new Error(`no index ${m[1]} on ${m[2]}`); },
  },
];

/** Statements that change data or session state, never the schema. */
const DATA_STATEMENT = /^(INSERT|UPDATE|DELETE|SELECT|WITH|SET|MERGE)\b/i;

/**
 * The one idiom for a default whose name the server made up: its name is looked up by table and column
 * into a variable, and the constraint of that name dropped with dynamic SQL.
 */
const LOOK_UP_DEFAULT = /^DECLARE (@\w+) sysname = \(SELECT name FROM sys\.default_constraints WHERE parent_object_id = OBJECT_ID\(N'(\w+)'\) AND parent_column_id = COLUMNPROPERTY\(OBJECT_ID\(N'\2'\), N'(\w+)', 'ColumnId'\)\)$/i;
const DROP_LOOKED_UP = /^IF (@\w+) IS NOT NULL EXEC \(N'ALTER TABLE (\w+) DROP CONSTRAINT ' \+ QUOTENAME\(\1\)\)$/i;

export function simulateTsqlSchema(batches: readonly string[]): SimSchema {
  const schema: SimSchema = new Map();
  for (const batch of batches) {
    const lookedUp = new Map<string, { table: string; column: string }>();
    for (const raw of splitOnStatementEnds(batch.replace(/--.*$/gm, ''))) {
      const statement = raw.replace(/\s+/g, ' ').replace(/;$/, '').trim();
      if (DATA_STATEMENT.test(statement)) continue;
      const lookup = LOOK_UP_DEFAULT.exec(statement);
      if (lookup) {
        lookedUp.set(lookup[1]!, { table: lookup[2]!, column: lookup[3]! });
        continue;
      }
      const drop = DROP_LOOKED_UP.exec(statement);
      const dropped = drop ? lookedUp.get(drop[1]!) : undefined;
      if (drop && dropped && dropped.table === drop[2]) {
        column(schema, dropped.table, dropped.column).default = null;
        continue;
      }
      const known = STATEMENTS.map(({ pattern, apply }) => ({ match: pattern.exec(statement), apply })).find((s) => s.match);
      if (!known?.match) throw new Error(`The schema simulation does not know this statement:\n${statement}`);
      known.apply(schema, known.match);
    }
  }
  return schema;
}

function table(schema: SimSchema, name: string): SimTable {
  const found = schema.get(name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}

function column(schema: SimSchema, tableName: string, name: string): SimColumn {
  const found = table(schema, tableName).columns.get(name);
  if (!found) throw new Error(`no column ${tableName}.${name}`);
  return found;
}

function names(list: string): string[] {
  return list.split(',').map((n) => n.trim());
}

/** Splits on the commas that are not inside parentheses. */
function topLevelItems(body: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of body) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      items.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim()) items.push(current.trim());
  return items;
}

function createTable(schema: SimSchema, name: string, body: string): void {
  if (schema.has(name)) throw new Error(`table ${name} exists`);
  const created: SimTable = { columns: new Map(), constraints: new Map(), indexes: new Map() };
  for (const item of topLevelItems(body)) {
    if (/^CONSTRAINT /i.test(item)) addConstraint(created, item);
    else {
      const [, columnName, rest] = /^(\w+) (.+)$/.exec(item) ?? [];
      if (!columnName || !rest) throw new Error(`cannot read column ${item}`);
      addColumn(created, columnName, rest);
    }
  }
  schema.set(name, created);
  checkForeignKeyCollations(schema, name);
}

/**
 * As SQL Server (error 1757): a foreign key's columns must have the collation of the columns it refers
 * to; an id column in the binary collation cannot be referred to from one in the database's.
 */
function checkForeignKeyCollations(schema: SimSchema, tableName: string): void {
  for (const [name, c] of table(schema, tableName).constraints) {
    if (c.kind !== 'foreign') continue;
    c.columns.forEach((columnName, i) => {
      const [from, to] = [column(schema, tableName, columnName), column(schema, c.table, c.references[i]!)];
      if (from.collation !== to.collation) {
        throw new Error(`${name}: ${tableName}.${columnName} (${from.collation ?? 'database collation'}) and ${c.table}.${c.references[i]} (${to.collation ?? 'database collation'}) differ in collation`);
      }
    });
  }
}

const COLUMN_SPEC = /^((?:N?VARCHAR|NCHAR|DATETIME2|VARBINARY)\((?:\d+|MAX)\)|INT|BIGINT|BIT|DATE|FLOAT|UNIQUEIDENTIFIER)(?: COLLATE (\w+))? (NOT NULL|NULL)(?: (?:CONSTRAINT (\w+) )?DEFAULT (.+))?$/i;

function columnSpec(spec: string): SimColumn {
  const m = COLUMN_SPEC.exec(spec.trim());
  if (!m) throw new Error(`cannot read column type and nullability "${spec}"`);
  return {
    type: m[1]!.toUpperCase(),
    collation: m[2] ?? null,
    nullable: m[3]!.toUpperCase() === 'NULL',
    default: m[5] ? { name: m[4] ?? null, value: m[5].trim() } : null,
  };
}

function addColumn(target: SimTable, name: string, spec: string): void {
  if (target.columns.has(name)) throw new Error(`column ${name} exists`);
  target.columns.set(name, columnSpec(spec));
}

/**
 * ALTER COLUMN states type, collation and nullability anew; the default stays. As SQL Server, it refuses
 * to change a column an index, key or foreign key depends on, except to widen a variable-length one
 * that is in no primary or foreign key (so a migration must drop those first and make them again).
 */
function alterColumn(schema: SimSchema, tableName: string, name: string, spec: string): void {
  const target = table(schema, tableName);
  const before = column(schema, tableName, name);
  const after = columnSpec(spec);
  if (after.default) throw new Error('ALTER COLUMN cannot add a default');
  const dependents = dependentsOf(schema, tableName, name);
  if (dependents.length > 0 && !isWideningOnly(before, after, dependents)) {
    throw new Error(`ALTER COLUMN ${tableName}.${name}: ${dependents.map((d) => d.name).join(', ')} depend(s) on it; drop and make them again around the change`);
  }
  target.columns.set(name, { ...after, default: before.default });
}

type Dependent = { name: string; kind: 'primary' | 'unique' | 'foreign' | 'index' };

function dependentsOf(schema: SimSchema, tableName: string, columnName: string): Dependent[] {
  const found: Dependent[] = [];
  for (const [other, t] of schema) {
    for (const [name, c] of t.constraints) {
      if (c.kind === 'check') continue;
      const own = other === tableName && c.columns.includes(columnName);
      const referred = c.kind === 'foreign' && c.table === tableName && c.references.includes(columnName);
      if (own || referred) found.push({ name, kind: c.kind });
    }
    if (other === tableName) {
      for (const [name, i] of t.indexes) if ([...i.columns, ...i.include].includes(columnName)) found.push({ name, kind: 'index' });
    }
  }
  return found;
}

function isWideningOnly(before: SimColumn, after: SimColumn, dependents: Dependent[]): boolean {
  const size = (type: string) => /^(NVARCHAR|VARCHAR|VARBINARY)\((\d+|MAX)\)$/.exec(type);
  const [was, becomes] = [size(before.type), size(after.type)];
  const length = (m: RegExpExecArray) => (m[2] === 'MAX' ? Infinity : Number(m[2]));
  return Boolean(was && becomes && was[1] === becomes[1] && length(becomes) >= length(was))
    && before.collation === after.collation && before.nullable === after.nullable
    && dependents.every((d) => d.kind === 'index' || d.kind === 'unique');
}

function addConstraint(target: SimTable, text: string): void {
  const m = /^CONSTRAINT (\w+) ([\s\S]+)$/i.exec(text.trim());
  if (!m) throw new Error(`cannot read constraint ${text}`);
  const [, name, rest] = m as unknown as [string, string, string];
  if (target.constraints.has(name)) throw new Error(`constraint ${name} exists`);
  let c: RegExpExecArray | null;
  if ((c = new RegExp(`^PRIMARY KEY(?: (CLUSTERED|NONCLUSTERED))? ${COLUMN_LIST}$`, 'i').exec(rest))) {
    target.constraints.set(name, { kind: 'primary', columns: names(c[2]!), clustered: (c[1] ?? 'CLUSTERED').toUpperCase() === 'CLUSTERED' });
  } else if ((c = new RegExp(`^UNIQUE(?: NONCLUSTERED)? ${COLUMN_LIST}$`, 'i').exec(rest))) {
    target.constraints.set(name, { kind: 'unique', columns: names(c[1]!) });
  } else if ((c = new RegExp(`^FOREIGN KEY ${COLUMN_LIST} REFERENCES (\\w+) ${COLUMN_LIST}( ON DELETE CASCADE)?$`, 'i').exec(rest))) {
    target.constraints.set(name, { kind: 'foreign', columns: names(c[1]!), table: c[2]!, references: names(c[3]!), onDelete: c[4] ? 'cascade' : 'no action' });
  } else if (/^CHECK /i.test(rest)) {
    target.constraints.set(name, { kind: 'check' });
  } else throw new Error(`cannot read constraint ${text}`);
}

/** As SQL Server: a key that a foreign key refers to cannot be dropped before that foreign key. */
function dropConstraint(schema: SimSchema, tableName: string, name: string): void {
  const target = table(schema, tableName);
  const dropped = target.constraints.get(name);
  if (dropped?.kind === 'primary' || dropped?.kind === 'unique') {
    for (const [other, t] of schema) {
      for (const [fk, c] of t.constraints) {
        if (c.kind === 'foreign' && c.table === tableName && c.references.join() === dropped.columns.join()) {
          throw new Error(`${name} cannot be dropped: foreign key ${fk} of ${other} refers to it`);
        }
      }
    }
  }
  if (target.constraints.delete(name)) return;
  for (const col of target.columns.values()) {
    if (col.default?.name === name) {
      col.default = null;
      return;
    }
  }
  throw new Error(`no constraint ${name}`);
}

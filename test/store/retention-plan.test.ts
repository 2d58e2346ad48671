import assert from 'node:assert/strict';
import { RETENTION_PLAN } from '../../src/store/retention-plan';
import { mssqlTextColumns, sqliteTextColumns } from '../support/schema-text-columns';

// Every table that can hold text has a retention decision (src/store/retention-plan.ts): the plan's type
// covers schema.ts; this holds both engines' migrated tables to it, so that a table created by a
// migration and left out of schema.ts cannot slip past retention either.

const tablesOf = (columns: string[]) => [...new Set(columns.map((c) => c.slice(0, c.indexOf('.'))))].sort();
const undecided = (tables: string[]) => tables.filter((t) => !Object.hasOwn(RETENTION_PLAN, t));

describe('retention: every table with text is decided', () => {
  let sqlite: string[];
  before(async () => { sqlite = tablesOf(await sqliteTextColumns()); });

  it('When the SQLite schema is migrated, then every table with a text column has a retention decision', () => {
    assert.ok(sqlite.length > 30, `read ${sqlite.length} tables: is the schema there?`);
    assert.deepEqual(undecided(sqlite), [], 'add these tables to RETENTION_PLAN in src/store/retention-plan.ts, with their rule or why they are kept');
  });

  it('When the SQL Server migrations are read, then every table with a character column has one too', () => {
    const mssql = tablesOf(mssqlTextColumns());
    assert.ok(mssql.includes('lagesbild_analyses') && mssql.includes('promises'), 'the migration scripts were read');
    assert.deepEqual(undecided(mssql), []);
  });

  it('When the plan names a table, then the migrations create it (no stale entries)', () => {
    const known = new Set([...sqlite, ...tablesOf(mssqlTextColumns())]);
    assert.deepEqual(Object.keys(RETENTION_PLAN).filter((t) => !known.has(t)), []);
  });

  it('When a migration adds a table with text and the plan has no word on it, then this test says so (the check bites)', () => {
    assert.deepEqual(undecided(tablesOf([...(sqlite.map((t) => `${t}.id`)), 'school_findings.note'])), ['school_findings']);
  });
});

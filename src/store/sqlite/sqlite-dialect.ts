import path from 'node:path';
import { sql } from 'kysely';
import { errorProperty, type StoreDialect } from '../store-dialect';
import { splitOnStatementEnds, type MigrationDialect } from '../migrator';

/** Codes (and extended codes, which start with these) of a database that cannot serve right now. */
const UNAVAILABLE_CODES = /^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|FULL|READONLY|NOTADB|CORRUPT|PROTOCOL)/;

export const sqliteDialect: StoreDialect = {
  kind: 'sqlite',
  isUniqueViolation: (error) => {
    const code = errorProperty(error, 'code');
    return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  },
  isUnavailable: (error) => {
    const code = errorProperty(error, 'code');
    if (typeof code === 'string' && UNAVAILABLE_CODES.test(code)) return true;
    // What better-sqlite3 throws once its connection has been closed.
    return error instanceof TypeError && /database connection is not open/i.test(error.message);
  },
};

export const sqliteMigrations: MigrationDialect = {
  folder: path.join(__dirname, 'migrations'),
  createMigrationsTableSql: `CREATE TABLE IF NOT EXISTS schema_migrations (
  version    INTEGER NOT NULL PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT`,
  splitBatches: splitOnStatementEnds,
  // No lock: one process holds the file's single Kysely connection, and a second process that
  // migrates at the same moment gets SQLITE_BUSY and fails to start rather than corrupt anything.

  // SQLite changes a key only by rebuilding the table (create new, copy, drop old, rename). With foreign
  // keys on, dropping a table others refer to would delete through ON DELETE CASCADE, so they are off
  // while migrating (a pragma that only works outside a transaction: the store has one connection) and
  // every migration must leave no broken reference before it commits.
  async around(db, run) {
    await sql.raw('PRAGMA foreign_keys = OFF').execute(db);
    try {
      return await run();
    } finally {
      await sql.raw('PRAGMA foreign_keys = ON').execute(db);
    }
  },
  async verify(trx) {
    const { rows } = await sql.raw<{ table: string; parent: string }>('PRAGMA foreign_key_check').execute(trx);
    if (rows.length > 0) {
      const tables = [...new Set(rows.map((r) => `${r.table} → ${r.parent}`))].join(', ');
      throw new Error(`The migration left ${rows.length} broken reference(s): ${tables}`);
    }
  },
};

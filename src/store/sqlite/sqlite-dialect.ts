import path from 'node:path';
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
};

import { sql } from 'kysely';
import { errorProperty, type StoreDialect } from '../store-dialect';
import { codePath } from '../../code-root';
import { splitOnStatementEnds, type MigrationDialect } from '../migrator';

/**
 * Codes (and extended codes, which start with these) of a database that cannot serve right now: busy or
 * locked past the busy timeout, failing its disk (SQLITE_IOERR_*, SQLITE_FULL: disk or quota full), a
 * read-only file or folder (SQLITE_READONLY_*), or a file that is not (or no longer) a database.
 */
const UNAVAILABLE_CODES = /^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|FULL|READONLY|NOTADB|CORRUPT|PROTOCOL)/;
/** Only code-shaped values are ever logged. */
const CODE_SHAPE = /^SQLITE_[A-Z_]{1,40}$/;

function sqliteUnavailableCause(error: unknown): string | null {
  const code = errorProperty(error, 'code');
  if (typeof code === 'string' && UNAVAILABLE_CODES.test(code)) return CODE_SHAPE.test(code) ? code : 'SQLITE_UNAVAILABLE';
  // What better-sqlite3 throws once its connection has been closed.
  if (error instanceof TypeError && /database connection is not open/i.test(error.message)) return 'closed';
  return null;
}

/** A busy TRUNCATE checkpoint is tried this many times, this far apart, before retention reports the WAL not cut. */
const ERASE_ATTEMPTS = 20;
const ERASE_RETRY_MS = 50;

export const sqliteDialect: StoreDialect = {
  kind: 'sqlite',
  isUniqueViolation: (error) => {
    const code = errorProperty(error, 'code');
    return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  },
  isReferenceViolation: (error) => errorProperty(error, 'code') === 'SQLITE_CONSTRAINT_FOREIGNKEY',
  // One connection and one writer at a time: SQLite waits (busy timeout) where SQL Server picks a victim.
  isDeadlock: () => false,
  exactText: (text) => text,
  isUnavailable: (error) => sqliteUnavailableCause(error) !== null,
  unavailableCause: sqliteUnavailableCause,
  // With secure_delete on (sqlite-store), removed text is zeroed in the pages written; the write-ahead
  // log still holds the pages as they were until it is checkpointed and, in TRUNCATE mode, cut to nothing.
  // The checkpoint worker (wal-checkpointer.ts) may be copying at that moment, which makes this one busy
  // (a checkpoint does not wait for another): it is tried again shortly.
  async eraseRemnants(db) {
    for (let attempt = 1; ; attempt++) {
      const { rows } = await sql.raw<{ busy: number }>('PRAGMA wal_checkpoint(TRUNCATE)').execute(db);
      if (rows.every((row) => Number(row.busy) === 0)) return true;
      if (attempt >= ERASE_ATTEMPTS) return false;
      await new Promise((resolve) => setTimeout(resolve, ERASE_RETRY_MS));
    }
  },
};

/** How long an instance waits for another one's migrations before it gives up starting. */
export const MIGRATION_LOCK_WAIT_MS = 60_000;

export const sqliteMigrations: MigrationDialect = {
  folder: codePath('store', 'sqlite', 'migrations'),
  createMigrationsTableSql: `CREATE TABLE IF NOT EXISTS schema_migrations (
  version    INTEGER NOT NULL PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT`,
  splitBatches: splitOnStatementEnds,
  // Several instances starting at once on one file: each migration's transaction begins with a write, so
  // it takes the database's one write lock before it reads anything; the others wait for it (up to
  // MIGRATION_LOCK_WAIT_MS) and then see, under the lock, what was applied meanwhile. (A transaction that
  // read first could not wait: SQLite refuses to upgrade a read snapshot that another writer made stale.)
  async lock(trx) {
    const { rows } = await sql.raw<{ timeout: number }>('PRAGMA busy_timeout').execute(trx);
    const previous = Number(rows[0]?.timeout ?? 5_000);
    await sql.raw(`PRAGMA busy_timeout = ${MIGRATION_LOCK_WAIT_MS}`).execute(trx);
    try {
      // A write that changes nothing the app reads (the header's user version, unused here).
      await sql.raw('PRAGMA user_version = 0').execute(trx);
    } finally {
      await sql.raw(`PRAGMA busy_timeout = ${previous}`).execute(trx);
    }
  },

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

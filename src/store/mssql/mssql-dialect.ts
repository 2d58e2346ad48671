import { sql, type Kysely } from 'kysely';
import mssql from 'mssql';
import { codePath } from '../../code-root';
import { splitOnGoLines, type MigrationDialect } from '../migrator';
import type { Database } from '../schema';
import { KEY_COLLATION } from '../schema-definition';
import { errorProperty, type StoreDialect } from '../store-dialect';

/** Duplicate key in a unique index (2601) or a unique/primary key constraint (2627). */
const UNIQUE_VIOLATIONS = new Set([2601, 2627]);

/** A foreign key refused a write (547): e.g. a row inserted at a place a concurrent merge removed. */
const REFERENCE_VIOLATION = 547;

/** Chosen as deadlock victim: the server rolled the whole transaction back, so running it again is safe. */
const DEADLOCK_VICTIM = 1205;

/**
 * Server errors that mean "not now" rather than "wrong": deadlock victim, lock timeout, database not
 * reachable or not available yet, and Azure SQL's transient errors (failover, throttling, busy).
 */
const TRANSIENT_NUMBERS = new Set([1205, 1222, 233, 4060, 10053, 10054, 10060, 10928, 10929, 40197, 40501, 40613, 49918, 49919, 49920]);

/**
 * Server errors of a database that cannot write: no space for a new page (1101) or in its filegroup
 * (1105), the transaction log full (9002), the database read-only (3906), Azure SQL's size quota
 * reached (40544) and a session ended for using too much log space (40552). Also out of locks (1204)
 * and out of memory (701): SQLite's SQLITE_NOMEM/SQLITE_FULL counterparts, not the caller's fault.
 */
const CANNOT_WRITE_NUMBERS = new Set([1101, 1105, 9002, 3906, 40544, 40552, 1204, 701]);

/** mssql/tedious codes of a connection that is gone, never made, or a request that timed out. */
const UNAVAILABLE_CODES = new Set(['ETIMEOUT', 'ESOCKET', 'ECONNCLOSED', 'ENOTOPEN', 'ENOCONN', 'ELOGIN', 'EINSTLOOKUP', 'ECONNRESET', 'ECANCEL']);

function mssqlUnavailableCause(error: unknown): string | null {
  const number = errorNumber(error);
  if (TRANSIENT_NUMBERS.has(number) || CANNOT_WRITE_NUMBERS.has(number)) return `MSSQL_${number}`;
  const code = errorProperty(error, 'code');
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return code;
  // tarn's TimeoutError: no pooled connection could be had in time.
  if (errorProperty(error, 'name') === 'TimeoutError') return 'pool_timeout';
  if (error instanceof mssql.ConnectionError) return 'connection';
  return null;
}

export const mssqlDialect: StoreDialect = {
  kind: 'mssql',
  isUniqueViolation: (error) => UNIQUE_VIOLATIONS.has(errorNumber(error)),
  isReferenceViolation: (error) => errorNumber(error) === REFERENCE_VIOLATION,
  isDeadlock: (error) => errorNumber(error) === DEADLOCK_VICTIM,
  exactText: (text) => sql<string>`${text} collate ${sql.raw(KEY_COLLATION)}`,
  isUnavailable: (error) => mssqlUnavailableCause(error) !== null,
  unavailableCause: mssqlUnavailableCause,
};

function errorNumber(error: unknown): number {
  const number = errorProperty(error, 'number') ?? errorProperty(errorProperty(error, 'originalError'), 'number');
  return typeof number === 'number' ? number : -1;
}

export const MIGRATION_LOCK_RESOURCE = 'trygghetsboten_schema_migrations';

/** How long an instance waits for another one's migrations before it gives up starting. */
export const MIGRATION_LOCK_WAIT_MS = 60_000;

/**
 * The request timeout of migration requests: the lock wait plus time for a migration's own work (an
 * index build on a grown table). The pool's 10-second timeout is for users' requests.
 */
export const MIGRATION_REQUEST_TIMEOUT_MS = MIGRATION_LOCK_WAIT_MS + 240_000;

/** Held until the migration's transaction ends, so a second instance starting meanwhile waits. */
export const TAKE_MIGRATION_LOCK_SQL =
  `EXEC sp_getapplock @Resource = N'${MIGRATION_LOCK_RESOURCE}', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = ${MIGRATION_LOCK_WAIT_MS}`;

/** sp_getapplock reports a timeout only in its return code; asking for the lock's mode is simpler to read back. */
export const READ_MIGRATION_LOCK_SQL =
  `SELECT APPLOCK_MODE(N'public', N'${MIGRATION_LOCK_RESOURCE}', N'Transaction') AS lock_mode`;

export const CREATE_MIGRATIONS_TABLE_SQL = `IF OBJECT_ID(N'schema_migrations', N'U') IS NULL
CREATE TABLE schema_migrations (
  version    INT           NOT NULL,
  name       NVARCHAR(200) NOT NULL,
  applied_at DATETIME2(3)  NOT NULL,
  CONSTRAINT pk_schema_migrations PRIMARY KEY (version)
)`;

export const mssqlMigrations: MigrationDialect = {
  folder: codePath('store', 'mssql', 'migrations'),
  createMigrationsTableSql: CREATE_MIGRATIONS_TABLE_SQL,
  splitBatches: splitOnGoLines,
  lock: takeMigrationLock,
};

async function takeMigrationLock(trx: Kysely<Database>): Promise<void> {
  await sql.raw(TAKE_MIGRATION_LOCK_SQL).execute(trx);
  const { rows } = await sql.raw<{ lock_mode: string }>(READ_MIGRATION_LOCK_SQL).execute(trx);
  if (rows[0]?.lock_mode !== 'Exclusive') throw new Error('Another instance is migrating the database; try again');
}

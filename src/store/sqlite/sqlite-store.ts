import fs from 'node:fs';
import path from 'node:path';
import { Kysely, SqliteDialect, type KyselyPlugin, type SqliteDatabase } from 'kysely';
import { StoreUnavailableError } from '../../domain/errors';
import type { Store } from '../../domain/ports/store.port';
import { RecentEntries } from '../../domain/recent-entries';
import { createKyselyStore } from '../kysely-store';
import { latestVersion, migrate } from '../migrator';
import type { Database } from '../schema';
import type { StoreOptions } from '../store-logger';
import { sqliteDialect, sqliteMigrations } from './sqlite-dialect';
import { openSqliteDatabase, type SqliteConnection, type SqliteStatement } from './sqlite-driver';
import { startWalCheckpointer, WAL_CHECKPOINT_INTERVAL_MS } from './wal-checkpointer';

export const SQLITE_MEMORY = ':memory:';

export interface SqliteStoreOptions extends StoreOptions {
  /** How long a write waits for another connection's lock before failing as unavailable. */
  busyTimeoutMs?: number;
  /** Extra Kysely plugins (tests use one to see every query). */
  plugins?: KyselyPlugin[];
  /** How often a worker thread checkpoints a file's WAL (wal-checkpointer.ts); 0: SQLite checkpoints on commit. */
  checkpointIntervalMs?: number;
}

/** Opens (creating folder and file when missing) and migrates a SQLite database file, or ':memory:'. */
export async function openSqliteStore(filename: string, options: SqliteStoreOptions = {}): Promise<Store> {
  let db: Kysely<Database> | undefined;
  try {
    const busyTimeoutMs = options.busyTimeoutMs ?? 5_000;
    const database = openDatabaseFile(filename, busyTimeoutMs);
    db = kyselyOver(database, options.plugins);
    await migrate(db, sqliteMigrations, options.logger);
    const store = createKyselyStore(db, sqliteDialect, { schemaVersion: latestVersion(sqliteMigrations), ...(options.logger ? { logger: options.logger } : {}) });
    const intervalMs = options.checkpointIntervalMs ?? WAL_CHECKPOINT_INTERVAL_MS;
    if (filename === SQLITE_MEMORY || intervalMs <= 0) return store;
    database.pragma('wal_autocheckpoint = 0');
    const checkpointer = startWalCheckpointer({
      filename, intervalMs, busyTimeoutMs, logger: options.logger,
      fallBack: () => { if (database.open) database.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`); },
    });
    // The worker's connection closes first: the last connection to close checkpoints the rest and removes the WAL.
    return { ...store, close: async () => { await checkpointer.stop(); await store.close(); } };
  } catch (error) {
    await db?.destroy();
    if (sqliteDialect.isUnavailable(error)) throw new StoreUnavailableError('The SQLite database cannot be opened', error);
    throw error;
  }
}

/** Kysely over a SQLite file, unmigrated. */
export function createSqliteKysely(filename: string, options: Omit<SqliteStoreOptions, 'logger'> = {}): Kysely<Database> {
  return kyselyOver(openDatabaseFile(filename, options.busyTimeoutMs ?? 5_000), options.plugins);
}

function kyselyOver(database: SqliteConnection, plugins: KyselyPlugin[] = []): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withBindableParameters(database) }), plugins });
}

/** SQLite's own default of `wal_autocheckpoint`, for when the checkpoint worker fails. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1_000;
/**
 * The most database pages the connection keeps in its own memory, in KiB. better-sqlite3 builds SQLite
 * with 16 MB (SQLite's own default is 2 MB): that cache filled as the file grew, a native 16 MB of the
 * server's RSS growth over 10 000 report submits (issue 14). Pages beyond it are read from the
 * operating system's file cache, which is shared and not counted in the process's memory.
 */
export const PAGE_CACHE_KIB = 2_000;

function openDatabaseFile(filename: string, busyTimeoutMs: number): SqliteConnection {
  if (filename !== SQLITE_MEMORY) fs.mkdirSync(path.dirname(path.resolve(filename)), { recursive: true });
  const database = openSqliteDatabase(filename);
  try {
    // First: two processes opening a new file at once wait for each other (switching to WAL needs a lock).
    database.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
    // WAL lets readers go on while one writer writes; NORMAL sync is durable enough with WAL.
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    // Deleted and overwritten content is zeroed in the file, not left in free space: anonymised text
    // must not be readable from the disk (the WAL is checkpointed after each retention run).
    database.pragma('secure_delete = ON');
    database.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    database.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
    return database;
  } catch (error) {
    database.close();
    throw error;
  }
}

/**
 * better-sqlite3 binds only numbers, strings, bigints, buffers and null. Times become ISO-8601 UTC
 * text (fixed width, so they sort as text) and booleans 0/1, for every statement Kysely prepares.
 *
 * A ROLLBACK with no transaction open does nothing: SQLite itself rolls the whole transaction back on
 * some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY…), and Kysely's rollback after such an error would
 * otherwise fail with "cannot rollback - no transaction is active" and hide the error that mattered
 * (a full disk would read as a programming error instead of "the store cannot write").
 */
function withBindableParameters(database: SqliteConnection): SqliteDatabase {
  const prepared = preparedOnce(database, (statement) => (ROLLBACK.test(statement.source) ? rollbackIfOpen(database, statement) : bindable(statement)));
  return {
    close: () => database.close(),
    prepare: prepared,
  };
}

type BindableStatement = ReturnType<SqliteDatabase['prepare']>;

/** Made once per statement (not per execution: four closures each time were a measurable part of a submit). */
function bindable(statement: SqliteStatement): BindableStatement {
  const bind = (parameters: ReadonlyArray<unknown>) => parameters.map(toSqliteValue);
  return {
    reader: statement.reader,
    all: (parameters) => statement.all(bind(parameters)),
    run: (parameters) => statement.run(bind(parameters)),
    iterate: (parameters) => statement.iterate(bind(parameters)),
  };
}

function rollbackIfOpen(database: SqliteConnection, statement: SqliteStatement): BindableStatement {
  return { ...NOTHING_TO_ROLL_BACK, run: () => (database.inTransaction ? statement.run() : NOTHING_TO_ROLL_BACK.run()) };
}

const ROLLBACK = /^\s*rollback\s*;?\s*$/i;

/** Most statements kept prepared; the queries of the bot are a few hundred distinct texts. */
export const PREPARED_STATEMENTS_MAX = 500;

/**
 * Kysely prepares every query anew; compiling the SQL was a tenth of a report submit's CPU time
 * (issue 14). A statement is prepared once per SQL text and kept, the least recently used going
 * first beyond PREPARED_STATEMENTS_MAX (lägesbild queries vary with their number of ranges). Reusing
 * one is safe: better-sqlite3 runs a statement to completion synchronously (no .stream() here), and
 * SQLite re-prepares a statement itself when a migration changed the schema.
 */
export function preparedOnce<S>(database: SqliteConnection, wrap: (statement: SqliteStatement) => S, max = PREPARED_STATEMENTS_MAX): (sql: string) => S {
  const statements = new RecentEntries<string, S>(max);
  return (sql) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = wrap(database.prepare(sql))));
    return statement;
  };
}

const NOTHING_TO_ROLL_BACK = {
  reader: false,
  all: () => [],
  run: () => ({ changes: 0, lastInsertRowid: 0 }),
  iterate: () => [][Symbol.iterator](),
};

function toSqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

import { Kysely } from 'kysely';
import mssql from 'mssql';
import { StoreUnavailableError } from '../../domain/errors';
import type { Store } from '../../domain/ports/store.port';
import { createKyselyStore } from '../kysely-store';
import { latestVersion, migrate } from '../migrator';
import type { Database } from '../schema';
import type { StoreOptions } from '../store-logger';
import { MIGRATION_REQUEST_TIMEOUT_MS, mssqlDialect, mssqlMigrations } from './mssql-dialect';
import { MssqlPoolDialect, type MssqlPool } from './mssql-driver';

/** mssql's ConnectionPool, listened to: without a listener an idle connection's error would be an uncaught 'error' event. */
function createConnectionPool(config: mssql.config, options: StoreOptions): MssqlPool {
  const pool = new mssql.ConnectionPool(config);
  pool.on('error', (error: unknown) => {
    options.logger?.error({ err: describeError(error) }, 'SQL Server connection pool error');
  });
  return pool;
}

/**
 * Connects to SQL Server and migrates; an unreachable server fails as StoreUnavailableError. The
 * migrations run through a second Kysely over the same pool whose requests may take as long as
 * MIGRATION_REQUEST_TIMEOUT_MS (waiting for another instance's migrations, building an index).
 */
export async function openMssqlStore(
  config: mssql.config, options: StoreOptions = {}, createPool: (config: mssql.config) => MssqlPool = (c) => createConnectionPool(c, options),
): Promise<Store> {
  const pool = createPool(config);
  const db = new Kysely<Database>({ dialect: new MssqlPoolDialect(pool) });
  // Not destroyed: destroying would close the pool the store goes on using.
  const migrationDb = new Kysely<Database>({ dialect: new MssqlPoolDialect(pool, { requestTimeoutMs: MIGRATION_REQUEST_TIMEOUT_MS }) });
  try {
    await migrate(migrationDb, mssqlMigrations, options.logger);
    return createKyselyStore(db, mssqlDialect, { schemaVersion: latestVersion(mssqlMigrations), ...(options.logger ? { logger: options.logger } : {}) });
  } catch (error) {
    // The migrations' Kysely is the one that connected the pool, so it is the one that closes it.
    await migrationDb.destroy().catch(() => undefined);
    if (mssqlDialect.isUnavailable(error)) throw new StoreUnavailableError('SQL Server cannot be reached', error);
    throw error;
  }
}

function describeError(error: unknown): { name?: string; code?: unknown; message?: string } {
  return error instanceof Error ? { name: error.name, code: (error as { code?: unknown }).code, message: error.message } : {};
}

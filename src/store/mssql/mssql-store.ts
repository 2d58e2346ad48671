import { Kysely } from 'kysely';
import mssql from 'mssql';
import { StoreUnavailableError } from '../../domain/errors';
import type { Store } from '../../domain/ports/store.port';
import { createKyselyStore } from '../kysely-store';
import { latestVersion, migrate } from '../migrator';
import type { Database } from '../schema';
import type { StoreOptions } from '../store-logger';
import { mssqlDialect, mssqlMigrations } from './mssql-dialect';
import { MssqlPoolDialect } from './mssql-driver';

/** Connects to SQL Server and migrates; an unreachable server fails as StoreUnavailableError. */
export async function openMssqlStore(config: mssql.config, options: StoreOptions = {}): Promise<Store> {
  const pool = new mssql.ConnectionPool(config);
  // Without a listener an idle connection's error would be thrown as an uncaught 'error' event.
  pool.on('error', (error: unknown) => {
    options.logger?.error({ err: describeError(error) }, 'SQL Server connection pool error');
  });
  const db = new Kysely<Database>({ dialect: new MssqlPoolDialect(pool) });
  try {
    await migrate(db, mssqlMigrations, options.logger);
    return createKyselyStore(db, mssqlDialect, { schemaVersion: latestVersion(mssqlMigrations), ...(options.logger ? { logger: options.logger } : {}) });
  } catch (error) {
    await db.destroy().catch(() => undefined);
    if (mssqlDialect.isUnavailable(error)) throw new StoreUnavailableError('SQL Server cannot be reached', error);
    throw error;
  }
}

function describeError(error: unknown): { name?: string; code?: unknown; message?: string } {
  return error instanceof Error ? { name: error.name, code: (error as { code?: unknown }).code, message: error.message } : {};
}

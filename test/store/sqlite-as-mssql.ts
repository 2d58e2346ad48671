import type { KyselyPlugin } from 'kysely';
import type { Store } from '../../src/domain/ports/store.port';
import { createKyselyStore } from '../../src/store/kysely-store';
import { latestVersion, migrate } from '../../src/store/migrator';
import { sqliteDialect, sqliteMigrations } from '../../src/store/sqlite/sqlite-dialect';
import { createSqliteKysely } from '../../src/store/sqlite/sqlite-store';

/**
 * A SQLite store in memory whose repositories choose their statements as on SQL Server (its dialect's
 * kind is 'mssql'; errors are still read as SQLite's): where a repository writes a statement only SQLite
 * has (an upsert), this runs the SQL Server branch instead, so that its T-SQL can be compiled and its
 * results checked without a server.
 */
export async function openSqliteStoreChoosingAsMssql(plugins: KyselyPlugin[] = []): Promise<Store> {
  const db = createSqliteKysely(':memory:', { plugins });
  try {
    await migrate(db, sqliteMigrations);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createKyselyStore(db, { ...sqliteDialect, kind: 'mssql' }, { schemaVersion: latestVersion(sqliteMigrations) });
}

import path from 'node:path';
import type { Store } from '../domain/ports/store.port';
import { describeMssqlUrl, parseMssqlUrl } from './mssql/mssql-url';
import { SQLITE_MEMORY, openSqliteStore } from './sqlite/sqlite-store';
import type { StoreOptions } from './store-logger';
import type * as MssqlStore from './mssql/mssql-store';

const SQLITE_PREFIX = 'sqlite:';
const MSSQL_PREFIX = 'mssql://';

/**
 * Opens the store a DATABASE_URL names and brings its schema up to date:
 * `sqlite:<path>` (relative to the working directory), `sqlite::memory:`, or
 * `mssql://user:password@host:port/database?encrypt=true&trustServerCertificate=false`.
 * Throws StoreUnavailableError when the database cannot be reached.
 */
export async function createStore(databaseUrl: string, options: StoreOptions = {}): Promise<Store> {
  const url = databaseUrl.trim();
  if (url.startsWith(SQLITE_PREFIX)) return openSqliteStore(sqliteFilename(url), options);
  if (url.startsWith(MSSQL_PREFIX)) {
    // Loaded only for SQL Server: the driver (tedious) costs about 0.3 s of every start otherwise (issue 14).
    // (require, not import(): the tests load TypeScript through tsx's CommonJS hook only.)
    const { openMssqlStore } = require('./mssql/mssql-store') as typeof MssqlStore;
    return openMssqlStore(parseMssqlUrl(url), options);
  }
  throw new Error(`Unsupported database URL "${describeDatabaseUrl(url)}": use sqlite:<path> or mssql://…`);
}

/** The URL without user, password or parameters, for logs and health pages. */
export function describeDatabaseUrl(databaseUrl: string): string {
  const url = databaseUrl.trim();
  if (url.startsWith(SQLITE_PREFIX)) return url;
  if (url.startsWith(MSSQL_PREFIX)) {
    try {
      return describeMssqlUrl(url);
    } catch {
      return 'mssql://(invalid URL)';
    }
  }
  // Anything else may be a connection string with a secret in it: show only its scheme.
  return `${/^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? ''}(unsupported)`;
}

function sqliteFilename(url: string): string {
  const location = url.slice(SQLITE_PREFIX.length);
  if (location === SQLITE_MEMORY) return SQLITE_MEMORY;
  if (location === '') throw new Error('The SQLite database URL names no file: use sqlite:<path>');
  return path.resolve(location);
}

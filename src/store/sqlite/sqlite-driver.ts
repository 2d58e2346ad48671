import type BetterSqlite3 from 'better-sqlite3';

/**
 * The one place that loads SQLite's driver: the store, its WAL checkpoint worker, the tests and the
 * benchmark all open databases through it, so that one process never mixes the two builds.
 *
 * better-sqlite3 12 (an ObjectWrap addon, compiled at install) aborts the process on Node 24.19+
 * (`RemoveEnvironmentCleanupHook: Assertion failed: (env) != nullptr` when a collected statement is
 * finalised; nodejs/node#65446). better-sqlite3 13 is a Node-API addon with prebuilt binaries and runs
 * there, but needs Node-API 10 (Node 22.14+, 23.6+, 24): on Node 20 it crashes. So 13 where Node-API 10
 * exists, 12 (an optional dependency) below it. Both have the same JavaScript API, which
 * @types/better-sqlite3 describes.
 */
export const SQLITE_DRIVERS = {
  /** better-sqlite3 13 under an npm alias (package.json). */
  napi: 'better-sqlite3-napi',
  /** better-sqlite3 12, for Node-API 9 and below (Node 20, Node 22 before 22.14). */
  legacy: 'better-sqlite3',
} as const;

export type SqliteDriverPackage = (typeof SQLITE_DRIVERS)[keyof typeof SQLITE_DRIVERS];

/** The Node-API version better-sqlite3 13's binaries are built for. */
export const NAPI_VERSION_OF_13 = 10;

/** Which driver runs on a Node whose `process.versions.napi` is this. */
export function chooseSqliteDriver(napiVersion: string | undefined): SqliteDriverPackage {
  const napi = Number(napiVersion);
  return Number.isInteger(napi) && napi >= NAPI_VERSION_OF_13 ? SQLITE_DRIVERS.napi : SQLITE_DRIVERS.legacy;
}

export type SqliteConnection = BetterSqlite3.Database;
export type SqliteStatement = BetterSqlite3.Statement;
export type SqliteOpenOptions = BetterSqlite3.Options;

export interface SqliteDriver {
  /** The package as installed: better-sqlite3-napi (13) or better-sqlite3 (12). */
  readonly package: SqliteDriverPackage;
  readonly version: string;
  /** What a worker thread requires to load the same build (wal-checkpointer.ts). */
  readonly entry: string;
  readonly Database: typeof BetterSqlite3;
}

let loaded: SqliteDriver | undefined;

/** The driver for this Node, loaded at the first call (a store on SQL Server never loads it). */
export function sqliteDriver(): SqliteDriver {
  loaded ??= load(chooseSqliteDriver(process.versions.napi));
  return loaded;
}

/** `better-sqlite3@13.2.0`: for the start log line (no path, nothing of the data). */
export function describeSqliteDriver(driver: SqliteDriver = sqliteDriver()): string {
  return `better-sqlite3@${driver.version}`;
}

export function openSqliteDatabase(filename: string, options?: SqliteOpenOptions): SqliteConnection {
  return new (sqliteDriver().Database)(filename, options);
}

// Literal requires, one per package: the bundle (scripts/build.cjs) keeps each as a require of node_modules.
function load(name: SqliteDriverPackage): SqliteDriver {
  try {
    if (name === SQLITE_DRIVERS.napi) {
      return { package: name, version: versionOf(require('better-sqlite3-napi/package.json')), entry: require.resolve('better-sqlite3-napi'), Database: require('better-sqlite3-napi') as typeof BetterSqlite3 };
    }
    return { package: name, version: versionOf(require('better-sqlite3/package.json')), entry: require.resolve('better-sqlite3'), Database: require('better-sqlite3') as typeof BetterSqlite3 };
  } catch (error) {
    // Only the package itself missing (its package.json is required first), not a file missing inside it.
    if (errorCode(error) !== 'MODULE_NOT_FOUND' || !String((error as Error).message).includes(`'${name}/package.json'`)) throw error;
    throw new Error(missingDriverMessage(name, process.version, process.versions.napi), { cause: error });
  }
}

export function missingDriverMessage(name: SqliteDriverPackage, nodeVersion: string, napiVersion: string | undefined): string {
  return name === SQLITE_DRIVERS.legacy
    ? `SQLite needs better-sqlite3 12 on Node ${nodeVersion} (Node-API ${napiVersion ?? '?'}; better-sqlite3 13 needs Node-API ${NAPI_VERSION_OF_13}, `
      + 'Node 22.14+ or 24), and it is not installed: it is an optional dependency whose build failed or was skipped. '
      + 'Install it with `npm install better-sqlite3@12` (needs python3, make and g++), or run Node 22.14+ or 24.'
    : `SQLite needs better-sqlite3 13 (the dependency better-sqlite3-napi) on Node ${nodeVersion}, and it is not installed: run \`npm ci\`.`;
}

function versionOf(manifest: unknown): string {
  const version = (manifest as { version?: unknown }).version;
  return typeof version === 'string' ? version : 'unknown';
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

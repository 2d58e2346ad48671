import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';
import type { StoreLogger } from './store-logger';

/** What differs between engines when migrating: where the scripts are and how they are run. */
export interface MigrationDialect {
  /** Folder of NNNN_name.sql files. */
  folder: string;
  /** Creates schema_migrations when it is missing; must be safe to run every start. */
  createMigrationsTableSql: string;
  /** Cuts a script into the pieces the engine accepts in one request. */
  splitBatches(script: string): string[];
  /** Keeps two app instances starting at once from migrating at once (inside the transaction). */
  lock?(trx: Kysely<Database>): Promise<void>;
  /**
   * Wraps the whole run, outside any transaction: SQLite turns foreign keys off so that a migration
   * can rebuild a table other tables refer to (the only way to change its keys), as SQLite prescribes.
   */
  around?<T>(db: Kysely<Database>, run: () => Promise<T>): Promise<T>;
  /** Runs inside each migration's transaction after its batches; throws if the migration broke a reference. */
  verify?(trx: Kysely<Database>): Promise<void>;
}

export interface Migration {
  version: number;
  name: string;
  batches: string[];
}

const MIGRATION_FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function readMigrations(dialect: MigrationDialect): Migration[] {
  const migrations = fs.readdirSync(dialect.folder)
    .map((file) => ({ file, match: MIGRATION_FILE.exec(file) }))
    .filter((entry): entry is { file: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ file, match }) => ({
      version: Number(match[1]),
      name: match[2] ?? file,
      batches: dialect.splitBatches(fs.readFileSync(path.join(dialect.folder, file), 'utf8')),
    }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (index > 0 && migrations[index - 1]?.version === migration.version) {
      throw new Error(`Two migrations have version ${migration.version} in ${dialect.folder}`);
    }
  });
  return migrations;
}

/** The newest migration this app version knows: the schema version a ready store has. */
export function latestVersion(dialect: MigrationDialect): number {
  return readMigrations(dialect).reduce((max, m) => Math.max(max, m.version), 0);
}

/**
 * Applies, in version order, each migration not yet recorded in schema_migrations: each in its own
 * transaction together with its record, so that a failed migration leaves nothing half done and a
 * second run does nothing. Returns the versions applied.
 */
export async function migrate(db: Kysely<Database>, dialect: MigrationDialect, logger?: StoreLogger): Promise<number[]> {
  const migrations = readMigrations(dialect);
  return dialect.around ? dialect.around(db, () => applyMigrations(db, dialect, migrations, logger)) : applyMigrations(db, dialect, migrations, logger);
}

async function applyMigrations(db: Kysely<Database>, dialect: MigrationDialect, migrations: Migration[], logger?: StoreLogger): Promise<number[]> {
  await db.transaction().execute(async (trx) => {
    await dialect.lock?.(trx);
    await sql.raw(dialect.createMigrationsTableSql).execute(trx);
  });
  const applied: number[] = [];
  for (const migration of migrations) {
    const didApply = await db.transaction().execute(async (trx) => {
      await dialect.lock?.(trx);
      // Checked under the lock: another instance may have applied it while this one waited.
      if (await isApplied(trx, migration.version)) return false;
      for (const batch of migration.batches) await sql.raw(batch).execute(trx);
      await dialect.verify?.(trx);
      await trx.insertInto('schema_migrations')
        .values({ version: migration.version, name: migration.name, applied_at: new Date() })
        .execute();
      return true;
    }).catch((error: unknown) => {
      logger?.error({ version: migration.version, migration: migration.name }, 'database migration failed');
      throw error;
    });
    if (didApply) {
      applied.push(migration.version);
      logger?.info({ version: migration.version, migration: migration.name }, 'database migration applied');
    }
  }
  await warnAboutUnknownVersions(db, migrations, logger);
  return applied;
}

async function isApplied(db: Kysely<Database>, version: number): Promise<boolean> {
  const row = await db.selectFrom('schema_migrations').select('version').where('version', '=', version).executeTakeFirst();
  return row !== undefined;
}

/** A database migrated by a newer version of the app may not fit this one: say so, but keep going. */
async function warnAboutUnknownVersions(db: Kysely<Database>, known: Migration[], logger?: StoreLogger): Promise<void> {
  if (!logger) return;
  const knownVersions = new Set(known.map((m) => m.version));
  const rows = await db.selectFrom('schema_migrations').select('version').orderBy('version').execute();
  const unknown = rows.map((r) => r.version).filter((v) => !knownVersions.has(v));
  if (unknown.length > 0) logger.warn({ versions: unknown }, 'database has migrations this app version does not know');
}

/** SQL Server scripts: batches separated by lines holding only GO (as in sqlcmd and SSMS). */
export function splitOnGoLines(script: string): string[] {
  return withoutEmptyPieces(script.split(/^[ \t]*GO[ \t]*$/im));
}

/** SQLite scripts: one statement per request, each ending with ';' at the end of a line. */
export function splitOnStatementEnds(script: string): string[] {
  return withoutEmptyPieces(script.split(/;[ \t]*$/m));
}

function withoutEmptyPieces(pieces: string[]): string[] {
  return pieces.map((piece) => piece.trim()).filter((piece) => piece.replace(/^\s*--.*$/gm, '').trim() !== '');
}

import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { migrate } from '../../src/store/migrator';
import type { Database } from '../../src/store/schema';
import { sqliteMigrations } from '../../src/store/sqlite/sqlite-dialect';

/**
 * Migrates a SQLite database only up to `version` (inclusive), as an installation of that version had
 * it: the scripts up to it are copied into `folder` and run from there. Returns the versions applied.
 */
export async function migrateUpTo(db: Kysely<Database>, version: number, folder: string): Promise<number[]> {
  const previous = path.join(folder, `migrations-up-to-${version}`);
  fs.mkdirSync(previous);
  for (const file of fs.readdirSync(sqliteMigrations.folder).filter((f) => /^\d{4}_.*\.sql$/.test(f) && Number(f.slice(0, 4)) <= version)) {
    fs.copyFileSync(path.join(sqliteMigrations.folder, file), path.join(previous, file));
  }
  return migrate(db, { ...sqliteMigrations, folder: previous });
}

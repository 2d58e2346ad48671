import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDatabase, type SqliteConnection, type SqliteStatement } from '../../src/store/sqlite/sqlite-driver';
import type { Store } from '../../src/domain/ports/store.port';
import { sql } from 'kysely';
import { createStore } from '../../src/store/create-store';
import { migrate } from '../../src/store/migrator';
import { sqliteMigrations } from '../../src/store/sqlite/sqlite-dialect';
import { createSqliteKysely } from '../../src/store/sqlite/sqlite-store';
import { pick, seededRandom } from './seeded-random';

// Generated incidents for the lägesbild and hot spot measures, written straight into a migrated SQLite
// file (a million through the domain would take hours). Fixed seed: every run has the same data.

export const TENANTS = ['bench-tenant-a', 'bench-tenant-b'];
export const CHANNELS = 50;
/** Places of both tenants together (the lägesbild's data); the hot spot measure gives each tenant 1 k. */
export const PLACES = 1_000;
/** Half of all incidents are in one channel (the busiest), the rest spread over the other 49. */
export const BUSY = { tenantId: TENANTS[0]!, conversationId: channelId(0) };
export const QUIET = { tenantId: TENANTS[1]!, conversationId: channelId(1) };
/** Incidents fall over the two years before this instant. */
export const DATA_END = new Date('2026-12-31T23:00:00Z');
const SPAN_MS = 2 * 365 * 86_400_000;
/** The migration that counts incidents per day (and backfills the counts). */
const DAY_COUNTS_VERSION = 15;

const CATEGORIES = ['skadegorelse_klotter', 'skadegorelse_glaskross', 'nedskrapning', 'ordningsstorning', 'stold_inbrott_ran', 'hot_vald'];
const ORGANISATIONS = ['polisen', 'kommunen', 'skola', 'socialtjanst'];
const SEVERITIES = ['lag', 'medel', 'hog'];

export function channelId(i: number): string {
  return `19:bench-${i}@thread.tacv2`;
}

/** Channel i (0..49) lives in tenant i % 2. */
const tenantOfChannel = (i: number) => TENANTS[i % 2]!;

export interface IncidentData {
  file: string;
  store: Store;
  /** The place ids of each tenant. */
  places: Map<string, string[]>;
  close(): Promise<void>;
}

/** A migrated SQLite file holding `count` incidents over 1 k places (half per tenant unless given) and 50 channels. */
export async function generateIncidents(count: number, placesPerTenant = PLACES / TENANTS.length, seed = 14): Promise<IncidentData> {
  const dir = mkdtempSync(join(tmpdir(), 'trygghetsboten-bench-data-'));
  const file = join(dir, 'bench.db');
  await migrateBeforeDayCounts(dir, file);
  const db = openSqliteDatabase(file);
  const random = seededRandom(seed);
  const places = insertPlaces(db, placesPerTenant);
  const insert = insertStatement(db, 'incidents');
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const channel = random() < 0.5 ? 0 : 1 + Math.floor(random() * (CHANNELS - 1));
      const tenantId = tenantOfChannel(channel);
      const placeIndex = Math.floor(random() * places.get(tenantId)!.length);
      const at = new Date(DATA_END.getTime() - Math.floor(random() * SPAN_MS)).toISOString();
      insert({
        id: randomUUID(), ref: `H-B-${i}`, occurred_at: at, place_id: places.get(tenantId)![placeIndex]!, place_name: `Plats ${placeIndex}`,
        category: pick(random, CATEGORIES), description: 'Genererad händelse', severity: pick(random, SEVERITIES), organisation: pick(random, ORGANISATIONS),
        school: random() < 0.2 ? `Skola ${Math.floor(random() * 6)}` : null, youth_involved: Math.floor(random() * 4), status: 'ny',
        reporter_id: `bench-user-${i % 200}`, reporter_name: 'Bänk', tenant_id: tenantId, conversation_id: channelId(channel),
        created_at: at, updated_at: at, version: 1,
      });
    }
  })();
  db.close();
  // The rest of the migrations: 0015 counts the incidents per day, as it does an upgraded database's.
  const migrating = createSqliteKysely(file);
  await migrate(migrating, sqliteMigrations);
  await sql`ANALYZE`.execute(migrating);
  await migrating.destroy();
  const store = await createStore(`sqlite:${file}`);
  return { file, store, places, close: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/**
 * The file migrated up to the version before the counts per day (0015): the rows are written straight
 * into the tables, so the counts come from the migration's own backfill, not from the repositories.
 */
async function migrateBeforeDayCounts(dir: string, file: string): Promise<void> {
  const earlier = join(dir, 'migrations-before-0015');
  mkdirSync(earlier);
  for (const name of readdirSync(sqliteMigrations.folder).filter((f) => /^\d{4}_/.test(f) && Number(f.slice(0, 4)) < DAY_COUNTS_VERSION)) {
    copyFileSync(join(sqliteMigrations.folder, name), join(earlier, name));
  }
  const db = createSqliteKysely(file);
  await migrate(db, { ...sqliteMigrations, folder: earlier });
  await db.destroy();
}

function insertPlaces(db: SqliteConnection, perTenant: number): Map<string, string[]> {
  const insert = insertStatement(db, 'places');
  const created = new Date(DATA_END.getTime() - SPAN_MS - 86_400_000).toISOString();
  const places = new Map<string, string[]>();
  db.transaction(() => {
    for (const tenantId of TENANTS) {
      const ids: string[] = [];
      for (let i = 0; i < perTenant; i++) {
        const id = randomUUID();
        insert({ id, tenant_id: tenantId, name: `Plats ${i}`, name_key: `plats ${i}`, created_at: created });
        ids.push(id);
      }
      places.set(tenantId, ids);
    }
  })();
  return places;
}

/**
 * An INSERT of every column of the table as it is after all migrations: columns not given are NULL or
 * their default, so that a new nullable column does not break the generator.
 */
function insertStatement(db: SqliteConnection, table: string): (row: Record<string, unknown>) => void {
  const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; notnull: number; dflt_value: unknown }[]);
  return (row) => {
    const given = columns.filter((c) => c.name in row);
    const missing = columns.filter((c) => !(c.name in row) && c.notnull === 1 && c.dflt_value === null);
    if (missing.length > 0) throw new Error(`the generator gives no value for ${table}.${missing.map((c) => c.name).join(', ')}`);
    statementFor(db, table, given.map((c) => c.name)).run(given.map((c) => row[c.name]));
  };
}

const statements = new WeakMap<SqliteConnection, Map<string, SqliteStatement>>();
function statementFor(db: SqliteConnection, table: string, names: string[]): SqliteStatement {
  const cache = statements.get(db) ?? new Map<string, SqliteStatement>();
  statements.set(db, cache);
  const key = `${table}(${names.join(',')})`;
  let statement = cache.get(key);
  if (!statement) {
    statement = db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
    cache.set(key, statement);
  }
  return statement;
}

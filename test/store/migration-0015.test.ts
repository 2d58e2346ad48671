import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteDatabase } from '../../src/store/sqlite/sqlite-driver';
import type { Kysely } from 'kysely';
import { migrate } from '../../src/store/migrator';
import { incidentDayOf, recountIncidentDays } from '../../src/store/repositories/incident-calendar-counts';
import type { Database } from '../../src/store/schema';
import { sqliteDialect, sqliteMigrations } from '../../src/store/sqlite/sqlite-dialect';
import { createSqliteKysely } from '../../src/store/sqlite/sqlite-store';
import { migrateUpTo } from './migrate-up-to';
import { STOCKHOLM_EDGES } from './store-fixtures';

// Upgrading a database of version 0014: migration 0015 counts the incidents already stored per
// Stockholm day, month and year in SQL (its own rule for summer time), and must count exactly as the
// repositories count each new one (luxon's Europe/Stockholm), around midnights and DST changes too.

const TENANT = 'aaaaaaaa-1111-4111-8111-111111111111';
const PLACES = ['11111111-0000-4000-8000-00000000000a', '11111111-0000-4000-8000-00000000000b'];
const INSTANTS = [
  ...STOCKHOLM_EDGES.map((d) => d.toISOString()),
  '2024-03-31T00:59:59.999Z', '2024-03-31T01:00:00.000Z', '2024-10-27T00:59:59.999Z', '2024-10-27T01:00:00.000Z',
  '2026-07-15T12:00:00.000Z', '2026-07-15T12:00:00.000Z',
];

type CountRow = Record<string, unknown>;
const allCounts = (db: Kysely<Database>): Promise<CountRow[]> => db.selectFrom('incident_calendar_counts').selectAll()
  .orderBy('conversation_id').orderBy('dimension').orderBy('unit').orderBy('first_day').orderBy('group_key').execute();

describe('migration 0015 (the lägesbild\'s counts per day, month and year) on a database of version 0014', function () {
  let folder: string;
  let db: Kysely<Database>;

  beforeEach(async function () {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trygghetsboten-0015-'));
    const file = path.join(folder, 'bot.db');
    db = createSqliteKysely(file);
    assert.equal((await migrateUpTo(db, 14, folder)).length, 14);
    const raw = openSqliteDatabase(file);
    const place = raw.prepare(`INSERT INTO places (id, tenant_id, name, name_key, created_at) VALUES (?, ?, ?, ?, '2024-01-01T00:00:00.000Z')`);
    PLACES.forEach((id, i) => place.run(id, TENANT, `Plats ${i}`, `plats ${i}`));
    const incident = raw.prepare(`INSERT INTO incidents (id, ref, occurred_at, place_id, place_name, category, description, severity, organisation,
      school, youth_involved, status, reporter_id, reporter_name, tenant_id, conversation_id, created_at, updated_at, version)
      VALUES (?, ?, ?, ?, 'Plats', ?, 'Händelse', 'medel', ?, ?, ?, 'ny', 'aad-reporter', 'Rapportör', ?, ?, ?, ?, 1)`);
    INSTANTS.forEach((at, i) => incident.run(
      `22222222-0000-4000-8000-${String(i).padStart(12, '0')}`, `H-2026-${String(i).padStart(4, '0')}`, at, PLACES[i % 2], i % 3 ? 'brand' : 'nedskrapning',
      i % 4 ? 'polisen' : 'skola', [null, 'Björkskolan', 'BJÖRKSKOLAN', 'Ängsskolan'][i % 4], [null, 0, 2][i % 3], TENANT, `conv-${i % 2}`, at, at,
    ));
    raw.close();
    assert.equal((await migrate(db, sqliteMigrations))[0], 15, '0015 runs first, then any later migration');
  });

  afterEach(async function () {
    await db.destroy();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('counts the stored incidents exactly as the repositories count them, day by day', async function () {
    const migrated = await allCounts(db);
    assert.ok(migrated.some((r) => r.unit === 'year') && migrated.some((r) => r.unit === 'month') && migrated.some((r) => r.dimension === 'school'));
    await db.deleteFrom('incident_calendar_counts').execute();
    const incidents = await db.selectFrom('incidents').select(['tenant_id', 'conversation_id', 'occurred_at']).execute();
    await db.transaction().execute((trx) => recountIncidentDays(trx, sqliteDialect, incidents.map(incidentDayOf)));
    assert.deepEqual(migrated, await allCounts(db));
  });

  it('puts an incident at local midnight on its local day, not on the UTC date before it, in winter and in summer', async function () {
    const days = await db.selectFrom('incident_calendar_counts').select(['first_day', 'incident_count'])
      .where('unit', '=', 'day').where('dimension', '=', 'category').where('conversation_id', '=', 'conv-1')
      .where('first_day', 'in', ['2025-12-31', '2026-01-01', '2026-06-30', '2026-07-01']).orderBy('first_day').execute();
    // conv-1 holds the odd instants: 2025-12-31T23:00Z (1 January 00:00 local) and 2026-06-30T22:00Z (1 July 00:00 local).
    assert.deepEqual(days.map((d) => d.first_day), ['2026-01-01', '2026-07-01']);
  });
});

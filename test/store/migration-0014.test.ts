import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteDatabase } from '../../src/store/sqlite/sqlite-driver';
import type { Kysely } from 'kysely';
import { createKyselyStore } from '../../src/store/kysely-store';
import { migrate } from '../../src/store/migrator';
import type { Database } from '../../src/store/schema';
import { sqliteDialect, sqliteMigrations } from '../../src/store/sqlite/sqlite-dialect';
import { createSqliteKysely } from '../../src/store/sqlite/sqlite-store';
import { migrateUpTo } from './migrate-up-to';

// Upgrading a database of version 0013, when activities still had a status: one closed (åtgärdad)
// then counts as followed up, when it was last changed; an open one still waits for its follow-up.

const TENANT = 'aaaaaaaa-1111-4111-8111-111111111111';
const CLOSED_AT = '2026-03-05T08:00:00.000Z';

describe('migration 0014 (an activity\'s follow-up done) on a database of version 0013', function () {
  let folder: string;
  let db: Kysely<Database>;

  beforeEach(async function () {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trygghetsboten-0014-'));
    const file = path.join(folder, 'bot.db');
    db = createSqliteKysely(file);
    assert.equal((await migrateUpTo(db, 13, folder)).at(-1), 13);
    const raw = openSqliteDatabase(file);
    const activity = (id: string, ref: string, status: string) => raw.prepare(`INSERT INTO activities (id, ref, type, activity_date, place_id,
      place_name, organisation, notes, people_met, follow_up_date, status, assignee_id, assignee_name, reporter_id, reporter_name, tenant_id,
      conversation_id, created_at, updated_at, version, anonymised_at, organisation_confirmed, submit_key)
      VALUES (?, ?, 'trygghetsvandring', '2026-03-01', NULL, NULL, 'kommunen', 'Anteckning', NULL, '2026-03-03', ?, NULL, NULL, 'aad-reporter',
      'Rapportör', ?, 'conv-a', '2026-03-01T08:00:00.000Z', ?, 2, NULL, 1, NULL)`).run(id, ref, status, TENANT, CLOSED_AT);
    activity('11111111-0000-4000-8000-000000000001', 'A-2026-0001', 'atgardad');
    activity('11111111-0000-4000-8000-000000000002', 'A-2026-0002', 'hanteras');
    raw.close();
    // 0014 first; later migrations (0015 on) follow it and leave activities' follow-up columns as they are.
    assert.equal((await migrate(db, sqliteMigrations))[0], 14);
  });

  afterEach(async function () {
    await db.destroy();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('counts a closed activity\'s follow-up as done when it was closed, and keeps an open one overdue', async function () {
    const store = createKyselyStore(db, sqliteDialect);
    const scope = { tenantId: TENANT, conversationId: 'conv-a' };
    const closed = await store.activities.get(scope, '11111111-0000-4000-8000-000000000001');
    assert.deepEqual(closed?.followUpDone, { at: new Date(CLOSED_AT), byUserId: null }, 'who closed it is not known');
    assert.equal((await store.activities.get(scope, '11111111-0000-4000-8000-000000000002'))?.followUpDone, null);
    const overdue = await store.lagesbild.overdueFollowUps(scope, '2026-03-10', 10);
    assert.deepEqual(overdue.items.map((o) => o.ref), ['A-2026-0002']);
  });
});

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteDatabase, type SqliteConnection } from '../../src/store/sqlite/sqlite-driver';
import { sql, type Kysely } from 'kysely';
import { createKyselyStore } from '../../src/store/kysely-store';
import { migrate } from '../../src/store/migrator';
import type { Database } from '../../src/store/schema';
import { sqliteDialect, sqliteMigrations } from '../../src/store/sqlite/sqlite-dialect';
import { createSqliteKysely } from '../../src/store/sqlite/sqlite-store';
import { incidentFields, newReport } from './store-fixtures';
import { sqliteSnapshot } from './store-snapshot';

// Upgrading a database the previous version (migrations 0001–0004) wrote: every row is kept and gets
// the tenant it was created in (see the comment at the top of 0005_tenant_isolation.sql).

const A = 'aaaaaaaa-1111-4111-8111-111111111111';
const B = 'bbbbbbbb-2222-4222-8222-222222222222';
const t = (minutes: number) => new Date(Date.UTC(2026, 2, 1, 8, minutes)).toISOString();

const SHARED = '11111111-0000-4000-8000-000000000001'; // Stora torget: B first (t1), then A (t2)
const AREA = '11111111-0000-4000-8000-000000000002'; // Centrum: nobody reports there; Stora torget lies in it
const PARK = '11111111-0000-4000-8000-000000000003'; // Parken: A only
const SCHOOL = '11111111-0000-4000-8000-000000000004'; // Skolgården: A's hot spot only
const ORPHAN = '11111111-0000-4000-8000-000000000005'; // Gamla stationen: nobody
const copyOf = (placeId: string, tenantId: string) => `${placeId.slice(-27)}~${tenantId.slice(0, 8)}`;

describe('migration 0005 (tenant isolation) on a database of the previous version', function () {
  let folder: string;
  let previous: string;
  let file: string;
  let db: Kysely<Database>;
  let raw: SqliteConnection;

  const run = (statement: string, ...values: unknown[]) => raw.prepare(statement).run(...values);
  const all = <T = Record<string, unknown>>(statement: string, ...values: unknown[]) => raw.prepare(statement).all(...values) as T[];
  /** Whether the store's own connection enforces foreign keys (the migrator turns them off while it runs). */
  const foreignKeysOn = async () => (await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db)).rows[0]?.foreign_keys === 1;
  const count = (table: string) => (raw.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

  beforeEach(async function () {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trygghetsboten-0005-'));
    previous = path.join(folder, 'previous-migrations');
    fs.mkdirSync(previous);
    const current = sqliteMigrations.folder;
    const old = fs.readdirSync(current).filter((f) => /^000[1-4]_.*\.sql$/.test(f));
    assert.equal(old.length, 4);
    for (const f of old) fs.copyFileSync(path.join(current, f), path.join(previous, f));
    file = path.join(folder, 'bot.db');
    db = createSqliteKysely(file);
    assert.deepEqual(await migrate(db, { ...sqliteMigrations, folder: previous }), [1, 2, 3, 4]);
    raw = openSqliteDatabase(file);
    raw.pragma('foreign_keys = ON');
  });

  afterEach(async function () {
    raw.close();
    await db.destroy();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** Rows as version 0004 wrote them: two tenants sharing one place register. */
  function insertPreviousVersionRows(): void {
    const place = (id: string, name: string, key: string, parent: string | null, kind = 'annat', lat: number | null = null) =>
      run('INSERT INTO places (id, name, name_key, created_at, kind, lat, lon, parent_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', id, name, key, t(0), kind, lat, lat, parent);
    place(AREA, 'Centrum', 'centrum', null, 'omrade');
    place(SHARED, 'Stora torget', 'stora torget', AREA, 'torg', 59.2);
    place(PARK, 'Parken', 'parken', null);
    place(SCHOOL, 'Skolgården', 'skolgarden', null);
    place(ORPHAN, 'Gamla stationen', 'gamla stationen', null);
    run('INSERT INTO place_aliases (alias_key, alias, place_id) VALUES (?, ?, ?)', 'torget', 'Torget', SHARED);

    const incident = (id: string, ref: string, tenant: string, conversation: string, placeId: string, at: string) =>
      run(`INSERT INTO incidents (id, ref, occurred_at, place_id, place_name, category, description, severity, organisation, school,
        youth_involved, police_report_number, status, assignee_id, assignee_name, reporter_id, reporter_name, tenant_id, conversation_id,
        created_at, updated_at, version, anonymised_at) VALUES (?, ?, ?, ?, 'Stora torget', 'brand', 'Text', 'medel', 'polisen', NULL,
        NULL, NULL, 'ny', NULL, NULL, 'aad-reporter', 'Rapportör', ?, ?, ?, ?, 1, NULL)`, id, ref, at, placeId, tenant, conversation, at, at);
    incident('i-b', 'H-2026-0001', B, 'conv-b', SHARED, t(1));
    incident('i-a', 'H-2026-0002', A, 'conv-a', SHARED, t(2));

    const activity = (id: string, ref: string, tenant: string, conversation: string, placeId: string | null, at: string) =>
      run(`INSERT INTO activities (id, ref, type, activity_date, place_id, place_name, organisation, notes, people_met, follow_up_date,
        status, assignee_id, assignee_name, reporter_id, reporter_name, tenant_id, conversation_id, created_at, updated_at, version, anonymised_at)
        VALUES (?, ?, 'hotspot_besok', '2026-03-01', ?, NULL, 'kommunen', 'Anteckning', 3, NULL, 'ny', NULL, NULL, 'aad-reporter', 'Rapportör',
        ?, ?, ?, ?, 1, NULL)`, id, ref, placeId, tenant, conversation, at, at);
    activity('a-b', 'A-2026-0001', B, 'conv-b', SHARED, t(3));
    activity('a-a', 'A-2026-0002', A, 'conv-a', PARK, t(2));
    activity('a-none', 'A-2026-0003', A, 'conv-a', null, t(6));
    run("INSERT INTO activity_organisations (activity_id, organisation, position) VALUES ('a-b', 'polisen', 0), ('a-b', 'skola', 1)");
    run("INSERT INTO reference_counters (kind, year, value) VALUES ('H', 2026, 2), ('A', 2026, 3)");

    const hotspot = (id: string, placeId: string, tenant: string, conversation: string, at: string) =>
      run(`INSERT INTO hotspots (id, place_id, state, owner_organisation, owner_id, owner_name, created_by_id, created_by_name, tenant_id,
        conversation_id, analysis_who, analysis_what, analysis_when, analysis_why, follow_up_date, follow_up_reminded, created_at, updated_at, version)
        VALUES (?, ?, 'kartlaggs', 'polisen', 'aad-owner', 'Ägare', 'aad-owner', 'Ägare', ?, ?, NULL, NULL, NULL, NULL, NULL, NULL, ?, ?, 1)`,
      id, placeId, tenant, conversation, at, at);
    hotspot('h-b', SHARED, B, 'conv-b', t(4));
    hotspot('h-a', SCHOOL, A, 'conv-a', t(5));
    run(`INSERT INTO hotspot_measures (id, hotspot_id, what, organisation, due_date, done_at, reminded, created_by_id, created_by_name, created_at)
      VALUES ('m-b', 'h-b', 'Belysning', 'kommunen', '2026-03-20', NULL, 0, 'aad-owner', 'Ägare', ?)`, t(4));

    const conversation = (id: string, tenant: string, at: string) =>
      run(`INSERT INTO conversations (conversation_id, tenant_id, scope, team_id, channel_id, service_url, reference_json, installed_at, updated_at)
        VALUES (?, ?, 'channel', NULL, NULL, 'https://smba.example/', '{}', ?, ?)`, id, tenant, at, at);
    conversation('conv-a', A, t(0));
    conversation('conv-b', B, t(1));

    const profile = (user: string, tenant: string, organisation: string) =>
      run(`INSERT INTO user_profiles (user_id, tenant_id, organisation, school, updated_at, chat_user_id, display_name)
        VALUES (?, ?, ?, NULL, ?, ?, ?)`, user, tenant, organisation, t(0), `29:${user}`, user);
    profile('u-a1', A, 'polisen'); // organisation set by A's coordinator: confirmed
    profile('u-a2', A, 'kommunen'); // set to polisen by a coordinator, since changed by the user: not confirmed
    profile('u-b1', B, 'skola'); // an organisation.changed row, but in the other tenant: not confirmed
    profile('u-b2', B, 'fritid'); // changed twice in B: the latest change confirms
    profile('coord-a', A, 'kommunen');

    let auditId = 0;
    const audit = (tenant: string, actor: string, action: string, entity: string, detail: string | null, at: string) =>
      run(`INSERT INTO audit_log (id, at, tenant_id, actor_id, action, entity_kind, entity_id, entity_ref, detail)
        VALUES (?, ?, ?, ?, ?, 'user', ?, NULL, ?)`, `audit-${++auditId}`, at, tenant, actor, action, entity, detail);
    audit(A, 'coord-a', 'organisation.changed', 'u-a1', 'polisen', t(10));
    audit(A, 'coord-a', 'organisation.changed', 'u-a2', 'polisen', t(10));
    audit(A, 'coord-a', 'organisation.changed', 'u-b1', 'skola', t(10));
    audit(B, 'coord-x', 'organisation.changed', 'u-b2', 'skola', t(11));
    audit(B, 'coord-y', 'organisation.changed', 'u-b2', 'fritid', t(12));
    audit(A, 'admin', 'coordinator.added', 'coord-a', null, t(13));
    audit(A, 'admin', 'coordinator.added', 'coord-both', null, t(14));
    audit(B, 'admin', 'coordinator.added', 'coord-both', null, t(15));

    const coordinator = (user: string) => run('INSERT INTO coordinators (user_id, added_by, added_at) VALUES (?, ?, ?)', user, 'admin', t(13));
    coordinator('coord-a'); // audit row in A
    coordinator('coord-both'); // audit rows in A and B
    coordinator('u-b1'); // no audit row: the profile's tenant B
    coordinator('coord-none'); // neither: dropped

    run(`INSERT INTO digest_subscriptions (conversation_id, tenant_id, cadence, weekday, time_of_day, locale, status, paused_reason, created_by, created_at, updated_at)
      VALUES ('conv-a', ?, 'weekly', 1, '07:30', 'sv', 'active', NULL, 'u-a1', ?, ?)`, A, t(0), t(0));
    run(`INSERT INTO digest_exports (id, token_hash, tenant_id, conversation_id, user_id, period_kind, period_from, period_to, partial, created_at, expires_at)
      VALUES ('e-1', ?, ?, 'conv-b', 'u-b1', 'week', ?, ?, 0, ?, ?)`, 'f'.repeat(64), B, t(0), t(1), t(2), t(3));
  }

  it('keeps every row, gives each its tenant, splits a shared place and seeds memberships; a second run does nothing', async function () {
    insertPreviousVersionRows();
    const before = {
      incidents: count('incidents'), activities: count('activities'), activity_organisations: count('activity_organisations'),
      hotspots: count('hotspots'), hotspot_measures: count('hotspot_measures'), conversations: count('conversations'),
      user_profiles: count('user_profiles'), audit_log: count('audit_log'),
      digest_subscriptions: count('digest_subscriptions'), digest_exports: count('digest_exports'),
    };

    // Later migrations (0006 on) run after it; this test is about 0005.
    assert.deepEqual((await migrate(db, sqliteMigrations)).filter((version) => version <= 5), [5]);

    for (const [table, n] of Object.entries(before)) assert.equal(count(table), n, `${table}: every row kept`);
    assert.deepEqual(all('PRAGMA foreign_key_check'), []);
    assert.equal(await foreignKeysOn(), true, 'foreign keys are on again after migrating');
    assert.deepEqual(all("SELECT name FROM sqlite_master WHERE name LIKE 'm0005%' OR name LIKE '%_new'"), [], 'no scratch tables left');

    // Places: the earliest tenant keeps the row, the other gets a copy (same details), areas follow their places.
    const places = all<{ id: string; tenant_id: string; name: string; name_key: string; kind: string; lat: number | null; parent_id: string | null }>(
      'SELECT id, tenant_id, name, name_key, kind, lat, parent_id FROM places ORDER BY name_key, tenant_id');
    assert.deepEqual(places.map((p) => [p.name, p.tenant_id, p.id, p.parent_id]), [
      ['Centrum', A, copyOf(AREA, A), null],
      ['Centrum', B, AREA, null],
      ['Gamla stationen', A, ORPHAN, null],
      ['Parken', A, PARK, null],
      ['Skolgården', A, SCHOOL, null],
      ['Stora torget', A, copyOf(SHARED, A), copyOf(AREA, A)],
      ['Stora torget', B, SHARED, AREA],
    ]);
    assert.equal(copyOf(SHARED, A).length, 36, 'a copy\'s id fits the 36-character id column');
    const sharedCopy = places.find((p) => p.id === copyOf(SHARED, A))!;
    assert.deepEqual([sharedCopy.name_key, sharedCopy.kind, sharedCopy.lat], ['stora torget', 'torg', 59.2]);
    assert.deepEqual(all('SELECT tenant_id, alias_key, alias, place_id FROM place_aliases ORDER BY tenant_id'), [
      { tenant_id: A, alias_key: 'torget', alias: 'Torget', place_id: copyOf(SHARED, A) },
      { tenant_id: B, alias_key: 'torget', alias: 'Torget', place_id: SHARED },
    ]);

    // Each tenant's reports and hot spots point to its own place.
    assert.deepEqual(all('SELECT id, tenant_id, place_id, organisation_confirmed FROM incidents ORDER BY id'), [
      { id: 'i-a', tenant_id: A, place_id: copyOf(SHARED, A), organisation_confirmed: 0 },
      { id: 'i-b', tenant_id: B, place_id: SHARED, organisation_confirmed: 0 },
    ]);
    assert.deepEqual(all('SELECT id, place_id, organisation_confirmed FROM activities ORDER BY id'), [
      { id: 'a-a', place_id: PARK, organisation_confirmed: 0 },
      { id: 'a-b', place_id: SHARED, organisation_confirmed: 0 },
      { id: 'a-none', place_id: null, organisation_confirmed: 0 },
    ]);
    assert.deepEqual(all('SELECT id, place_id FROM hotspots ORDER BY id'), [{ id: 'h-a', place_id: SCHOOL }, { id: 'h-b', place_id: SHARED }]);
    for (const [table, column] of [['incidents', 'place_id'], ['activities', 'place_id'], ['hotspots', 'place_id']] as const) {
      assert.deepEqual(all(`SELECT x.id FROM ${table} AS x INNER JOIN places AS p ON p.id = x.${column} WHERE p.tenant_id <> x.tenant_id`), [],
        `every row of ${table} is at a place of its own tenant`);
    }

    // Reference numbers: each tenant with reports goes on from the shared counter; refs are unique per tenant.
    assert.deepEqual(all('SELECT tenant_id, kind, year, value FROM reference_counters ORDER BY tenant_id, kind'), [
      { tenant_id: A, kind: 'A', year: 2026, value: 3 }, { tenant_id: A, kind: 'H', year: 2026, value: 2 },
      { tenant_id: B, kind: 'A', year: 2026, value: 3 }, { tenant_id: B, kind: 'H', year: 2026, value: 2 },
    ]);
    assert.deepEqual(all('SELECT tenant_id, ref FROM incidents ORDER BY ref'), [{ tenant_id: B, ref: 'H-2026-0001' }, { tenant_id: A, ref: 'H-2026-0002' }]);

    // People: coordinators per tenant, profiles keyed per tenant, memberships where a coordinator set the organisation.
    assert.deepEqual(all('SELECT tenant_id, user_id, added_by FROM coordinators ORDER BY user_id, tenant_id'), [
      { tenant_id: A, user_id: 'coord-a', added_by: 'admin' },
      { tenant_id: A, user_id: 'coord-both', added_by: 'admin' },
      { tenant_id: B, user_id: 'coord-both', added_by: 'admin' },
      { tenant_id: B, user_id: 'u-b1', added_by: 'admin' },
    ]);
    assert.deepEqual(all('SELECT tenant_id, user_id, organisation, source, confirmed_by, confirmed_at FROM memberships ORDER BY user_id'), [
      { tenant_id: A, user_id: 'u-a1', organisation: 'polisen', source: 'coordinator', confirmed_by: 'coord-a', confirmed_at: t(10) },
      { tenant_id: B, user_id: 'u-b2', organisation: 'fritid', source: 'coordinator', confirmed_by: 'coord-y', confirmed_at: t(12) },
    ]);
    assert.deepEqual(all('SELECT tenant_id, user_id, organisation, chat_user_id FROM user_profiles WHERE user_id = ?', 'u-a1'), [
      { tenant_id: A, user_id: 'u-a1', organisation: 'polisen', chat_user_id: '29:u-a1' },
    ]);
    run("INSERT INTO user_profiles (tenant_id, user_id, organisation, updated_at) VALUES (?, 'u-a1', 'skola', ?)", B, t(20));
    assert.throws(() => run("INSERT INTO user_profiles (tenant_id, user_id, organisation, updated_at) VALUES (?, 'u-a1', 'skola', ?)", B, t(21)), /UNIQUE|PRIMARY/);
    assert.throws(() => run("INSERT INTO places (id, tenant_id, name, name_key, created_at) VALUES ('x', ?, 'Parken', 'parken', ?)", A, t(20)), /UNIQUE/,
      'a name is unique within a tenant');
    run("INSERT INTO places (id, tenant_id, name, name_key, created_at) VALUES ('y', ?, 'Parken', 'parken', ?)", B, t(20));

    // The store reads the upgraded data through scopes.
    const store = createKyselyStore(db, sqliteDialect);
    assert.equal((await store.incidents.get({ tenantId: A, conversationId: 'conv-a' }, 'i-a'))?.placeId, copyOf(SHARED, A));
    assert.equal(await store.incidents.get({ tenantId: A, conversationId: 'conv-b' }, 'i-b'), null);
    assert.equal((await store.places.findOrCreate({ tenantId: A }, 'torget', new Date())).id, copyOf(SHARED, A));
    assert.equal((await store.places.findOrCreate({ tenantId: B }, 'Stora torget', new Date())).id, SHARED);
    assert.deepEqual((await store.placeRegister.get({ tenantId: A }, copyOf(SHARED, A)))?.aliases, ['Torget']);
    assert.equal((await store.hotspots.byPlace({ tenantId: B }, SHARED))?.id, 'h-b');
    assert.equal(await store.hotspots.byPlace({ tenantId: A }, copyOf(SHARED, A)), null);
    assert.deepEqual((await store.placeHistory.incidents({ tenantId: A }, [copyOf(SHARED, A)], new Date(t(0)), new Date(t(60)))).map((s) => s.id), ['i-a']);
    assert.equal(await store.coordinators.isCoordinator({ tenantId: B }, 'coord-a'), false);
    assert.equal(await store.coordinators.isCoordinator({ tenantId: B }, 'u-b1'), true);
    assert.equal((await store.memberships.get({ tenantId: B }, 'u-b2'))?.organisation, 'fritid');
    assert.equal(await store.memberships.get({ tenantId: A }, 'u-a2'), null);
    const placed = async (tenantId: string) => {
      const place = await store.places.findOrCreate({ tenantId }, 'Ny plats', new Date(t(30)));
      return store.incidents.create(newReport(incidentFields(place.id, { placeName: place.name }), { origin: { tenantId, conversationId: 'conv' } }));
    };
    assert.equal((await placed(A)).ref, 'H-2026-0003', 'A goes on from the shared counter');
    assert.equal((await placed(B)).ref, 'H-2026-0003', 'B goes on from the shared counter: the same ref in two tenants');
    assert.equal((await placed('cccccccc-3333-4333-8333-333333333333')).ref, 'H-2026-0001', 'a new tenant starts at 1');

    const migrated = await sqliteSnapshot(file);
    assert.deepEqual(await migrate(db, sqliteMigrations), [], 'a second run applies nothing');
    assert.deepEqual(await sqliteSnapshot(file), migrated, 'and changes nothing');
  });

  it('gives places nobody refers to the only tenant of the conversations, though a profile of another was seen first', async function () {
    run("INSERT INTO places (id, name, name_key, created_at) VALUES ('p', 'Torget', 'torget', ?)", t(0));
    run(`INSERT INTO user_profiles (user_id, tenant_id, organisation, updated_at) VALUES ('u', ?, 'polisen', ?)`, B, t(0));
    run(`INSERT INTO conversations (conversation_id, tenant_id, scope, service_url, reference_json, installed_at, updated_at)
      VALUES ('c', ?, 'channel', 'https://smba.example/', '{}', ?, ?)`, A, t(5), t(5));
    await migrate(db, sqliteMigrations);
    assert.deepEqual(all('SELECT id, tenant_id FROM places'), [{ id: 'p', tenant_id: A }]);
  });

  it('gives them the tenant seen first when conversations name several or none, and \'\' when nobody is known', async function () {
    run("INSERT INTO places (id, name, name_key, created_at) VALUES ('p', 'Torget', 'torget', ?)", t(0));
    run(`INSERT INTO user_profiles (user_id, tenant_id, organisation, updated_at) VALUES ('u', ?, 'polisen', ?)`, B, t(1));
    run(`INSERT INTO user_profiles (user_id, tenant_id, organisation, updated_at) VALUES ('v', ?, 'polisen', ?)`, A, t(2));
    await migrate(db, sqliteMigrations);
    assert.deepEqual(all('SELECT id, tenant_id FROM places'), [{ id: 'p', tenant_id: B }]);

    const empty = path.join(folder, 'empty.db');
    const other = createSqliteKysely(empty);
    try {
      await migrate(other, { ...sqliteMigrations, folder: previous });
      const rawEmpty = openSqliteDatabase(empty);
      try {
        rawEmpty.prepare("INSERT INTO places (id, name, name_key, created_at) VALUES ('q', 'Torget', 'torget', ?)").run(t(0));
        await migrate(other, sqliteMigrations);
        assert.deepEqual(rawEmpty.prepare('SELECT id, tenant_id FROM places').all(), [{ id: 'q', tenant_id: '' }]);
      } finally {
        rawEmpty.close();
      }
    } finally {
      await other.destroy();
    }
  });

  it('rolls back whole, keeping the previous version\'s data, when two tenants\' copies of a place would get the same id', async function () {
    run("INSERT INTO places (id, name, name_key, created_at) VALUES ('p', 'Torget', 'torget', ?)", t(0));
    const incident = (id: string, tenant: string, at: string) =>
      run(`INSERT INTO incidents (id, ref, occurred_at, place_id, place_name, category, description, severity, organisation, status,
        reporter_id, reporter_name, tenant_id, conversation_id, created_at, updated_at, version)
        VALUES (?, ?, ?, 'p', 'Torget', 'brand', 'Text', 'medel', 'polisen', 'ny', 'r', 'R', ?, 'c', ?, ?, 1)`, id, `H-2026-${id}`, at, tenant, at, at);
    incident('0001', 'tenant-0', t(0));
    incident('0002', 'tenant-10', t(1));
    incident('0003', 'tenant-11', t(2));
    const snapshot = await sqliteSnapshot(file);
    await assert.rejects(migrate(db, sqliteMigrations), /UNIQUE|PRIMARY/);
    assert.deepEqual(await sqliteSnapshot(file), snapshot, 'nothing of 0005 is left');
    assert.equal(await foreignKeysOn(), true, 'foreign keys are on again after a failed migration');
    assert.equal(((await db.selectFrom('schema_migrations').select((eb) => eb.fn.max('version').as('v')).executeTakeFirstOrThrow()).v), 4);
  });
});

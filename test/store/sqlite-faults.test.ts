import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { StoreUnavailableError } from '../../src/domain/errors';
import type { Store } from '../../src/domain/ports/store.port';
import { createKyselyStore } from '../../src/store/kysely-store';
import { migrate } from '../../src/store/migrator';
import type { Database } from '../../src/store/schema';
import { sqliteDialect, sqliteMigrations } from '../../src/store/sqlite/sqlite-dialect';
import { createSqliteKysely } from '../../src/store/sqlite/sqlite-store';
import type { StoreLogger } from '../../src/store/store-logger';
import { incidentFields, newReport, origin, tenant } from './store-fixtures';

// A full disk and a read-only database, made real: SQLite's own SQLITE_FULL (the database may not grow
// past max_page_count) and SQLITE_READONLY (query_only), on the store's one connection.

const SECRET = 'Zebrafink4711 krossade rutan';

describe('SQLite store when the disk is full or the file read-only', function () {
  let folder: string;
  let db: Kysely<Database>;
  let store: Store;
  let lines: { level: string; obj: Record<string, unknown>; msg: string }[];

  beforeEach(async function () {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trygghetsboten-faults-'));
    db = createSqliteKysely(path.join(folder, 'bot.db'));
    await migrate(db, sqliteMigrations);
    lines = [];
    const logger: StoreLogger = {
      info: (obj, msg) => lines.push({ level: 'info', obj: obj as Record<string, unknown>, msg }),
      warn: (obj, msg) => lines.push({ level: 'warn', obj: obj as Record<string, unknown>, msg }),
      error: (obj, msg) => lines.push({ level: 'error', obj: obj as Record<string, unknown>, msg }),
    };
    store = createKyselyStore(db, sqliteDialect, { logger });
  });

  afterEach(async function () {
    await store.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const pragma = (statement: string) => sql.raw(`PRAGMA ${statement}`).execute(db);
  const pageCount = async () => (await sql.raw<{ page_count: number }>('PRAGMA page_count').execute(db)).rows[0]!.page_count;

  it('When the disk is full mid-transaction, then the create fails as "unavailable" with cause SQLITE_FULL (not as SQLite\'s failed rollback), one log line, nothing written', async function () {
    const place = await store.places.findOrCreate(tenant, 'Stora torget', new Date());
    await pragma(`max_page_count = ${await pageCount()}`);
    let failure: unknown;
    for (let i = 0; i < 50 && !failure; i++) {
      await store.incidents.create(newReport(incidentFields(place.id, { description: `${SECRET} ${'x'.repeat(1500)}` })))
        .catch((error: unknown) => { failure = error; });
    }
    assert.ok(failure instanceof StoreUnavailableError, `expected StoreUnavailableError, got ${String(failure)}`);
    assert.equal(failure.reason, 'SQLITE_FULL');
    assert.deepEqual(lines, [{ level: 'error', obj: { event: 'store_unavailable', store: 'sqlite', cause: 'SQLITE_FULL' }, msg: 'store operation failed: the database is unavailable' }]);
    assert.ok(!JSON.stringify(lines).includes('Zebrafink'), 'the log line holds no report text');

    const saved = (await store.reports.latest(origin, 100)).length;
    await pragma('max_page_count = 1073741823');
    const next = await store.incidents.create(newReport(incidentFields(place.id)));
    assert.equal(next.ref, `H-2026-${String(saved + 1).padStart(4, '0')}`, 'the failed create took no number and left nothing half-written');
  });

  it('When the database is read-only, then writes fail as "unavailable" with cause SQLITE_READONLY and health says so, until a write works again', async function () {
    assert.deepEqual(await store.health(), { ok: true, kind: 'sqlite' });
    await pragma('query_only = ON');
    await assert.rejects(store.places.findOrCreate(tenant, 'Stora torget', new Date()), (error: unknown) => error instanceof StoreUnavailableError && error.reason === 'SQLITE_READONLY');
    assert.deepEqual(lines.map((l) => l.obj), [{ event: 'store_unavailable', store: 'sqlite', cause: 'SQLITE_READONLY' }]);
    const health = await store.health();
    assert.equal(health.ok, false, 'reads still work, but the store cannot write');
    assert.equal(health.cause, 'SQLITE_READONLY');
    await pragma('query_only = OFF');
    assert.deepEqual(await store.health(), { ok: true, kind: 'sqlite' });
  });

  it('probes health with a real write: the probe row is written again, with new content, on every check', async function () {
    const probe = () => db.selectFrom('store_health').selectAll().execute();
    await store.health();
    const first = await probe();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.health();
    const second = await probe();
    assert.equal(first.length, 1);
    assert.equal(second.length, 1);
    assert.ok(first[0]!.pad.length >= 3000, 'a page\'s worth, so that the write needs room on disk');
    assert.notEqual(second[0]!.pad, first[0]!.pad);
  });
});

import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { openSqliteDatabase, sqliteDriver } from '../../src/store/sqlite/sqlite-driver';
import { sql, type Kysely, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import { startBot } from '../../src/compose';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/logging/logger';
import { createKyselyStore } from '../../src/store/kysely-store';
import { migrate } from '../../src/store/migrator';
import type { Database } from '../../src/store/schema';
import { sqliteDialect, sqliteMigrations } from '../../src/store/sqlite/sqlite-dialect';
import { createSqliteKysely } from '../../src/store/sqlite/sqlite-store';
import { BotHarness, cardOf, cardText } from '../support/bot-harness';
import { button } from '../support/card-buttons';
import { ANNA, TENANT } from '../support/teams-activities';

// Outages and faults (issue 16): a full disk and a read-only database keep what the user typed, log one
// structured line naming the cause, and make /readyz say 503 until a write works again; /readyz never
// returns a driver's text.

/** Every value of the incident form, so that "every value kept" can be checked one by one. */
const typed = {
  date: '2026-11-24', time: '21:15', newPlace: 'Kvarteret Gulsparven', category: 'skadegorelse_glaskross',
  description: 'Zebrafink4711 krossade rutan vid busskuren', severity: 'hog', organisation: 'polisen', school: 'Blåmesskolan',
  youthInvolved: '3', policeReportNumber: 'K123456-26',
};

/** Makes every write fail the way better-sqlite3 fails on a full disk, while `full` is set. */
class DiskFull implements KyselyPlugin {
  full = false;

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (this.full && ['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode'].includes(node.kind)) {
      throw new (sqliteDriver().Database.SqliteError)('database or disk is full', 'SQLITE_FULL');
    }
    return node;
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

/** The real bot over a store this test opened itself, so that it can make the database fail. */
class FaultyHarness extends BotHarness {
  readonly disk = new DiskFull();
  readonly lines: Record<string, unknown>[] = [];
  db!: Kysely<Database>;

  async startFaulty(): Promise<this> {
    const sink = new Writable({ write: (chunk, _enc, done) => { for (const l of String(chunk).split('\n').filter(Boolean)) this.lines.push(JSON.parse(l)); done(); } });
    const log = createLogger('info', sink);
    await this.connector.start();
    this.db = createSqliteKysely(this.databaseFile, { plugins: [this.disk] });
    await migrate(this.db, sqliteMigrations);
    const store = createKyselyStore(this.db, sqliteDialect, { logger: log });
    const config = loadConfig({ PORT: '0', DATABASE_URL: this.databaseUrl, LOG_LEVEL: 'silent' });
    this.bot = await startBot(config, log, { clock: this.clock, host: '127.0.0.1', store });
    return this;
  }

  pragma(statement: string) {
    return sql.raw(`PRAGMA ${statement}`).execute(this.db);
  }

  health = async () => {
    const res = await fetch(`${this.baseUrl}/readyz`);
    return { status: res.status, body: await res.text() };
  };

  storeLines() {
    return this.lines.filter((l) => l.event === 'store_unavailable');
  }

  count(): number {
    return this.readDatabase((db) => (db.prepare('SELECT COUNT(*) AS n FROM incidents').get() as { n: number }).n);
  }
}

/** The form came back with the "could not save right now" banner and every value as it was typed. */
function assertFormKept(card: Record<string, any>, submitKey: string): void {
  const text = cardText(card);
  assert.match(text, /Kunde inte spara just nu, försök igen\. Det du skrev finns kvar\./);
  for (const [field, value] of Object.entries(typed)) {
    const shown = field === 'youthInvolved' ? value : JSON.stringify(value);
    assert.match(JSON.stringify(card), new RegExp(`"id":"${field}"[^\\[{}]*"value":${shown}[,}]`), `${field} kept as "${value}"`);
  }
  assert.equal(button(card, 'submitIncident').data.submitKey, submitKey, 'the same card: pressing again cannot save twice');
}

const HEALTHY = JSON.stringify({ status: 'ok', store: { ok: true, kind: 'sqlite' } });
const UNHEALTHY = JSON.stringify({ status: 'unavailable', store: { ok: false, kind: 'sqlite' } });

describe('a full disk or a read-only database', function () {
  this.timeout(30_000);
  let h: FaultyHarness;
  beforeEach(async () => { h = await new FaultyHarness().startFaulty(); });
  afterEach(async () => { await h.stop(); });

  const newForm = async () => button(cardOf((await h.say('rapportera'))[0]!), 'submitIncident');

  it('When the disk is full, then the form comes back with every value, one log line names SQLITE_FULL, and /readyz is 503 until a write works', async () => {
    const submit = await newForm();
    assert.deepEqual(await h.health(), { status: 200, body: HEALTHY });
    h.disk.full = true;
    const card = await h.press('submitIncident', { ...submit.data, ...typed });
    assertFormKept(card, submit.data.submitKey);
    assert.deepEqual(h.storeLines().map((l) => [l.level, l.store, l.cause]), [[50, 'sqlite', 'SQLITE_FULL']]);
    assert.deepEqual(await h.health(), { status: 503, body: UNHEALTHY });
    assert.ok(!JSON.stringify(h.lines).includes('Zebrafink'), 'no report text in the logs');
    assert.ok(!JSON.stringify(h.storeLines()).includes('disk is full'), 'the cause as a code, not as the driver\'s text');

    h.disk.full = false;
    assert.deepEqual(await h.health(), { status: 200, body: HEALTHY });
    assert.match(cardText(await h.press('submitIncident', { ...submit.data, ...typed })), /Händelse H-2026-0001/);
    assert.match(cardText(await h.press('submitIncident', { ...submit.data, ...typed })), /Händelse H-2026-0001/);
    assert.equal(h.count(), 1);
  });

  it('When the disk is full as a coordinator saves the strategic meeting, then its form comes back with what was typed and nothing is stored', async () => {
    // Anna is a coordinator (named while the disk still had room).
    await h.bot.store.coordinators.add({ tenantId: TENANT }, ANNA.aadObjectId, 'setup', h.clock.now());
    h.disk.full = true;
    const card = await h.press('meetingSave', { date: '2026-11-20', organisations: 'polisen,kommunen', decisions: 'Gemensam nattvandring Zebrafink4711' });
    assert.match(cardText(card), /Kunde inte spara just nu, försök igen\. Det du skrev finns kvar\./);
    assert.match(JSON.stringify(card), /"value":"Gemensam nattvandring Zebrafink4711"/);
    assert.match(JSON.stringify(card), /"value":"2026-11-20"/);
    h.disk.full = false;
    assert.equal(h.readDatabase((db) => (db.prepare('SELECT COUNT(*) AS n FROM strategic_meetings').get() as { n: number }).n), 0);
  });

  it('When SQLite itself runs out of room in a transaction, then the form comes back with every value instead of the generic error card', async () => {
    // Without free pages (migration 0024's table rebuild leaves some), the file is full within a few reports.
    await sql.raw('VACUUM').execute(h.db);
    const { rows } = await sql.raw<{ page_count: number }>('PRAGMA page_count').execute(h.db);
    await h.pragma(`max_page_count = ${rows[0]!.page_count}`);
    let card: Record<string, any> | null = null;
    let submitKey = '';
    for (let i = 0; i < 40 && !card; i++) {
      const submit = await newForm();
      const answer = await h.press('submitIncident', { ...submit.data, ...typed, description: `${typed.description} ${'x'.repeat(900)}`.slice(0, 1000) });
      if (/Kunde inte spara/.test(cardText(answer))) {
        card = answer;
        submitKey = submit.data.submitKey;
      }
    }
    assert.ok(card, 'the database filled up');
    assert.doesNotMatch(cardText(card), /Något gick fel/);
    assert.equal(button(card, 'submitIncident').data.submitKey, submitKey);
    assert.match(cardText(card), /"value":"Kvarteret Gulsparven"/);
    assert.deepEqual(h.storeLines().map((l) => l.cause), ['SQLITE_FULL']);
  });

  it('When the database file is read-only, then the form comes back with every value, the cause is logged, and /readyz is 503 until it is writable again', async () => {
    const submit = await newForm();
    await h.pragma('query_only = ON');
    assertFormKept(await h.press('submitIncident', { ...submit.data, ...typed }), submit.data.submitKey);
    assert.deepEqual(h.storeLines().map((l) => [l.store, l.cause]), [['sqlite', 'SQLITE_READONLY']]);
    assert.deepEqual(await h.health(), { status: 503, body: UNHEALTHY });

    // The quick report's confirmation card comes back too, with what was chosen and its key.
    const confirm = button(cardOf((await h.say('hotspot Kvarnbacken stökigt vid kiosken'))[0]!), 'hotspotQuickSave');
    const quick = await h.press('hotspotQuickSave', { ...confirm.data, placeId: 'new', category: 'ordningsstorning', organisation: 'fritid', description: 'stökigt vid kiosken' });
    const quickText = cardText(quick);
    assert.match(quickText, /Kunde inte spara just nu/);
    assert.match(quickText, /"id":"category"[^}]*"value":"ordningsstorning"/);
    assert.match(quickText, /"id":"organisation"[^}]*"value":"fritid"/);
    assert.match(quickText, /"value":"stökigt vid kiosken"/);
    assert.match(quickText, /Ny plats: Kvarnbacken/);
    assert.equal(button(quick, 'hotspotQuickSave').data.submitKey, confirm.data.submitKey);

    await h.pragma('query_only = OFF');
    assert.deepEqual(await h.health(), { status: 200, body: HEALTHY });
    assert.match(cardText(await h.press('submitIncident', { ...submit.data, ...typed })), /Händelse H-2026-0001/);
    assert.match(cardText(await h.press('hotspotQuickSave', { ...button(quick, 'hotspotQuickSave').data, placeId: 'new', category: 'ordningsstorning', organisation: 'fritid' })), /Händelse H-2026-0002 sparad/);
    assert.equal(h.count(), 2);
  });
});

describe('/readyz', () => {
  it('When the database lacks a migration this version knows, then /readyz is 503 (cause migrations_pending) while /healthz is 200', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l)); done(); } });
    const h = await new BotHarness().start({}, createLogger('info', sink));
    try {
      assert.equal((await fetch(`${h.baseUrl}/readyz`)).status, 200);
      const other = openSqliteDatabase(h.databaseFile);
      other.exec('DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations)');
      other.close();
      const res = await fetch(`${h.baseUrl}/readyz`);
      assert.equal(res.status, 503);
      assert.equal(await res.text(), UNHEALTHY);
      assert.equal((await fetch(`${h.baseUrl}/healthz`)).status, 200);
      assert.equal(lines.find((l) => l.msg === 'health check: store unavailable')?.cause, 'migrations_pending');
    } finally {
      await h.stop();
    }
  });

  it('When the database fails, then /readyz says only status and store kind; the driver\'s text goes to the log', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l)); done(); } });
    const h = await new BotHarness().start({}, createLogger('info', sink));
    try {
      const other = openSqliteDatabase(h.databaseFile);
      other.exec('ALTER TABLE schema_migrations RENAME TO schema_migrations_moved');
      other.close();
      const res = await fetch(`${h.baseUrl}/readyz`);
      assert.equal(res.status, 503);
      const body = await res.text();
      assert.equal(body, UNHEALTHY);
      assert.doesNotMatch(body, /no such table|schema_migrations/);
      const logged = lines.find((l) => l.msg === 'health check: store unavailable');
      assert.match(String(logged?.detail), /no such table: schema_migrations/);
    } finally {
      await h.stop();
    }
  });
});

import assert from 'node:assert/strict';
import { Kysely, sql } from 'kysely';
import mssql from 'mssql';
import { StoreUnavailableError } from '../../src/domain/errors';
import { createKyselyStore } from '../../src/store/kysely-store';
import { Parser } from 'node-sql-parser';
import {
  MIGRATION_LOCK_WAIT_MS, MIGRATION_REQUEST_TIMEOUT_MS, TAKE_MIGRATION_LOCK_SQL, mssqlDialect,
} from '../../src/store/mssql/mssql-dialect';
import { MssqlPoolConnection, MssqlPoolDialect, NOCOUNT_OFF, sqlTypeOf } from '../../src/store/mssql/mssql-driver';
import { openMssqlStore } from '../../src/store/mssql/mssql-store';
import { REQUEST_TIMEOUT_MS, parseMssqlUrl } from '../../src/store/mssql/mssql-url';
import { DEADLOCK_ATTEMPTS } from '../../src/store/store-guard';
import type { Database } from '../../src/store/schema';
import { FakeMssqlPool } from '../fakes/fake-mssql-pool';

// The Kysely driver over mssql's pool, checked against a fake pool: what it sends, in which
// transaction, and how failures come out. (The real server is exercised by mssql-store.test.ts.)

describe('SQL Server driver over the mssql pool', function () {
  let pool: FakeMssqlPool;
  let db: Kysely<Database>;

  beforeEach(function () {
    pool = new FakeMssqlPool();
    db = new Kysely<Database>({ dialect: new MssqlPoolDialect(pool) });
  });

  afterEach(async function () {
    await db.destroy();
  });

  it('connects the pool first, then sends numbered, typed parameters and reads rows back', async function () {
    pool.answer = () => ({ recordset: [{ id: 'p1', name: 'Åby torg' }], rowsAffected: [1] });
    const rows = await db.selectFrom('places').select(['id', 'name'])
      .where('name_key', '=', 'aby torg').where('created_at', '<', new Date('2026-01-01T00:00:00Z'))
      .orderBy('name_key').limit(5).execute();
    assert.equal(pool.connected, true);
    assert.deepEqual(rows, [{ id: 'p1', name: 'Åby torg' }]);
    const [request] = pool.requests;
    assert.equal(request?.sql, 'select top(5) "id", "name" from "places" where "name_key" = @1 and "created_at" < @2 order by "name_key"');
    assert.deepEqual(request?.inputs.map((i) => i.name), ['1', '2']);
    assert.equal(request?.inputs[0]?.type, mssql.NVarChar);
    assert.equal(request?.transaction, null);
  });

  it('declares each parameter type: NVARCHAR text, DATETIME2(3) times, INT/BIGINT/FLOAT numbers, BIT', function () {
    assert.equal(sqlTypeOf('åäö'), mssql.NVarChar);
    assert.equal(sqlTypeOf(null), mssql.NVarChar);
    const time = sqlTypeOf(new Date()) as mssql.ISqlTypeWithScale;
    assert.equal(time.type, mssql.DateTime2);
    assert.equal(time.scale, 3);
    assert.equal(sqlTypeOf(42), mssql.Int);
    assert.equal(sqlTypeOf(2 ** 40), mssql.BigInt);
    assert.equal(sqlTypeOf(10n), mssql.BigInt);
    assert.equal(sqlTypeOf(1.5), mssql.Float);
    assert.equal(sqlTypeOf(true), mssql.Bit);
    assert.throws(() => sqlTypeOf({ not: 'a value' }), TypeError);
  });

  it('counts affected rows for updates', async function () {
    pool.answer = () => ({ rowsAffected: [2] });
    const result = await db.updateTable('places').set({ name: 'X' }).where('id', '=', 'p1').executeTakeFirst();
    assert.equal(result.numUpdatedRows, 2n);
  });

  it('runs a transaction\'s queries on one mssql Transaction and commits it', async function () {
    pool.answer = () => ({ recordset: [], rowsAffected: [1] });
    await db.transaction().setIsolationLevel('serializable').execute(async (trx) => {
      await sql`select 1`.execute(trx);
      await sql`select 2`.execute(trx);
    });
    const [transaction] = pool.transactions;
    assert.equal(pool.transactions.length, 1);
    assert.equal(transaction?.state, 'committed');
    assert.equal(transaction?.isolationLevel, mssql.ISOLATION_LEVEL.SERIALIZABLE);
    assert.deepEqual(pool.requests.map((r) => r.transaction), [transaction, transaction]);
  });

  it('rolls back when the work fails, and reports the failure rather than a server-side abort', async function () {
    const failure = new Error('deadlock');
    pool.answer = () => failure;
    await assert.rejects(db.transaction().execute((trx) => sql`select 1`.execute(trx)), failure);
    assert.equal(pool.transactions[0]?.state, 'rolled back');

    pool.answer = () => {
      const transaction = pool.transactions[1];
      if (transaction) transaction.abortedByServer = true;
      return failure;
    };
    await assert.rejects(db.transaction().execute((trx) => sql`select 1`.execute(trx)), failure);
  });

  it('reports a failed commit as the commit\'s own error (a lost connection: unavailable), not as a missing transaction', async function () {
    const lost = new mssql.TransactionError('Connection lost - socket hang up', 'ECONNCLOSED');
    pool.commitFailure = lost;
    await assert.rejects(db.transaction().execute((trx) => sql`select 1`.execute(trx)), (error) => error === lost);
    assert.equal(pool.transactions[0]?.state, 'failed');

    const store = createKyselyStore(db, mssqlDialect);
    pool.answer = () => ({ recordset: [{ version: 1 }], rowsAffected: [1] });
    const health = await store.health();
    assert.deepEqual([health.ok, health.cause], [false, 'ECONNCLOSED'], 'the probe\'s commit failed: the database is unavailable');
  });

  it('rolls back once however often it is asked, and not at all without a transaction', async function () {
    const connection = new MssqlPoolConnection(pool);
    await connection.rollback();
    await connection.begin({});
    await connection.rollback();
    await connection.rollback();
    assert.equal(pool.transactions[0]?.rollbacks, 1);
    assert.equal(pool.transactions[0]?.state, 'rolled back');
  });

  it('starts every write with SET NOCOUNT OFF, so that optimistic updates see the rows they changed; reads go as they are', async function () {
    pool.answer = (text) => ({ recordset: [], rowsAffected: text.includes('update') ? [1] : [0] });
    const result = await db.updateTable('hotspots').set({ state: 'analys', version: 3 })
      .where('id', '=', 'h1').where('version', '=', 2).executeTakeFirst();
    await db.selectFrom('places').select('id').execute();
    await db.insertInto('store_health').values({ id: 1, checked_at: new Date(), pad: '' }).execute();
    await db.deleteFrom('store_health').execute();
    assert.equal(result.numUpdatedRows, 1n);
    const sent = pool.requests.map((r) => r.sql);
    assert.deepEqual(sent.map((text) => text.startsWith(NOCOUNT_OFF)), [true, false, true, true]);
    const parser = new Parser();
    for (const text of sent) assert.doesNotThrow(() => parser.astify(text, { database: 'transactsql' }), text);
  });

  it('runs an operation chosen as deadlock victim (1205) again, and gives up as unavailable after a few attempts', async function () {
    const deadlock = () => Object.assign(new mssql.RequestError('chosen as deadlock victim', 'EREQUEST'), { number: 1205 });
    let calls = 0;
    pool.answer = () => (++calls === 1 ? deadlock() : { recordset: [], rowsAffected: [0] });
    const warnings: object[] = [];
    const logger = { info: () => undefined, warn: (obj: object) => { warnings.push(obj); }, error: () => undefined };
    const store = createKyselyStore(db, mssqlDialect, { logger });
    assert.deepEqual(await store.places.list({ tenantId: 'tenant-1' }, 10), []);
    assert.equal(calls, 2);
    assert.deepEqual(warnings, [{ event: 'store_deadlock_retry', store: 'mssql', attempt: 1 }]);

    calls = 0;
    pool.answer = () => { calls += 1; return deadlock(); };
    await assert.rejects(store.places.list({ tenantId: 'tenant-1' }, 10),
      (error: unknown) => error instanceof StoreUnavailableError && error.reason === 'MSSQL_1205');
    assert.equal(calls, DEADLOCK_ATTEMPTS);
  });

  it('closes the pool when Kysely is destroyed', async function () {
    await sql`select 1`.execute(db);
    await db.destroy();
    assert.equal(pool.closed, true);
  });

  describe('as a store', function () {
    it('turns connection failures into StoreUnavailableError and an unhealthy report', async function () {
      pool.answer = () => new mssql.ConnectionError('Failed to connect to db:1433 - ECONNREFUSED', 'ESOCKET');
      const store = createKyselyStore(db, mssqlDialect);
      await assert.rejects(store.places.list({ tenantId: 'tenant-1' }, 10), StoreUnavailableError);
      const health = await store.health();
      assert.equal(health.ok, false);
      assert.equal(health.kind, 'mssql');
    });

    it('reports unhealthy, in bounded time, a server that does not answer', async function () {
      pool.answer = () => new Promise(() => undefined);
      const store = createKyselyStore(db, mssqlDialect, { healthTimeoutMs: 50 });
      const started = Date.now();
      const health = await store.health();
      assert.equal(health.ok, false);
      assert.match(health.detail ?? '', /did not answer within 50 ms/);
      assert.ok(Date.now() - started < 1000);
    });

    it('groups the lägesbild by exact school text (a binary collation, in T-SQL that parses) and folds spellings after', async function () {
      pool.answer = () => ({ recordset: [{ bucket: 0, group_key: 'Björkskolan', n: 2, youth: 1 }, { bucket: 0, group_key: 'BJÖRKSKOLAN', n: 1, youth: 0 }], rowsAffected: [2] });
      const store = createKyselyStore(db, mssqlDialect);
      // Less than a Stockholm day: counted from the incidents (whole days come from the calendar counts, binary by their column).
      const range = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-01T12:00:00Z') };
      assert.deepEqual(await store.lagesbild.countIncidents({ tenantId: 'tenant-1', conversationId: 'c' }, [range], 'school'), [
        { range: 0, key: 'Björkskolan', count: 3, youth: 1 },
      ]);
      const [request] = pool.requests;
      assert.match(request?.sql ?? '', /incidents\.school collate Latin1_General_100_BIN2 as "group_key"/);
      assert.doesNotThrow(() => new Parser().astify(request?.sql ?? '', { database: 'transactsql' }), request?.sql);
    });

    it('lets other errors through unchanged', async function () {
      const bug = new mssql.RequestError('Invalid column name', 'EREQUEST');
      pool.answer = () => bug;
      const store = createKyselyStore(db, mssqlDialect);
      await assert.rejects(store.places.list({ tenantId: 'tenant-1' }, 10), (error) => error === bug);
    });
  });

  describe('error classification', function () {
    const requestError = (number: number, code: 'EREQUEST' | 'ETIMEOUT' = 'EREQUEST') =>
      Object.assign(new mssql.RequestError(`server error ${number}`, code), { number });

    it('knows a foreign key that refused a write (547), and a deadlock victim (1205)', function () {
      assert.equal(mssqlDialect.isReferenceViolation(requestError(547)), true);
      assert.equal(mssqlDialect.isReferenceViolation(requestError(2627)), false);
      assert.equal(mssqlDialect.isDeadlock(requestError(1205)), true);
      assert.equal(mssqlDialect.isDeadlock(requestError(1222)), false);
    });

    it('knows duplicate keys', function () {
      assert.equal(mssqlDialect.isUniqueViolation(requestError(2627)), true);
      assert.equal(mssqlDialect.isUniqueViolation(requestError(2601)), true);
      assert.equal(mssqlDialect.isUniqueViolation(requestError(547)), false);
      assert.equal(mssqlDialect.isUniqueViolation(new Error('x')), false);
    });

    it('knows what means "not now": lost connections, timeouts, deadlocks, Azure transient errors', function () {
      assert.equal(mssqlDialect.isUnavailable(new mssql.ConnectionError('refused', 'ESOCKET')), true);
      assert.equal(mssqlDialect.isUnavailable(new mssql.RequestError('Timeout: Request failed to complete in 10000ms', 'ETIMEOUT')), true);
      assert.equal(mssqlDialect.isUnavailable(new mssql.TransactionError('Connection lost', 'ECONNCLOSED')), true);
      assert.equal(mssqlDialect.isUnavailable(Object.assign(new Error('operation timed out'), { name: 'TimeoutError' })), true);
      assert.equal(mssqlDialect.isUnavailable(requestError(1205)), true);
      assert.equal(mssqlDialect.isUnavailable(requestError(40613)), true);
      assert.equal(mssqlDialect.isUnavailable(requestError(2627)), false);
      assert.equal(mssqlDialect.isUnavailable(new TypeError('bug')), false);
    });

    it('knows a database that cannot write (full data or log, read-only, Azure size quota) and names the cause by number, never by text', function () {
      for (const number of [1101, 1105, 9002, 3906, 40544, 40552, 1204, 701]) {
        assert.equal(mssqlDialect.isUnavailable(requestError(number)), true, String(number));
        assert.equal(mssqlDialect.unavailableCause(requestError(number)), `MSSQL_${number}`);
      }
      assert.equal(mssqlDialect.unavailableCause(new mssql.ConnectionError('Failed to connect to db.example.se:1433', 'ESOCKET')), 'ESOCKET');
      assert.equal(mssqlDialect.unavailableCause(requestError(2627)), null);
    });

    it('makes a full transaction log a StoreUnavailableError with one log line naming the cause, and an unhealthy report', async function () {
      const logFull = () => requestError(9002);
      pool.answer = (sql) => (sql.startsWith(NOCOUNT_OFF) ? logFull() : { recordset: [], rowsAffected: [0] });
      const lines: object[] = [];
      const logger = { info: () => undefined, warn: () => undefined, error: (obj: object) => { lines.push(obj); } };
      const store = createKyselyStore(db, mssqlDialect, { logger });
      await assert.rejects(store.conversations.save({
        conversationId: 'c', tenantId: 'tenant-1', scope: 'channel', teamId: null, channelId: null, serviceUrl: 'https://smba.trafficmanager.net/emea/',
        reference: {}, installedAt: new Date(), updatedAt: new Date(),
      }), (error: unknown) => error instanceof StoreUnavailableError && error.reason === 'MSSQL_9002');
      assert.deepEqual(lines, [{ event: 'store_unavailable', store: 'mssql', cause: 'MSSQL_9002' }]);
      const health = await store.health();
      assert.deepEqual([health.ok, health.cause], [false, 'MSSQL_9002']);
      pool.answer = () => ({ recordset: [], rowsAffected: [1] });
      assert.deepEqual(await store.health(), { ok: true, kind: 'mssql' }, 'healthy again once a write works');
    });
  });

  describe('opening the store', function () {
    it('migrates with requests that may wait out the migration lock, and serves users with the pool\'s short timeout', async function () {
      const lockWait = Number(/@LockTimeout = (\d+)/.exec(TAKE_MIGRATION_LOCK_SQL)?.[1]);
      assert.equal(lockWait, MIGRATION_LOCK_WAIT_MS);
      assert.ok(MIGRATION_REQUEST_TIMEOUT_MS > lockWait + REQUEST_TIMEOUT_MS, 'a migration request outlasts the lock wait');

      pool.answer = (text) => (text.includes('APPLOCK_MODE') ? { recordset: [{ lock_mode: 'Exclusive' }], rowsAffected: [1] } : { recordset: [], rowsAffected: [0] });
      const store = await openMssqlStore(parseMssqlUrl('mssql://sa:pw@db:1433/trygghetsboten'), {}, () => pool);
      const migrationRequests = pool.requests.length;
      assert.ok(migrationRequests > 20);
      assert.deepEqual(new Set(pool.requests.map((r) => r.requestTimeout)), new Set([MIGRATION_REQUEST_TIMEOUT_MS]));
      await store.places.list({ tenantId: 'tenant-1' }, 10);
      assert.deepEqual(pool.requests.slice(migrationRequests).map((r) => r.requestTimeout), [undefined]);
      assert.equal(pool.connects, 1, 'one pool, connected once');
      await store.close();
      assert.equal(pool.closed, true);
    });
  });
});

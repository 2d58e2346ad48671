import assert from 'node:assert/strict';
import { openSqliteDatabase } from '../../src/store/sqlite/sqlite-driver';
import {
  Kysely, SqliteDialect,
  type CompiledQuery, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult,
  type QueryCompiler, type RootOperationNode, type UnknownRow,
} from 'kysely';
import { MssqlPoolDialect } from '../../src/store/mssql/mssql-driver';
import { everyColumn, prepareQuery, type InsertRow } from '../../src/store/prepared-query';
import type { Database } from '../../src/store/schema';
import { createSqliteKysely, SQLITE_MEMORY } from '../../src/store/sqlite/sqlite-store';
import { sqliteMigrations } from '../../src/store/sqlite/sqlite-dialect';
import { migrate } from '../../src/store/migrator';
import { FakeMssqlPool } from '../fakes/fake-mssql-pool';
import { T0, TRICKY_TEXT } from './store-fixtures';

// A prepared query is compiled once per engine and run with fresh values (src/store/prepared-query.ts).
// What a user would notice if it went wrong: a row found for the wrong tenant, a value of an earlier
// call written again, a list bound as one value. So each test compares with Kysely itself.

type PlaceKey = { tenantId: string; key: string };
const placeByKey = prepareQuery<PlaceKey>()((db, p) => db.selectFrom('places').select(['id', 'name'])
  .where('tenant_id', '=', p.tenantId).where('name_key', '=', p.key).limit(1));
const ordinaryPlaceByKey = (db: Kysely<Database>, { tenantId, key }: PlaceKey) => db.selectFrom('places').select(['id', 'name'])
  .where('tenant_id', '=', tenantId).where('name_key', '=', key).limit(1);

const insertAudit = prepareQuery<InsertRow<'audit_log'>>()((db, p) => db.insertInto('audit_log').values(everyColumn('audit_log', p)));
const auditRow = (id: string, detail: string | null): InsertRow<'audit_log'> => ({
  id, at: T0, tenant_id: 'tenant-1', actor_id: 'aad-user-1', action: 'report.created', entity_kind: 'incident',
  entity_id: `incident-${id}`, entity_ref: `H-2026-${id}`, detail,
});

/** Records every statement the engine was sent, as sent. */
function sqliteRecorded(): { db: Kysely<Database>; sent: CompiledQuery[] } {
  const sent: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: openSqliteDatabase(SQLITE_MEMORY) }),
    log: (event) => { sent.push(event.query); },
  });
  return { db, sent };
}

/** The SQL Server dialect over a fake pool, counting how often its compiler compiles. */
class CountingMssqlDialect extends MssqlPoolDialect {
  compiles = 0;

  override createQueryCompiler(): QueryCompiler {
    const compiler = super.createQueryCompiler();
    const compileQuery = compiler.compileQuery.bind(compiler);
    compiler.compileQuery = (node, queryId) => {
      this.compiles += 1;
      return compileQuery(node, queryId);
    };
    return compiler;
  }
}

function mssqlFake(): { db: Kysely<Database>; pool: FakeMssqlPool; dialect: CountingMssqlDialect } {
  const pool = new FakeMssqlPool();
  pool.answer = () => ({ recordset: [], rowsAffected: [1] });
  const dialect = new CountingMssqlDialect(pool);
  return { db: new Kysely<Database>({ dialect }), pool, dialect };
}

describe('Prepared queries', function () {
  it('send, for each call, the SQL and values Kysely writes for that call (SQLite)', async function () {
    const { db, sent } = sqliteRecorded();
    try {
      const calls: PlaceKey[] = [{ tenantId: 'tenant-1', key: 'stora torget' }, { tenantId: 'tenant-2', key: TRICKY_TEXT.sqlInjection }];
      for (const call of calls) await placeByKey.rows(db, call).catch(() => undefined); // no table: the statement is sent all the same
      const expected = calls.map((call) => ordinaryPlaceByKey(db, call).compile());
      assert.deepEqual(sent.map((q) => [q.sql, q.parameters]), expected.map((q) => [q.sql, q.parameters]));
    } finally {
      await db.destroy();
    }
  });

  it('send, for each call, the T-SQL and values Kysely writes for that call (SQL Server, limit as top)', async function () {
    const { db, pool } = mssqlFake();
    await placeByKey.rows(db, { tenantId: 'tenant-1', key: 'stora torget' });
    await placeByKey.rows(db, { tenantId: 'tenant-9', key: 'torget' });
    assert.deepEqual(pool.requests.map((r) => [r.sql, r.inputs.map((i) => i.value)]), [
      ['select top(1) "id", "name" from "places" where "tenant_id" = @1 and "name_key" = @2', ['tenant-1', 'stora torget']],
      ['select top(1) "id", "name" from "places" where "tenant_id" = @1 and "name_key" = @2', ['tenant-9', 'torget']],
    ]);
  });

  it('find and write rows with this call\'s values, never an earlier call\'s, on a migrated database', async function () {
    const db = createSqliteKysely(SQLITE_MEMORY);
    try {
      await migrate(db, sqliteMigrations);
      await insertAudit.affected(db, auditRow('1', 'ny'));
      await insertAudit.affected(db, auditRow('2', null));
      const rows = await db.selectFrom('audit_log').select(['id', 'entity_ref', 'detail']).orderBy('id').execute();
      assert.deepEqual(rows, [{ id: '1', entity_ref: 'H-2026-1', detail: 'ny' }, { id: '2', entity_ref: 'H-2026-2', detail: null }]);
      await db.insertInto('places').values([
        { id: 'p1', tenant_id: 'tenant-1', name: 'Stora torget', name_key: 'stora torget', created_at: T0 },
        { id: 'p2', tenant_id: 'tenant-2', name: 'Stora torget', name_key: 'stora torget', created_at: T0 },
      ]).execute();
      assert.equal((await placeByKey.first(db, { tenantId: 'tenant-2', key: 'stora torget' }))?.id, 'p2');
      assert.equal((await placeByKey.first(db, { tenantId: 'tenant-1', key: 'stora torget' }))?.id, 'p1');
      assert.equal(await placeByKey.first(db, { tenantId: 'tenant-3', key: 'stora torget' }), undefined);
    } finally {
      await db.destroy();
    }
  });

  it('compile once per engine: one query object serves SQLite and SQL Server side by side, each in its own SQL', async function () {
    const sqlite = sqliteRecorded();
    const mssql = mssqlFake();
    try {
      for (let i = 0; i < 2; i++) {
        await insertAudit.affected(sqlite.db, auditRow(`s${i}`, null)).catch(() => undefined);
        await insertAudit.affected(mssql.db, auditRow(`m${i}`, null));
      }
      assert.ok(sqlite.sent.every((q) => q.sql.startsWith('insert into "audit_log" (') && q.sql.includes('values (?, ?')), sqlite.sent[0]?.sql);
      assert.ok(mssql.pool.requests.every((r) => /insert into "audit_log" \(.*\) values \(@1, @2/.test(r.sql)), mssql.pool.requests[0]?.sql);
      assert.deepEqual(mssql.pool.requests.map((r) => r.inputs[0]?.value), ['m0', 'm1']);
      assert.deepEqual(sqlite.sent.map((q) => q.parameters[0]), ['s0', 's1']);
      // Inside a transaction too, the SQL compiled once is reused.
      await mssql.db.transaction().execute((trx) => insertAudit.affected(trx, auditRow('m2', null)));
      assert.equal(mssql.dialect.compiles, 1);
      assert.equal(mssql.pool.requests.at(-1)?.inputs[0]?.value, 'm2');
    } finally {
      await sqlite.db.destroy();
    }
  });

  it('name every column of the table in an insert, so that no call leaves one to its default', async function () {
    const migrated = createSqliteKysely(SQLITE_MEMORY);
    const { db, pool } = mssqlFake();
    try {
      await migrate(migrated, sqliteMigrations);
      const columns = (await migrated.introspection.getTables()).find((t) => t.name === 'audit_log')?.columns.map((c) => c.name) ?? [];
      await insertAudit.affected(db, auditRow('1', null));
      const insert = pool.requests[0]?.sql ?? '';
      assert.ok(columns.length > 5);
      for (const column of columns) assert.ok(insert.includes(`"${column}"`), `${column} is not in ${insert}`);
    } finally {
      await migrated.destroy();
    }
  });

  it('refuse a list, an object or a missing value instead of binding it as one value, and send nothing', async function () {
    const { db, pool } = mssqlFake();
    const anyList = ['a', 'b'] as unknown as string;
    await assert.rejects(placeByKey.rows(db, { tenantId: 'tenant-1', key: anyList }), /"key" takes one value/);
    await assert.rejects(placeByKey.rows(db, { tenantId: 'tenant-1', key: { toString: () => 'x' } as unknown as string }), /"key" takes one value/);
    await assert.rejects(placeByKey.rows(db, { tenantId: 'tenant-1' } as PlaceKey), /No value for the query parameter "key"/);
    assert.equal(pool.requests.length, 0);
  });

  it('let a plugin see every call with its values, as Kysely does for an ordinary query', async function () {
    const seen: RootOperationNode[] = [];
    class Recorder implements KyselyPlugin {
      transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
        seen.push(node);
        return node;
      }
      async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
        return result;
      }
    }
    const { db, pool } = mssqlFake();
    const observed = db.withPlugin(new Recorder());
    await placeByKey.rows(observed, { tenantId: 'tenant-1', key: 'a' });
    await placeByKey.rows(observed, { tenantId: 'tenant-1', key: 'b' });
    assert.equal(seen.length, 2);
    assert.deepEqual(pool.requests.map((r) => r.inputs.map((i) => i.value)), [['tenant-1', 'a'], ['tenant-1', 'b']]);
    const ordinary = ordinaryPlaceByKey(db, { tenantId: 'tenant-1', key: 'b' }).toOperationNode();
    assert.deepEqual(JSON.parse(JSON.stringify(seen[1])), JSON.parse(JSON.stringify(ordinary)));
  });
});

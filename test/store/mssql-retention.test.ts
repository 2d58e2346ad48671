import assert from 'node:assert/strict';
import { Parser } from 'node-sql-parser';
import type { Store } from '../../src/domain/ports/store.port';
import { RETENTION_BATCH } from '../../src/store/repositories/retention';
import { useFakeMssqlStore, type FakeMssqlPool } from '../fakes/fake-mssql-pool';
import { T0 } from './store-fixtures';

// Retention on a SQL Server that other connections write to meanwhile: it changes rows in batches of
// short statements and reports the rows the statements changed, not a count taken before them.

describe('SQL Server: retention in batches', function () {
  const fake = useFakeMssqlStore();
  let pool: FakeMssqlPool;
  let store: Store;

  beforeEach(function () {
    ({ pool, store } = fake());
  });

  it('updates old incidents batch by batch until a batch is not full, and counts what the server says it changed', async function () {
    // 1007 old incidents when counted; a concurrent writer removes 3 before the last batch runs.
    const foundPerBatch = [RETENTION_BATCH, RETENTION_BATCH, 7];
    const changedPerBatch = [RETENTION_BATCH, RETENTION_BATCH, 4];
    const oldIncidents = (n: number) => Array.from({ length: n }, (_, i) => ({
      id: `i-${i}`, tenant_id: 'tenant-1', conversation_id: 'c', occurred_at: new Date('2024-01-01T12:00:00Z'), school: null,
    }));
    pool.answer = (sql) => {
      if (sql.startsWith('select distinct "tenant_id" from "incidents"')) return { recordset: [{ tenant_id: 'tenant-1' }], rowsAffected: [1] };
      if (sql.startsWith(`select top(${RETENTION_BATCH}) "id", "tenant_id", "conversation_id", "occurred_at", "school" from "incidents"`)) {
        const found = oldIncidents(foundPerBatch.shift() ?? 0);
        return { recordset: found, rowsAffected: [found.length] };
      }
      if (sql.includes('update "incidents"')) return { recordset: [], rowsAffected: [changedPerBatch.shift() ?? 0] };
      return { recordset: [], rowsAffected: [0] };
    };
    const counts = await store.retention.anonymiseBefore(T0, T0);
    assert.deepEqual(counts, [{ tenantId: 'tenant-1', incidents: 2 * RETENTION_BATCH + 4, activities: 0, hotspots: 0, measures: 0, profiles: 0 }]);
    const updates = pool.requests.filter((r) => r.sql.includes('update "incidents"'));
    assert.equal(updates.length, 3);
    // Each batch in a transaction of its own (with the lägesbild's school counts it changes): none holds the locks of two batches.
    assert.equal(pool.transactions.length, 3);
    const parser = new Parser();
    for (const { sql } of updates) {
      assert.match(sql, /"id" in \(@\d+(, @\d+)*\) and \("incidents"\."occurred_at" < @\d+ and "incidents"\."anonymised_at" is null\)/);
      assert.doesNotThrow(() => parser.astify(sql, { database: 'transactsql' }), sql);
    }
  });

  it('removes the other records with T-SQL the server parses, one tenant and one week, day, year or tertial per statement', async function () {
    // Every "which groups are old" query finds one group of tenant-1; every change changes one row.
    pool.answer = (sql) => {
      if (sql.startsWith('select top(')) return { recordset: [{ id: 'callout-1' }], rowsAffected: [1] };
      if (!sql.startsWith('select distinct')) return { recordset: [], rowsAffected: [1] };
      const key = sql.includes('"week_start"') || sql.includes('"meeting_day"') ? new Date('2022-01-03T00:00:00Z')
        : sql.includes('"tertial"') ? '2015-T3' : sql.includes('"digest_exports"') ? 'tenant-1' : 2015;
      return { recordset: [{ tenant_id: 'tenant-1', key }], rowsAffected: [1] };
    };
    const counts = await store.retention.removeRecordsBefore({ cutoff: T0, documentYear: 2016 });
    assert.deepEqual(counts, [{
      tenantId: 'tenant-1', assessments: 1, nothingToReport: 1, nudges: 1, exports: 1, callouts: 1, analyses: 1, promises: 1, meetings: 1, priorities: 1,
    }]);
    const changed = (sql: string) => /^(?:SET NOCOUNT OFF;\s*)?(?:update|delete from) "(\w+)"/.exec(sql)?.[1];
    const changes = pool.requests.filter((r) => changed(r.sql) !== undefined);
    assert.deepEqual([...new Set(changes.map((r) => changed(r.sql)))].sort(), [
      'activities', 'area_assessments', 'callout_events', 'callout_recipients', 'callouts', 'digest_exports', 'est_nothing_to_report', 'est_nudges', 'lagesbild_analyses', 'priority_areas',
      'promise_commitments', 'promises', 'strategic_meetings',
    ]);
    const parser = new Parser();
    for (const { sql, inputs } of changes) {
      assert.doesNotThrow(() => parser.astify(sql, { database: 'transactsql' }), sql);
      // A call-out's recipients and events have no tenant column: they go by the ids of the tenant's call-outs.
      if (/"callout_(events|recipients)"/.test(sql)) {
        assert.ok(inputs.some((i) => i.value === 'callout-1'), sql);
        continue;
      }
      assert.match(sql, /"tenant_id" = @\d+/, `scoped to one tenant: ${sql}`);
      assert.ok(inputs.some((i) => i.value === 'tenant-1'), sql);
    }
    // A day read back as a Date is written back as the calendar day it is.
    const nudges = changes.find((r) => changed(r.sql) === 'est_nudges')!;
    assert.ok(nudges.inputs.some((i) => i.value === '2022-01-03'), 'the meeting day as YYYY-MM-DD');
  });
});

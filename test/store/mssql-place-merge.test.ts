import assert from 'node:assert/strict';
import mssql from 'mssql';
import type { Store } from '../../src/domain/ports/store.port';
import { PlaceOutsideTenantError } from '../../src/store/repositories/scopes';
import { useFakeMssqlStore, type FakeAnswer, type FakeMssqlPool } from '../fakes/fake-mssql-pool';
import { incidentFields, newReport } from './store-fixtures';

// Merging two places is check-then-act. SQLite's single writer hides the races a SQL Server with many
// connections has; here the fake pool answers as a server would when a concurrent writer got in.

const tenant = { tenantId: 'tenant-1' };
const curator = { actorId: 'aad-curator', now: new Date('2026-03-01T10:00:00Z') };
const placeRow = (id: string, name: string) => ({
  id, tenant_id: 'tenant-1', name, name_key: name.toLowerCase(), created_at: new Date('2026-01-01T00:00:00Z'),
  kind: 'torg', lat: null, lon: null, parent_id: null,
});
const PLACES = [placeRow('keep', 'Stora torget'), placeRow('merged', 'Torget')];
const serverError = (number: number) => Object.assign(new mssql.RequestError(`server error ${number}`, 'EREQUEST'), { number });

describe('SQL Server: merging places under concurrent writers', function () {
  let pool: FakeMssqlPool;
  let store: Store;

  /** Answers like a database holding the two places; `fail` may turn one statement into a server error. */
  function serve(fail: (sql: string) => Error | null = () => null): void {
    let deleted = false;
    pool.answer = (sql, values): FakeAnswer | Error => {
      const failure = fail(sql);
      if (failure) return failure;
      if (sql.includes('delete from "places"')) deleted = true;
      if (sql.startsWith('select * from "places" where "id" = @1')) {
        return { recordset: PLACES.filter((p) => p.id === values[0] && !(deleted && p.id === 'merged')), rowsAffected: [1] };
      }
      return { recordset: [], rowsAffected: [1] };
    };
  }

  const fake = useFakeMssqlStore();
  beforeEach(function () {
    ({ pool, store } = fake());
  });

  it('reads both places, moves everything and deletes in one SERIALIZABLE transaction', async function () {
    serve();
    const kept = await store.placeRegister.merge(tenant, 'keep', 'merged', curator);
    assert.equal(typeof kept === 'object' && kept.id, 'keep');
    const [merge] = pool.transactions;
    assert.equal(merge?.isolationLevel, mssql.ISOLATION_LEVEL.SERIALIZABLE);
    assert.equal(merge?.state, 'committed');
    const inMerge = pool.requests.filter((r) => r.transaction === merge).map((r) => r.sql);
    assert.ok(inMerge[0]?.startsWith('select * from "places" where "id" = @1'), 'the check is under the transaction\'s locks');
    assert.ok(inMerge.some((sql) => sql.includes('delete from "places"')));
    assert.ok(inMerge.some((sql) => sql.includes('insert into "audit_log"')));
  });

  it('when a report lands at the merged place before its delete (547), runs the merge again and moves it too', async function () {
    let refused = false;
    serve((sql) => (sql.includes('delete from "places"') && !refused ? ((refused = true), serverError(547)) : null));
    const kept = await store.placeRegister.merge(tenant, 'keep', 'merged', curator);
    assert.equal(typeof kept === 'object' && kept.id, 'keep');
    assert.deepEqual(pool.transactions.map((t) => t.state), ['rolled back', 'committed']);
  });

  it('when a hot spot was created at the kept place meanwhile (2627), answers both_hotspots and changes nothing', async function () {
    serve((sql) => (sql.includes('update "hotspots"') ? serverError(2627) : null));
    assert.equal(await store.placeRegister.merge(tenant, 'keep', 'merged', curator), 'both_hotspots');
    assert.deepEqual(pool.transactions.map((t) => t.state), ['rolled back']);
  });

  it('when the parent area was merged away meanwhile (547), an edit answers as for a missing place', async function () {
    serve((sql) => (sql.includes('update "places"') ? serverError(547) : null));
    assert.equal(await store.placeRegister.update(tenant, { id: 'keep', parentId: 'merged' }, curator), null);
  });

  it('when a report is filed at a place a merge removes meanwhile (547), it fails as for an unknown place, nothing half written', async function () {
    pool.answer = (sql) => {
      if (sql.includes('insert into "incidents"')) return serverError(547);
      if (sql.startsWith('select "id" from "places"')) return { recordset: [{ id: 'merged' }], rowsAffected: [1] };
      return { recordset: [{ value: 1 }], rowsAffected: [1] };
    };
    await assert.rejects(store.incidents.create(newReport(incidentFields('merged'))),
      (error: unknown) => error instanceof PlaceOutsideTenantError && error.placeId === 'merged');
    assert.equal(pool.transactions.at(-1)?.state, 'rolled back');
  });
});

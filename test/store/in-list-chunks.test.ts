import assert from 'node:assert/strict';
import { PLACE_REGISTER_MAX } from '../../src/domain/places/place-register';
import type { Store } from '../../src/domain/ports/store.port';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { useFakeMssqlStore, type FakeMssqlPool } from '../fakes/fake-mssql-pool';
import { T0, at, incidentFields, newReport, tenant } from './store-fixtures';

// An area's history asks for the incidents at the area and all its child places: up to the whole
// register (PLACE_REGISTER_MAX places). SQL Server refuses a request with more than 2100 parameters.

const SQL_SERVER_MAX_PARAMETERS = 2100;
const placeIds = Array.from({ length: PLACE_REGISTER_MAX }, (_, i) => `place-${String(i).padStart(4, '0')}`);

describe('IN lists of place and hot spot ids', function () {
  describe('sent to SQL Server', function () {
    const fake = useFakeMssqlStore();
    let pool: FakeMssqlPool;
    let store: Store;

    beforeEach(function () {
      ({ pool, store } = fake());
    });

    it('stay under 2100 parameters per request for a whole register, and come back as one list in time order', async function () {
      // Each chunk answers with one incident, later chunks with earlier times: the whole must be sorted again.
      let chunk = 0;
      pool.answer = (_sql, values) => {
        chunk += 1;
        const placeId = values.find((v) => typeof v === 'string' && v.startsWith('place-'));
        return { recordset: [{ id: `i${chunk}`, ref: `H-${chunk}`, place_id: placeId, occurred_at: at(-chunk), category: 'ordningsstorning' }], rowsAffected: [1] };
      };
      const stamps = await store.placeHistory.incidents(tenant, placeIds, at(-3600), T0);
      assert.ok(pool.requests.length > 1);
      for (const request of pool.requests) assert.ok(request.inputs.length < SQL_SERVER_MAX_PARAMETERS, `${request.inputs.length} parameters`);
      const asked = pool.requests.flatMap((r) => r.inputs.map((i) => i.value)).filter((v) => typeof v === 'string' && v.startsWith('place-'));
      assert.deepEqual(asked.sort(), placeIds, 'every place asked for exactly once');
      assert.deepEqual(stamps.map((s) => s.id), Array.from({ length: chunk }, (_, i) => `i${chunk - i}`));
    });

    it('do the same for visits and for hot spot measures', async function () {
      pool.answer = () => ({ recordset: [], rowsAffected: [0] });
      await store.placeHistory.visits(tenant, placeIds, ['trygghetsvandring']);
      await store.hotspots.measures(tenant, placeIds);
      assert.ok(pool.requests.length >= 2 * Math.ceil(PLACE_REGISTER_MAX / SQL_SERVER_MAX_PARAMETERS));
      for (const request of pool.requests) assert.ok(request.inputs.length < SQL_SERVER_MAX_PARAMETERS, `${request.inputs.length} parameters`);
    });
  });

  it('find, on SQLite, incidents at places in different chunks, in time order', async function () {
    const store = await openSqliteStore(':memory:');
    try {
      const first = await store.places.findOrCreate(tenant, 'Första platsen', T0);
      const last = await store.places.findOrCreate(tenant, 'Sista platsen', T0);
      const ids = [first.id, ...placeIds, last.id];
      const late = await store.incidents.create(newReport(incidentFields(first.id, { occurredAt: at(-10) })));
      const early = await store.incidents.create(newReport(incidentFields(last.id, { occurredAt: at(-20) })));
      const stamps = await store.placeHistory.incidents(tenant, ids, at(-3600), T0);
      assert.deepEqual(stamps.map((s) => s.id), [early.id, late.id]);
    } finally {
      await store.close();
    }
  });
});

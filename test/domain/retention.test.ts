import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyRetention } from '../../src/domain/retention';
import type { Store } from '../../src/domain/ports/store.port';
import { createStore } from '../../src/store/create-store';
import { activityFields, incidentFields, newReport, origin, tenant } from '../store/store-fixtures';

describe('retention', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trygghetsboten-retention-'));
    store = await createStore(`sqlite:${join(dir, 'r.db')}`);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('When reports pass RETENTION_MONTHS, then their text and people go but what the lägesbild counts stays, once', async () => {
    const place = await store.places.findOrCreate(tenant, 'Stora torget', new Date('2023-01-01T00:00:00Z'));
    const old = await store.incidents.create(newReport({ ...incidentFields(place.id), occurredAt: new Date('2023-05-01T10:00:00Z'), description: 'Gammal text', school: 'Ängsskolan' }));
    const recent = await store.incidents.create(newReport({ ...incidentFields(place.id), occurredAt: new Date('2026-05-01T10:00:00Z'), description: 'Ny text' }));
    const oldActivity = await store.activities.create(newReport({ ...activityFields(), date: '2023-04-01', notes: 'Gamla anteckningar' }));
    const now = new Date('2026-11-25T02:00:00Z');

    assert.deepEqual(await applyRetention(store, 36, now), { incidents: 1, activities: 1 });
    const gone = await store.incidents.get(origin, old.id);
    assert.equal(gone?.description, '[borttagen enligt gallringsregel]');
    assert.equal(gone?.school, null);
    assert.equal(gone?.reporter.name, '');
    assert.deepEqual([gone?.category, gone?.placeId, gone?.occurredAt.toISOString(), gone?.organisation, gone?.youthInvolved],
      [old.category, old.placeId, old.occurredAt.toISOString(), old.organisation, old.youthInvolved]);
    assert.equal((await store.incidents.get(origin, recent.id))?.description, 'Ny text');
    assert.equal((await store.activities.get(origin, oldActivity.id))?.notes, '[borttagen enligt gallringsregel]');

    assert.deepEqual(await applyRetention(store, 36, now), { incidents: 0, activities: 0 }, 'a second run finds nothing left');
    const audit = await store.audit.latest({ tenantId: old.origin.tenantId }, 10);
    assert.deepEqual(audit.filter((a) => a.action === 'report.anonymised').map((a) => a.detail), ['incidents=1 activities=1'], 'the tenant’s own log shows it');
  });
});

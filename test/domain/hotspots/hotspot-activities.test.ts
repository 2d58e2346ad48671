import assert from 'node:assert/strict';
import { hotspotView } from '../../../src/cards/hotspot-cards';
import { HotspotService } from '../../../src/domain/hotspots/hotspot-service';
import type { Store } from '../../../src/domain/ports/store.port';
import type { ActivityType } from '../../../src/domain/vocabulary';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store';
import { ManualClock } from '../../support/bot-harness';
import { activityFields, newReport } from '../../store/store-fixtures';

// Every activity at the place, inside it or in the area it lies in counts as work at the hot spot:
// in its timeline and in its effect, whatever the activity's type.

describe('activities at a hot spot', () => {
  let store: Store;
  const clock = new ManualClock(new Date('2026-12-01T09:00:00Z'));
  const owner = { userId: 'aad-owner', name: 'Olle Ägare' };
  const origin = { tenantId: 'tenant-1', conversationId: '19:abc@thread.tacv2' };
  const tenant = { tenantId: origin.tenantId };
  const curator = { actorId: owner.userId, now: clock.now() };

  beforeEach(async () => { store = await openSqliteStore(':memory:'); });
  afterEach(async () => { await store.close(); });

  it('When walks, night walks, patrols, visits and talks are logged at the place or its area, then each is in the timeline and counted in the effect', async () => {
    const centrum = await store.places.findOrCreate(tenant, 'Centrum', clock.now());
    const torget = await store.places.findOrCreate(tenant, 'Stora torget', clock.now());
    const parken = await store.places.findOrCreate(tenant, 'Parken', clock.now());
    await store.placeRegister.update(tenant, { id: torget.id, parentId: centrum.id }, curator);
    await store.placeRegister.update(tenant, { id: parken.id, parentId: centrum.id }, curator);
    const created = await store.hotspots.create({ placeId: torget.id, ownerOrganisation: 'polisen', owner, createdBy: owner, origin, now: new Date('2026-11-02T09:00:00Z') });
    assert.ok(created.ok);
    await store.hotspots.update(tenant, { id: created.hotspot.id, expectedVersion: 1, actorId: owner.userId, now: clock.now(), state: 'foljs_upp' });

    const log = (type: ActivityType, date: string, place: { id: string; name: string }) =>
      store.activities.create(newReport(activityFields({ type, date, placeId: place.id, placeName: place.name }), { origin }));
    await log('trygghetsvandring', '2026-11-05', torget);
    await log('nattvandring', '2026-11-07', centrum);
    await log('patrullering', '2026-11-12', torget);
    await log('hotspot_besok', '2026-11-19', torget);
    await log('samtal_med_berorda', '2026-11-26', torget);
    await log('nattvandring', '2026-11-27', parken); // another place in the same area: not this place's work

    const service = new HotspotService(store, clock, { effectWeeks: 4, timeZone: 'Europe/Stockholm' }, { organisationOf: async () => null });
    const view = await service.view(tenant, (await store.hotspots.get(tenant, created.hotspot.id))!);
    assert.deepEqual(view.activities.map((a) => a.type), ['trygghetsvandring', 'nattvandring', 'patrullering', 'hotspot_besok', 'samtal_med_berorda']);
    assert.deepEqual(view.effect?.activities, { before: 0, after: 5, daysAfterSoFar: 26 }, 'the work began with the first walk');
    assert.equal(view.effect?.since.toISOString(), '2026-11-04T23:00:00.000Z');

    const text = JSON.stringify(hotspotView('sv', view));
    for (const line of ['Trygghetsvandring', 'Nattvandring', 'Patrullering', 'Hot spot-besök', 'Samtal med berörda']) assert.ok(text.includes(line), line);
    assert.match(text, /Nattvandring A-2026-0002 – 12 personer mötta \(i området Centrum\)/);
    assert.match(text, /Insatser på platsen och i området: 0 aktiviteter före, 5 efter\./);
  });
});

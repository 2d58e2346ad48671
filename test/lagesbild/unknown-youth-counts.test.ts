import assert from 'node:assert/strict';
import { lagesbild } from '../../src/cards/lagesbild-cards';
import { LagesbildService } from '../../src/domain/lagesbild/lagesbild-service';
import type { Store } from '../../src/domain/ports/store.port';
import { isoWeek } from '../../src/domain/periods';
import { createStore } from '../../src/store/create-store';
import { incidentFields, newReport, origin, tenant } from '../store/store-fixtures';
import { StepClock } from './digest-fixtures';

// A number of young people that nobody gave is unknown, not zero: the lägesbild says "okänt antal".

describe('unknown counts of young people in the lägesbild', () => {
  let store: Store;
  const clock = new StepClock(new Date('2026-11-30T06:30:00Z'));
  const week = isoWeek(2026, 48)!;
  const scope = { tenantId: origin.tenantId, conversationId: origin.conversationId };

  beforeEach(async () => { store = await createStore('sqlite::memory:'); });
  afterEach(async () => { await store.close(); });

  it('When no incident at a school gave a count, then that school reads "okänt antal unga"; one with a count reads its number', async () => {
    const place = await store.places.findOrCreate(tenant, 'Skolgården', clock.now());
    const at = new Date('2026-11-25T10:00:00Z');
    const add = (school: string, youthInvolved: number | null) =>
      store.incidents.create(newReport(incidentFields(place.id, { occurredAt: at, school, youthInvolved }), { origin }));
    await add('Ängsskolan', null);
    await add('Ängsskolan', null);
    await add('Björkskolan', 3);

    const l = await new LagesbildService(store.lagesbild, clock).build(scope, week);
    assert.deepEqual(l.schools.bySchool.items.map((s) => [s.name, s.count, s.youth]), [['Ängsskolan', 2, null], ['Björkskolan', 1, 3]]);
    assert.equal(l.schools.youth, 3, 'the total sums the counts given');

    const text = JSON.stringify(lagesbild('sv', l));
    assert.match(text, /2 händelser, okänt antal unga/);
    assert.match(text, /1 händelse, 3 unga/);
    assert.doesNotMatch(text, /\b0 unga/);
  });

  it('When no incident at any school gave a count, then the summary says "okänt antal", not 0', async () => {
    const place = await store.places.findOrCreate(tenant, 'Skolgården', clock.now());
    await store.incidents.create(newReport(incidentFields(place.id, { occurredAt: new Date('2026-11-25T10:00:00Z'), school: 'Ängsskolan', youthInvolved: null }), { origin }));
    const l = await new LagesbildService(store.lagesbild, clock).build(scope, week);
    assert.equal(l.schools.youth, null);
    const text = JSON.stringify(lagesbild('sv', l));
    assert.match(text, /okänt antal unga inblandade/);
    assert.doesNotMatch(text, /\b0 unga/);
  });
});

import assert from 'node:assert/strict';
import { LagesbildService } from '../../src/domain/lagesbild/lagesbild-service';
import { isoWeek } from '../../src/domain/periods';
import type { Store } from '../../src/domain/ports/store.port';
import { createStore } from '../../src/store/create-store';
import { activityFields, newReport, origin } from '../store/store-fixtures';
import { StepClock } from './digest-fixtures';

// Issue 11: school activities may be planned months ahead. A lägesbild of a whole week (not cut at "now",
// as a caller may ask for) counts an activity as done only once its day has come.

describe('the lägesbild and planned activities', function () {
  let store: Store;
  const clock = new StepClock(new Date('2026-12-02T10:00:00Z')); // Wednesday of week 49
  const scope = { tenantId: origin.tenantId, conversationId: origin.conversationId };

  before(async () => {
    store = await createStore('sqlite::memory:');
    for (const [date, type] of [['2026-11-30', 'sspf_mote'], ['2026-12-02', 'foraldramote'], ['2026-12-05', 'trygghetsvandring']] as const) {
      await store.activities.create(newReport(activityFields({ date, type, organisation: 'skola', organisations: ['skola'] })));
    }
  });
  after(async () => { await store.close(); });

  it('When a whole week holds a walk planned for Saturday, then on Wednesday its figures count Monday\'s and today\'s only, and on Sunday all three', async () => {
    const week = isoWeek(2026, 49)!;
    const wednesday = await new LagesbildService(store.lagesbild, clock).build(scope, week);
    assert.equal(wednesday.activities.total, 2);
    assert.deepEqual(wednesday.activities.byType.map((t) => t.key).sort(), ['foraldramote', 'sspf_mote']);
    clock.current = new Date('2026-12-06T10:00:00Z');
    const sunday = await new LagesbildService(store.lagesbild, clock).build(scope, week);
    assert.equal(sunday.activities.total, 3);
  });
});

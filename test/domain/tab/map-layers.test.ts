import assert from 'node:assert/strict';
import type { AreaAssessment } from '../../../src/domain/est/est.port';
import type { RegisteredPlace } from '../../../src/domain/places/place-register';
import { EstAreaStatuses } from '../../../src/domain/tab/est-area-statuses';
import { RegisterSchoolLocations } from '../../../src/domain/tab/register-school-locations';

const scope = { tenantId: 't1', conversationId: 'c1' };
const place = (id: string, name: string, lat: number | null, lon: number | null) =>
  ({ id, name, lat, lon, kind: 'omrade', parentId: null, aliases: [] }) as unknown as RegisteredPlace;
const assessment = (areaId: string, weekStart: string, level: 1 | 2 | 3): AreaAssessment =>
  ({ areaId, weekStart, level, reason: 'x', setBy: 'u', setAt: new Date('2026-11-30T10:00:00Z') });

describe('The tab\'s EST areas: each assessed area with its latest status', () => {
  it('When an area was assessed gul and later röd, then the map colours it röd; an area without coordinates or without an assessment is not drawn', async () => {
    let askedWeeks: readonly string[] = [];
    const source = new EstAreaStatuses(
      { assessments: async (s, weeks) => { assert.deepEqual(s, scope); askedWeeks = weeks; return [assessment('a1', '2026-11-16', 2), assessment('a1', '2026-11-30', 3), assessment('a2', '2026-11-23', 1), assessment('a3', '2026-11-30', 1)]; } },
      { all: async () => [place('a1', 'Centrum', 59.42, 16.1), place('a2', 'Skogsgläntan', 59.43, 16.12), place('a3', 'Utan koordinater', null, null), place('a4', 'Obedömt', 59.4, 16.0)] },
      { now: () => new Date('2026-12-02T10:00:00Z') }, 'Europe/Stockholm',
    );
    const areas = await source.latest(scope);
    assert.deepEqual(areas.map((a) => [a.name, a.status]), [['Centrum', 'rod'], ['Skogsgläntan', 'gron']]);
    assert.equal(askedWeeks.length, 8, 'the lägesbild\'s eight weeks');
    assert.equal(askedWeeks.at(-1), '2026-11-30', 'ending with this week');
  });

  it('When nothing is assessed, then no area is drawn and the register is not read', async () => {
    const source = new EstAreaStatuses({ assessments: async () => [] }, { all: async () => { throw new Error('not needed'); } },
      { now: () => new Date('2026-12-02T10:00:00Z') }, 'Europe/Stockholm');
    assert.deepEqual(await source.latest(scope), []);
  });
});

describe('The tab\'s schools: the school register\'s, and school places it does not name', () => {
  it('When a school of the register has a place with coordinates, then it is drawn there under its own name; a skola place of no school is drawn too; a school without a place is not', async () => {
    const schoolPlace = { ...place('p1', 'Skolgården', 59.42, 16.1), kind: 'skola' } as RegisteredPlace;
    const otherSchoolPlace = { ...place('p2', 'Gamla skolan', 59.43, 16.11), kind: 'skola' } as RegisteredPlace;
    const source = new RegisterSchoolLocations(
      { list: async () => [{ name: 'Kung Karls skola', placeId: 'p1' }, { name: 'Utan plats', placeId: null }] as never },
      { all: async () => [schoolPlace, otherSchoolPlace, place('p3', 'Torget', 59.4, 16.0)] },
    );
    assert.deepEqual((await source.schools(scope)).map((s) => s.name), ['Kung Karls skola', 'Gamla skolan']);
  });
});

import assert from 'node:assert/strict';
import type { Place } from '../../src/domain/place';
import type { MapIncidentQuery } from '../../src/domain/ports/map-incidents.port';
import type { Store } from '../../src/domain/ports/store.port';
import type { IncidentFields } from '../../src/domain/report';
import { T0, at, curator, incidentFields, newReport, origin, otherChat, otherTenant, otherTenantChat, tenant } from './store-fixtures';

const DAY = 86_400;
/** The range every test asks for unless it narrows it: the week before T0 and the day after. */
const WEEK = { from: at(-7 * DAY), to: at(DAY) };
const everything: MapIncidentQuery = { range: WEEK, categories: [], organisation: null, school: null, placeIds: null };

/** The lägesbild tab's map query (issue 13): part of the store contract (called inside its describe). */
export function mapIncidentsContract(ctx: () => { store: Store; place: Place }): void {
  describe('map incidents (the lägesbild tab)', function () {
    it('lists the conversation\'s incidents of the range, newest first, with the columns a marker shows and no text or people', async function () {
      const { store, place } = ctx();
      const report = (daysBefore: number, fields: Partial<IncidentFields> = {}) =>
        store.incidents.create(newReport(incidentFields(place.id, { occurredAt: at(-daysBefore * DAY), ...fields })));
      const older = await report(3);
      const newer = await report(1, { category: 'brand', organisation: 'kommunen', severity: 'hog' });
      await report(8); // before the range
      await report(-2); // after it
      const rows = await store.mapIncidents.list(origin, everything, 10);
      assert.deepEqual(rows.map((r) => r.ref), [newer.ref, older.ref]);
      assert.deepEqual(rows[0], {
        ref: newer.ref, occurredAt: at(-DAY), category: 'brand', severity: 'hog', organisation: 'kommunen', status: 'ny',
        placeId: place.id, placeName: 'Stora torget', school: 'Björkskolan',
      });
      assert.deepEqual((await store.mapIncidents.list(origin, everything, 1)).map((r) => r.ref), [newer.ref], 'at most the limit');
    });

    it('shows another conversation of the tenant, and another tenant with the same conversation id, nothing', async function () {
      const { store, place } = ctx();
      await store.incidents.create(newReport(incidentFields(place.id, { occurredAt: at(-DAY) })));
      const theirPlace = await store.places.findOrCreate(otherTenant, 'Stora torget', T0);
      await store.incidents.create(newReport(incidentFields(theirPlace.id, { occurredAt: at(-DAY), school: 'Hemligskolan' }), { origin: otherTenantChat }));
      assert.equal((await store.mapIncidents.list(origin, everything, 10)).length, 1);
      assert.deepEqual(await store.mapIncidents.list(otherChat, everything, 10), []);
      assert.deepEqual((await store.mapIncidents.list(otherTenantChat, everything, 10)).map((r) => r.school), ['Hemligskolan']);
      assert.deepEqual(await store.mapIncidents.untiedSchoolNames(otherChat, 10), []);
      assert.deepEqual(await store.mapIncidents.untiedSchoolNames(origin, 10), ['Björkskolan'], 'not the other tenant\'s school');
    });

    it('narrows by categories, organisation and places; an empty place list finds nothing', async function () {
      const { store, place } = ctx();
      const other = await store.places.findOrCreate(tenant, 'Stationen', T0);
      const report = (fields: Partial<IncidentFields>) => store.incidents.create(newReport(incidentFields(place.id, { occurredAt: at(-DAY), ...fields })));
      const klotter = await report({ category: 'skadegorelse_klotter' });
      const brand = await report({ category: 'brand', organisation: 'skola' });
      const atStation = await report({ category: 'narkotika', placeId: other.id, placeName: 'Stationen' });
      const refs = async (query: Partial<MapIncidentQuery>) => (await store.mapIncidents.list(origin, { ...everything, ...query }, 10)).map((r) => r.ref).sort();
      assert.deepEqual(await refs({ categories: ['skadegorelse_klotter', 'brand'] }), [klotter.ref, brand.ref].sort());
      assert.deepEqual(await refs({ organisation: 'skola' }), [brand.ref]);
      assert.deepEqual(await refs({ placeIds: [other.id] }), [atStation.ref]);
      assert.deepEqual(await refs({ placeIds: [] }), []);
      assert.deepEqual(await refs({ categories: ['brand'], placeIds: [other.id] }), [], 'filters combine');
    });

    it('narrows by a register school by id, and by a free-text school only among incidents tied to no school', async function () {
      const { store, place } = ctx();
      const added = await store.schools.add(tenant, { name: 'Björkskolan', stages: ['f-6'], placeId: null, contacts: [] }, curator);
      assert.ok(added.ok);
      const report = (fields: Partial<IncidentFields>) => store.incidents.create(newReport(incidentFields(place.id, { occurredAt: at(-DAY), ...fields })));
      const tied = await report({ school: 'Björkskolan', schoolId: added.school.id });
      const oldName = await report({ school: 'Västerskolan', schoolId: null });
      // A free-text name equal to a register school's, yet untied: the id filter does not find it, the name filter does.
      const untiedSameName = await report({ school: 'Björkskolan', schoolId: null });
      await report({ school: null, schoolId: null });
      const refs = async (school: MapIncidentQuery['school']) => (await store.mapIncidents.list(origin, { ...everything, school }, 10)).map((r) => r.ref);
      assert.deepEqual(await refs({ id: added.school.id }), [tied.ref]);
      assert.deepEqual(await refs({ name: 'Västerskolan' }), [oldName.ref]);
      assert.deepEqual(await refs({ name: 'Björkskolan' }), [untiedSameName.ref]);
      assert.deepEqual(await refs({ id: '5b3f1c1e-0000-4000-8000-00000000000b' }), [], 'an unknown id finds nothing');
      assert.deepEqual(await store.mapIncidents.untiedSchoolNames(origin, 10), ['Björkskolan', 'Västerskolan'], 'distinct, alphabetical, untied only');
      assert.deepEqual(await store.mapIncidents.untiedSchoolNames(origin, 1), ['Björkskolan'], 'at most the limit');
    });
  });
}

/** Statements the map query sends, as SQL Server would get them (start of the SQL text). */
export const MAP_INCIDENT_STATEMENTS = [
  'select top(100) "id", "ref", "occurred_at", "category", "severity", "organisation", "status", "place_id", "place_name", "school" from "incidents"',
  'select distinct top(100) "school" from "incidents"',
];

/** Calls the map query with every filter once, so that the SQL Server check sees its T-SQL. */
export async function exerciseMapIncidentRepository(store: Store, placeId: string): Promise<void> {
  await store.mapIncidents.list(origin, everything, 100);
  await store.mapIncidents.list(origin, {
    range: WEEK, categories: ['brand', 'narkotika'], organisation: 'polisen', school: { name: 'Björkskolan' }, placeIds: [placeId],
  }, 100);
  await store.mapIncidents.list(origin, { ...everything, school: { id: '5b3f1c1e-0000-4000-8000-00000000000a' } }, 100);
  await store.mapIncidents.untiedSchoolNames(origin, 100);
}

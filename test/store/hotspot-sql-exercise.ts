import type { Store } from '../../src/domain/ports/store.port';
import { T0, TRICKY_TEXT, at, curator, incidentFields, newReport, origin, reporter, tenant } from './store-fixtures';

/** Every hot spot and place register query, run once so that the SQL Server check sees its T-SQL. */
export async function exerciseHotspotRepositories(store: Store, placeId: string): Promise<void> {
  const other = await store.places.findOrCreate(tenant, TRICKY_TEXT.percentAndUnderscore, T0);
  await store.placeRegister.all(tenant, 50);
  await store.placeRegister.get(tenant, placeId);
  await store.placeRegister.update(tenant, { id: placeId, name: 'Stora torget', kind: 'torg', lat: 59.2, lon: 16.1, parentId: other.id }, curator);
  await store.placeRegister.addAlias(tenant, placeId, 'torget', curator);
  const created = await store.hotspots.create({ placeId, ownerOrganisation: 'polisen', owner: reporter, createdBy: reporter, origin, now: T0 });
  await store.hotspots.create({ placeId, ownerOrganisation: 'polisen', owner: reporter, createdBy: reporter, origin, now: T0 });
  const id = created.ok ? created.hotspot.id : '';
  await store.hotspots.get(tenant, id);
  await store.hotspots.byPlace(tenant, placeId);
  await store.hotspots.byPlaces(tenant, [placeId]);
  await store.hotspots.listActive(tenant);
  await store.hotspots.update(tenant, {
    actorId: curator.actorId, id, expectedVersion: 1, now: at(1), state: 'analyseras', followUpDate: '2026-03-20',
    analysis: { who: TRICKY_TEXT.sqlInjection, what: null, when: null, why: null },
    addMeasure: { what: TRICKY_TEXT.quotes, organisation: 'kommunen', dueDate: '2026-03-15', createdBy: reporter },
  });
  const [measure] = await store.hotspots.measures(tenant, [id]);
  await store.hotspots.update(tenant, { actorId: curator.actorId, id, expectedVersion: 2, now: at(2), measureDone: measure?.id ?? '' });
  await store.hotspots.followUpsDue('2026-03-20');
  await store.hotspots.measuresDue('2026-03-20');
  await store.hotspots.markFollowUpReminded(tenant, id, '2026-03-20');
  await store.hotspots.markMeasureReminded(tenant, measure?.id ?? '');
  await store.placeHistory.incidents(tenant, [placeId], at(-86400), at(0));
  await store.placeHistory.incidents(tenant, null, at(-86400), at(0));
  await store.placeHistory.weeklyIncidentCounts(tenant, [{ from: at(-172800), to: at(-86400) }, { from: at(-86400), to: at(0) }]);
  await store.placeHistory.visits(tenant, [placeId], ['hotspot_besok']);
  const spare = await store.places.findOrCreate(tenant, 'Lilla torget', T0);
  await store.placeRegister.merge(tenant, spare.id, other.id, curator);
  const undone = await store.incidents.create(newReport(incidentFields(placeId)));
  await store.placeHistory.withdrawIncident(origin, undone.id, undone.version, 'aad-undoer', T0);
}

/** The statement kinds those queries send, for the "covers every kind" check. */
export const HOTSPOT_STATEMENTS = [
  'insert into "place_aliases"', 'insert into "hotspots"', 'insert into "hotspot_measures"', 'update "places"', 'update "hotspots"',
  'update "hotspot_measures"', 'update "place_aliases"', 'delete from "places"', 'delete from "incidents"',
];

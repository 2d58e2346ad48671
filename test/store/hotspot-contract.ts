import assert from 'node:assert/strict';
import type { Store } from '../../src/domain/ports/store.port';
import type { Place } from '../../src/domain/place';
import { recentWeeks } from '../../src/domain/periods';
import { WEEKS_NEEDED } from '../../src/domain/hotspots/emerging-rule';
import { weeklyCountsReference } from '../support/weekly-counts-reference';
import { T0, TRICKY_TEXT, activityFields, at, curator, incidentFields, newReport, origin, otherTenant, otherTenantChat, reporter, tenant } from './store-fixtures';

const owner = { userId: 'aad-user-2', name: 'Örjan Åberg' };
const newHotspot = (placeId: string) => ({ placeId, ownerOrganisation: 'polisen' as const, owner, createdBy: owner, origin, now: T0 });

/** The place register and hot spots, part of the store contract (called inside its describe). */
export function hotspotContract(ctx: () => { store: Store; place: Place }): void {
  describe('place register', function () {
    it('reads places with kind, coordinates, parent and aliases, and edits them', async function () {
      const { store, place } = ctx();
      const area = await store.places.findOrCreate(tenant, 'Centrum', T0);
      assert.deepEqual(await store.placeRegister.get(tenant, place.id), { ...place, kind: 'annat', lat: null, lon: null, parentId: null, aliases: [] });
      const edited = await store.placeRegister.update(tenant, { id: place.id, kind: 'torg', lat: 59.248, lon: 16.155, parentId: area.id }, curator);
      assert.deepEqual(edited, { ...place, kind: 'torg', lat: 59.248, lon: 16.155, parentId: area.id, aliases: [] });
      assert.equal(await store.placeRegister.addAlias(tenant, place.id, 'Torget', curator), 'ok');
      assert.equal(await store.placeRegister.addAlias(tenant, area.id, 'torget', curator), 'taken');
      assert.equal(await store.placeRegister.addAlias(tenant, area.id, 'stora TORGET', curator), 'taken', 'another place\'s name');
      assert.deepEqual((await store.placeRegister.all(tenant, 10)).map((p) => [p.name, p.aliases]), [['Centrum', []], ['Stora torget', ['Torget']]]);
      assert.equal((await store.places.findOrCreate(tenant, 'torget', T0)).id, place.id, 'an alias finds the place');
      assert.equal(await store.placeRegister.update(tenant, { id: area.id, name: 'stora torget' }, curator), 'name_taken');
      assert.equal(await store.placeRegister.update(tenant, { id: '00000000-0000-0000-0000-000000000000', kind: 'park' }, curator), null);
    });

    it('merges two places: incidents, activities, aliases and children move, the old name becomes an alias', async function () {
      const { store, place } = ctx();
      const twin = await store.places.findOrCreate(tenant, 'Torget i Kungsör', T0);
      const child = await store.places.findOrCreate(tenant, 'Busskuren', T0);
      await store.placeRegister.update(tenant, { id: child.id, parentId: twin.id }, curator);
      await store.placeRegister.addAlias(tenant, twin.id, 'Kungstorget', curator);
      const incident = await store.incidents.create(newReport(incidentFields(twin.id, { placeName: twin.name })));
      const activity = await store.activities.create(newReport(activityFields({ placeId: twin.id, placeName: twin.name })));
      await store.hotspots.create(newHotspot(twin.id));

      const merged = await store.placeRegister.merge(tenant, place.id, twin.id, curator);
      assert.ok(typeof merged === 'object');
      assert.deepEqual(merged.aliases.sort(), ['Kungstorget', 'Torget i Kungsör']);
      assert.equal(await store.placeRegister.get(tenant, twin.id), null);
      assert.equal((await store.incidents.get(origin, incident.id))?.placeId, place.id);
      assert.equal((await store.incidents.get(origin, incident.id))?.placeName, place.name);
      assert.equal((await store.activities.get(origin, activity.id))?.placeId, place.id);
      assert.equal((await store.placeRegister.get(tenant, child.id))?.parentId, place.id);
      assert.equal((await store.hotspots.byPlace(tenant, place.id))?.placeName, place.name);
      assert.equal(await store.placeRegister.merge(tenant, place.id, twin.id, curator), 'missing');
    });

    it('refuses to merge two places that both have a hot spot', async function () {
      const { store, place } = ctx();
      const other = await store.places.findOrCreate(tenant, 'Parken', T0);
      await store.hotspots.create(newHotspot(place.id));
      await store.hotspots.create(newHotspot(other.id));
      assert.equal(await store.placeRegister.merge(tenant, place.id, other.id, curator), 'both_hotspots');
      assert.ok(await store.placeRegister.get(tenant, other.id));
    });
  });

  describe('hot spots', function () {
    it('creates one hot spot per place and reads every field back', async function () {
      const { store, place } = ctx();
      const created = await store.hotspots.create(newHotspot(place.id));
      assert.ok(created.ok);
      assert.deepEqual(created.hotspot, {
        id: created.hotspot.id, placeId: place.id, placeName: place.name, state: 'kartlaggs', ownerOrganisation: 'polisen', owner,
        createdBy: owner, origin, analysis: { who: null, what: null, when: null, why: null }, followUpDate: null, followUpReminded: null,
        createdAt: T0, updatedAt: T0, version: 1,
      });
      const again = await store.hotspots.create(newHotspot(place.id));
      assert.equal(!again.ok && again.reason, 'exists');
      assert.deepEqual(await store.hotspots.byPlace(tenant, place.id), created.hotspot);
      assert.deepEqual(await store.hotspots.listActive(tenant), [created.hotspot]);
      const without = await store.places.findOrCreate(tenant, 'Parken', T0);
      assert.deepEqual(await store.hotspots.byPlaces(tenant, [without.id, place.id, 'no-such-place']), [created.hotspot], 'one read for many places');
      assert.deepEqual(await store.hotspots.byPlaces(tenant, []), []);
    });

    it('changes state, analysis, follow-up and measures under optimistic versioning', async function () {
      const { store, place } = ctx();
      const created = await store.hotspots.create(newHotspot(place.id));
      assert.ok(created.ok);
      const id = created.hotspot.id;
      const analysis = { who: TRICKY_TEXT.swedish, what: TRICKY_TEXT.sqlInjection, when: 'Fredagskvällar', why: null };
      const moved = await store.hotspots.update(tenant, { actorId: curator.actorId, id, expectedVersion: 1, now: at(1), state: 'analyseras', analysis, followUpDate: '2026-04-01' });
      assert.ok(moved.ok);
      assert.deepEqual({ ...moved.hotspot }, { ...created.hotspot, state: 'analyseras', analysis, followUpDate: '2026-04-01', updatedAt: at(1), version: 2 });
      assert.deepEqual(await store.hotspots.update(tenant, { actorId: curator.actorId, id, expectedVersion: 1, now: at(2), state: 'atgardas' }), { ok: false, reason: 'conflict' });
      assert.deepEqual(await store.hotspots.update(tenant, { actorId: curator.actorId, id: 'nope', expectedVersion: 1, now: at(2), state: 'atgardas' }), { ok: false, reason: 'missing' });

      const withMeasure = await store.hotspots.update(tenant, {
        actorId: curator.actorId, id, expectedVersion: 2, now: at(3), addMeasure: { what: 'Bättre belysning', organisation: 'kommunen', dueDate: '2026-03-20', createdBy: reporter },
      });
      assert.equal(withMeasure.ok && withMeasure.hotspot.version, 3);
      const [measure] = await store.hotspots.measures(tenant, [id]);
      assert.deepEqual(measure, {
        id: measure!.id, hotspotId: id, what: 'Bättre belysning', organisation: 'kommunen', dueDate: '2026-03-20', doneAt: null,
        reminded: false, createdBy: reporter, createdAt: at(3),
      });
      await store.hotspots.update(tenant, { actorId: curator.actorId, id, expectedVersion: 3, now: at(4), measureDone: measure!.id });
      assert.deepEqual((await store.hotspots.measures(tenant, [id]))[0]?.doneAt, at(4));
      await store.hotspots.update(tenant, { actorId: curator.actorId, id, expectedVersion: 4, now: at(5), state: 'avslutad' });
      assert.deepEqual(await store.hotspots.listActive(tenant), []);
    });

    it('finds follow-ups and measures that are due and not yet reminded', async function () {
      const { store, place } = ctx();
      const created = await store.hotspots.create(newHotspot(place.id));
      assert.ok(created.ok);
      const id = created.hotspot.id;
      await store.hotspots.update(tenant, { actorId: curator.actorId, id, expectedVersion: 1, now: at(1), followUpDate: '2026-03-16', addMeasure: { what: 'Klipp buskar', organisation: 'kommunen', dueDate: '2026-03-15', createdBy: reporter } });
      assert.deepEqual(await store.hotspots.followUpsDue('2026-03-15'), []);
      assert.equal((await store.hotspots.measuresDue('2026-03-15')).length, 1);
      assert.deepEqual((await store.hotspots.followUpsDue('2026-03-16')).map((h) => h.id), [id]);
      await store.hotspots.markFollowUpReminded(tenant, id, '2026-03-16');
      await store.hotspots.markMeasureReminded(tenant, (await store.hotspots.measures(tenant, [id]))[0]!.id);
      assert.deepEqual(await store.hotspots.followUpsDue('2026-03-20'), []);
      assert.deepEqual(await store.hotspots.measuresDue('2026-03-20'), []);
      await store.hotspots.update(tenant, { actorId: curator.actorId, id, expectedVersion: 2, now: at(2), followUpDate: '2026-03-30' });
      assert.equal((await store.hotspots.followUpsDue('2026-03-30')).length, 1, 'a new date is reminded again');
    });
  });

  describe('place history', function () {
    it('lists incidents by place and time, visits by type, and withdraws an unchanged incident', async function () {
      const { store, place } = ctx();
      const other = await store.places.findOrCreate(tenant, 'Parken', T0);
      const first = await store.incidents.create(newReport(incidentFields(place.id, { occurredAt: at(-7200) })));
      await store.incidents.create(newReport(incidentFields(other.id, { occurredAt: at(-3600) })));
      const stamps = await store.placeHistory.incidents(tenant, [place.id], at(-86400), at(0));
      assert.deepEqual(stamps, [{ id: first.id, ref: first.ref, placeId: place.id, occurredAt: at(-7200), category: first.category }]);
      assert.equal((await store.placeHistory.incidents(tenant, null, at(-86400), at(0))).length, 2);
      assert.deepEqual(await store.placeHistory.incidents(tenant, [], at(-86400), at(0)), []);

      const visit = await store.activities.create(newReport(activityFields({ type: 'hotspot_besok', placeId: place.id, placeName: place.name, peopleMet: 4 })));
      await store.activities.create(newReport(activityFields({ type: 'skolbesok', placeId: place.id, placeName: place.name })));
      assert.deepEqual((await store.placeHistory.visits(tenant, [place.id], ['hotspot_besok', 'samtal_med_berorda'])).map((v) => [v.id, v.peopleMet]), [[visit.id, 4]]);

      assert.equal(await store.placeHistory.withdrawIncident(origin, first.id, 2, 'aad-undoer', T0), 'conflict', 'a version it does not have');
      assert.equal(await store.placeHistory.withdrawIncident(origin, first.id, 1, 'aad-undoer', T0), 'ok');
      assert.equal(await store.incidents.get(origin, first.id), null);
      assert.equal(await store.placeHistory.withdrawIncident(origin, first.id, 1, 'aad-undoer', T0), 'missing');
    });

    it('counts incidents per place and calendar week in SQL exactly as counting every stamp did, across the spring DST change', async function () {
      const { store, place } = ctx();
      const now = new Date('2026-04-08T10:00:00Z'); // the weeks reach back over Sunday 29 March, when Stockholm moves to CEST
      const weeks = recentWeeks(now, WEEKS_NEEDED);
      const places = [place, await store.places.findOrCreate(tenant, 'Parken', T0), await store.places.findOrCreate(tenant, 'Busskuren', T0)];
      let seed = 20260329;
      const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      const span = now.getTime() - weeks[0]!.from.getTime();
      const times = Array.from({ length: 60 }, () => new Date(weeks[0]!.from.getTime() - 3 * 86400_000 + Math.floor(next() * (span + 4 * 86400_000))));
      // Monday 30 March starts at 22:00 UTC on the 29th, not 23:00 as seven days of 24 h after the week before would say.
      times.push(new Date('2026-03-29T21:59:59.999Z'), new Date('2026-03-29T22:00:00Z'), new Date('2026-03-29T22:30:00Z'), weeks[0]!.from, now);
      for (const [i, occurredAt] of times.entries()) {
        await store.incidents.create(newReport(incidentFields(places[i % places.length]!.id, { occurredAt })));
      }
      const elsewhere = await store.places.findOrCreate(otherTenant, 'Parken', T0);
      await store.incidents.create(newReport(incidentFields(elsewhere.id, { occurredAt: new Date('2026-03-30T08:00:00Z') }), { origin: otherTenantChat }));

      const stamps = await store.placeHistory.incidents(tenant, null, weeks[0]!.from, now);
      const expected = [...weeklyCountsReference(stamps, weeks)].map(([placeId, counts]) => ({
        placeId, counts, firstAt: stamps.find((s) => s.placeId === placeId)!.occurredAt,
      }));
      const counted = await store.placeHistory.weeklyIncidentCounts(tenant, weeks);
      const byPlace = (a: { placeId: string }, b: { placeId: string }) => (a.placeId < b.placeId ? -1 : 1);
      assert.deepEqual([...counted].sort(byPlace), expected.sort(byPlace));
      assert.equal(counted.reduce((sum, c) => sum + c.counts.reduce((a, b) => a + b, 0), 0), stamps.length, 'every incident of the weeks counted once');
      const dstWeek = weeks.findIndex((w) => w.firstDay === '2026-03-30');
      assert.equal(counted.find((c) => c.placeId === places[1]!.id)!.counts[dstWeek]! >= 1, true, 'the Monday-midnight CEST incident is in the new week');
      assert.deepEqual(await store.placeHistory.weeklyIncidentCounts(otherTenant, weeks), [{ placeId: elsewhere.id, counts: weeks.map((w) => (w.firstDay === '2026-03-30' ? 1 : 0)), firstAt: new Date('2026-03-30T08:00:00Z') }]);
    });
  });
}

import assert from 'node:assert/strict';
import type { AuditEntry } from '../../src/domain/ports/audit.port';
import type { Store } from '../../src/domain/ports/store.port';
import type { Place } from '../../src/domain/place';
import { T0, at, otherTenant, origin, reporter, tenant } from './store-fixtures';

const owner = { userId: 'aad-user-2', name: 'Örjan Åberg' };
const SECRET = 'Hemlig text 4711';

/** Each audit row as one comparable line: when, what, who, of which entity, and the code. */
const lines = (entries: AuditEntry[]) => entries
  .map((e) => [e.at.toISOString(), e.action, e.actorId, e.entityKind, e.entityId, e.entityRef, e.detail].join(' | '))
  .sort();
const line = (when: Date, action: string, actor: string, kind: string, id: string, detail: string | null) =>
  [when.toISOString(), action, actor, kind, id, null, detail].join(' | ');

/**
 * Hot spot and place changes in the audit trail, like report changes: who, which entity and a code,
 * written with the change and only when the change was made. Part of the store contract.
 */
export function auditContract(ctx: () => { store: Store; place: Place }): void {
  describe('audit trail of hot spots and places', function () {
    it('records every hot spot change with who, the hot spot or measure and a code, never the text', async function () {
      const { store, place } = ctx();
      const created = await store.hotspots.create({ placeId: place.id, ownerOrganisation: 'polisen', owner, createdBy: owner, origin, now: T0 });
      assert.ok(created.ok);
      const id = created.hotspot.id;
      const change = (expectedVersion: number, actorId: string, seconds: number, rest: object) =>
        store.hotspots.update(tenant, { id, expectedVersion, actorId, now: at(seconds), ...rest });

      assert.ok((await change(1, 'aad-analyst', 1, { state: 'analyseras', analysis: { who: SECRET, what: null, when: 'Kvällar', why: null } })).ok);
      assert.ok((await change(2, 'aad-analyst', 2, { followUpDate: '2026-04-01', addMeasure: { what: `Åtgärd ${SECRET}`, organisation: 'kommunen', dueDate: null, createdBy: reporter } })).ok);
      const [measure] = await store.hotspots.measures(tenant, [id]);
      assert.ok(measure);
      assert.deepEqual(await change(2, 'aad-late', 3, { state: 'atgardas' }), { ok: false, reason: 'conflict' });
      assert.ok((await change(3, 'aad-doer', 4, { measureDone: measure.id })).ok);
      assert.ok((await change(4, 'aad-doer', 5, { measureDone: measure.id })).ok, 'done already: no second row');
      assert.ok((await change(5, 'aad-closer', 6, { state: 'avslutad', followUpDate: null })).ok);
      assert.ok((await change(6, 'aad-restarter', 7, { state: 'kartlaggs', owner: { organisation: 'kommunen', person: reporter } })).ok);
      const another = await store.hotspots.create({ placeId: place.id, ownerOrganisation: 'polisen', owner, createdBy: reporter, origin, now: at(8) });
      assert.equal(another.ok, false, 'the place has one: nothing created, nothing recorded');

      const entries = (await store.audit.latest(tenant, 100)).filter((e) => e.entityKind === 'hotspot' || e.entityKind === 'measure');
      assert.deepEqual(lines(entries), [
        line(T0, 'hotspot.created', owner.userId, 'hotspot', id, 'polisen'),
        line(at(1), 'hotspot.stage', 'aad-analyst', 'hotspot', id, 'analyseras'),
        line(at(1), 'hotspot.analysis', 'aad-analyst', 'hotspot', id, 'who,when'),
        line(at(2), 'hotspot.follow_up', 'aad-analyst', 'hotspot', id, '2026-04-01'),
        line(at(2), 'hotspot.measure_added', 'aad-analyst', 'measure', measure.id, 'kommunen'),
        line(at(4), 'hotspot.measure_done', 'aad-doer', 'measure', measure.id, 'kommunen'),
        line(at(6), 'hotspot.stage', 'aad-closer', 'hotspot', id, 'avslutad'),
        line(at(6), 'hotspot.follow_up', 'aad-closer', 'hotspot', id, null),
        line(at(7), 'hotspot.reopened', 'aad-restarter', 'hotspot', id, 'kartlaggs'),
        line(at(7), 'hotspot.owner', 'aad-restarter', 'hotspot', id, 'kommunen'),
      ].sort());
      assert.ok(!JSON.stringify(entries).includes('4711'), 'no analysis or measure text in the trail');
      assert.ok(!JSON.stringify(entries).includes(owner.name), 'no names either');
    });

    it('records place edits (which fields), aliases and merges with who and the place; nothing for a refused one', async function () {
      const { store, place } = ctx();
      const area = await store.places.findOrCreate(tenant, 'Centrum', T0);
      const twin = await store.places.findOrCreate(tenant, 'Torget i Kungsör', T0);
      const by = (actorId: string, seconds: number) => ({ actorId, now: at(seconds) });

      assert.ok(await store.placeRegister.update(tenant, { id: place.id, kind: 'torg', lat: 59.25, lon: 16.15, parentId: area.id }, by('aad-editor', 1)));
      assert.ok(await store.placeRegister.update(tenant, { id: place.id, name: 'Stora Torget', kind: 'torg', lat: 59.25, lon: 16.15, parentId: area.id }, by('aad-editor', 2)));
      assert.equal(await store.placeRegister.update(tenant, { id: area.id, name: 'stora torget' }, by('aad-refused', 3)), 'name_taken');
      assert.equal(await store.placeRegister.update(tenant, { id: '00000000-0000-0000-0000-000000000000', kind: 'park' }, by('aad-refused', 3)), null);
      assert.equal(await store.placeRegister.update(otherTenant, { id: place.id, kind: 'park' }, by('aad-refused', 3)), null);
      assert.equal(await store.placeRegister.addAlias(tenant, place.id, `Torget ${SECRET}`, by('aad-namer', 4)), 'ok');
      assert.equal(await store.placeRegister.addAlias(tenant, area.id, `torget ${SECRET}`, by('aad-refused', 5)), 'taken');
      assert.equal(await store.placeRegister.addAlias(otherTenant, place.id, 'Kvarnen', by('aad-refused', 5)), 'missing');
      await store.hotspots.create({ placeId: place.id, ownerOrganisation: 'polisen', owner, createdBy: owner, origin, now: at(6) });
      await store.hotspots.create({ placeId: area.id, ownerOrganisation: 'polisen', owner, createdBy: owner, origin, now: at(6) });
      assert.equal(await store.placeRegister.merge(tenant, place.id, area.id, by('aad-refused', 7)), 'both_hotspots');
      assert.equal(await store.placeRegister.merge(otherTenant, place.id, twin.id, by('aad-refused', 7)), 'missing');
      assert.ok(typeof (await store.placeRegister.merge(tenant, place.id, twin.id, by('aad-merger', 8))) === 'object');

      const entries = (await store.audit.latest(tenant, 100)).filter((e) => e.entityKind === 'place');
      assert.deepEqual(lines(entries), [
        line(at(1), 'place.edited', 'aad-editor', 'place', place.id, 'kind,lat,lon,parent'),
        line(at(2), 'place.edited', 'aad-editor', 'place', place.id, 'name'),
        line(at(4), 'place.alias_added', 'aad-namer', 'place', place.id, null),
        line(at(8), 'place.merged', 'aad-merger', 'place', place.id, twin.id),
      ].sort());
      assert.ok(!JSON.stringify(await store.audit.latest(tenant, 100)).includes('aad-refused'), 'a refused change leaves no row');
      assert.ok(!JSON.stringify(entries).includes('4711') && !JSON.stringify(entries).includes('Kungsör'), 'no names or aliases in the trail');
      assert.deepEqual(await store.audit.latest(otherTenant, 10), [], 'nothing in the other tenant\'s trail');
    });
  });
}

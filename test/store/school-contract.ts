import assert from 'node:assert/strict';
import type { Place } from '../../src/domain/place';
import type { Store } from '../../src/domain/ports/store.port';
import type { SchoolDetails } from '../../src/domain/schools/school';
import { T0, at, curator, activityFields, incidentFields, newReport, origin, otherTenant, tenant } from './store-fixtures';

const rektor = { userId: 'aad-rektor', name: 'Rut Rektor', role: 'skola' as const };
const kurator = { userId: 'aad-social', name: 'Sam Socialsekreterare', role: 'socialtjanst' as const };

function school(overrides: Partial<SchoolDetails> = {}): SchoolDetails {
  return { name: 'Kung Karls skola', stages: ['7-9'], placeId: null, contacts: [rektor, kurator], ...overrides };
}

/** The school register (0017): part of the store contract (called inside its describe). */
export function schoolContract(ctx: () => { store: Store; place: Place }): void {
  describe('school register', function () {
    it('adds a school with its stages as a set, its place and contacts in order, and reads every field back', async function () {
      const { store, place } = ctx();
      const added = await store.schools.add(tenant, school({ name: '  Kung  Karls skola ', stages: ['gymnasium', 'f-6', 'f-6'], placeId: place.id }), curator);
      assert.ok(added.ok);
      assert.deepEqual(added.school, {
        id: added.school.id, tenantId: tenant.tenantId, name: 'Kung Karls skola', nameKey: 'kung karls skola',
        stages: ['f-6', 'gymnasium'], placeId: place.id, contacts: [rektor, kurator], version: 1, createdAt: T0, updatedAt: T0,
      });
      assert.deepEqual(await store.schools.get(tenant, added.school.id), added.school);
      assert.deepEqual(await store.schools.contacts(tenant, added.school.id), [rektor, kurator]);
    });

    it('is per tenant: another tenant neither sees nor changes a school, and may have one of the same name', async function () {
      const { store } = ctx();
      const added = await store.schools.add(tenant, school(), curator);
      assert.ok(added.ok);
      assert.equal(await store.schools.get(otherTenant, added.school.id), null);
      assert.deepEqual(await store.schools.list(otherTenant, 10), []);
      assert.deepEqual(await store.schools.contacts(otherTenant, added.school.id), []);
      assert.deepEqual(await store.schools.ofContact(otherTenant, rektor.userId), []);
      assert.deepEqual(await store.schools.update(otherTenant, { id: added.school.id, expectedVersion: 1, name: 'Stulen' }, curator), { ok: false, reason: 'missing' });
      assert.equal((await store.schools.get(tenant, added.school.id))?.name, 'Kung Karls skola');
      assert.ok((await store.schools.add(otherTenant, school(), curator)).ok, 'the same name in another tenant is another school');
    });

    it('refuses a second school of the same folded name, and a place that is not the tenant\'s', async function () {
      const { store } = ctx();
      assert.ok((await store.schools.add(tenant, school(), curator)).ok);
      assert.deepEqual(await store.schools.add(tenant, school({ name: 'KUNG KARLS SKOLA' }), curator), { ok: false, reason: 'name_taken' });
      const theirPlace = await store.places.findOrCreate(otherTenant, 'Deras skolgård', T0, 'skola');
      assert.deepEqual(await store.schools.add(tenant, school({ name: 'Västerskolan', placeId: theirPlace.id }), curator), { ok: false, reason: 'place_missing' });
      assert.deepEqual((await store.schools.list(tenant, 10)).map((s) => s.name), ['Kung Karls skola']);
    });

    it('updates with the version read: fields and contacts change, the version rises, a stale version is a conflict', async function () {
      const { store, place } = ctx();
      const added = await store.schools.add(tenant, school(), curator);
      assert.ok(added.ok);
      const fritid = { userId: 'aad-fritid', name: 'Frida Fritid', role: 'fritid' as const };
      const changed = await store.schools.update(tenant, {
        id: added.school.id, expectedVersion: 1, stages: ['f-6', '7-9'], placeId: place.id, contacts: [fritid, rektor],
      }, { actorId: 'aad-curator', now: at(60) });
      assert.ok(changed.ok);
      assert.deepEqual({ ...changed.school }, {
        ...added.school, stages: ['f-6', '7-9'], placeId: place.id, contacts: [fritid, rektor], version: 2, updatedAt: at(60),
      });
      assert.deepEqual(await store.schools.update(tenant, { id: added.school.id, expectedVersion: 1, name: 'Annat namn' }, curator), { ok: false, reason: 'conflict' });
      assert.equal((await store.schools.get(tenant, added.school.id))?.name, 'Kung Karls skola');
      const other = await store.schools.add(tenant, school({ name: 'Västerskolan', contacts: [] }), curator);
      assert.ok(other.ok);
      assert.deepEqual(await store.schools.update(tenant, { id: other.school.id, expectedVersion: 1, name: 'Kung Karls Skola' }, curator), { ok: false, reason: 'name_taken' });
    });

    it('finds a school by its folded name, else offers the close matches', async function () {
      const { store } = ctx();
      for (const name of ['Kung Karls skola', 'Västerskolan', 'Hagaskolan']) assert.ok((await store.schools.add(tenant, school({ name, contacts: [] }), curator)).ok);
      const exact = await store.schools.findByName(tenant, 'kung karls SKOLA');
      assert.equal(exact.kind === 'sure' && exact.school.name, 'Kung Karls skola');
      const typo = await store.schools.findByName(tenant, 'Vesterskolan');
      assert.equal(typo.kind === 'sure' && typo.school.name, 'Västerskolan');
      const none = await store.schools.findByName(tenant, 'Ekbackeskolan');
      assert.equal(none.kind, 'choose');
      assert.ok(none.kind === 'choose' && none.candidates.every((c) => c.name.endsWith('skolan')));
      assert.deepEqual(await store.schools.findByName(otherTenant, 'Kung Karls skola'), { kind: 'choose', candidates: [] });
    });

    it('lists alphabetically, and finds the schools a user is a contact of', async function () {
      const { store } = ctx();
      assert.ok((await store.schools.add(tenant, school({ name: 'Västerskolan', contacts: [kurator] }), curator)).ok);
      assert.ok((await store.schools.add(tenant, school({ name: 'Hagaskolan', contacts: [rektor, kurator] }), curator)).ok);
      assert.deepEqual((await store.schools.list(tenant, 10)).map((s) => [s.name, s.contacts.length]), [['Hagaskolan', 2], ['Västerskolan', 1]]);
      assert.deepEqual((await store.schools.list(tenant, 1)).map((s) => s.name), ['Hagaskolan']);
      assert.deepEqual((await store.schools.ofContact(tenant, kurator.userId)).map((s) => s.name), ['Hagaskolan', 'Västerskolan']);
      assert.deepEqual((await store.schools.ofContact(tenant, rektor.userId)).map((s) => s.name), ['Hagaskolan']);
    });

    it('adds many in one transaction: a clash on any of them adds none, and says which', async function () {
      const { store } = ctx();
      assert.ok((await store.schools.add(tenant, school({ name: 'Hagaskolan', contacts: [] }), curator)).ok);
      const clash = await store.schools.addMany(tenant, [school({ name: 'Västerskolan' }), school({ name: 'Ny skola' }), school({ name: 'hagaskolan' })], curator);
      assert.deepEqual(clash, { ok: false, index: 2, reason: 'name_taken' });
      const twice = await store.schools.addMany(tenant, [school({ name: 'Västerskolan' }), school({ name: 'VÄSTERSKOLAN' })], curator);
      assert.deepEqual(twice, { ok: false, index: 1, reason: 'name_taken' });
      assert.deepEqual((await store.schools.list(tenant, 10)).map((s) => s.name), ['Hagaskolan']);
      const added = await store.schools.addMany(tenant, [school({ name: 'Västerskolan' }), school({ name: 'Ny skola', contacts: [] })], curator);
      assert.ok(added.ok);
      assert.deepEqual(added.schools.map((s) => s.name), ['Västerskolan', 'Ny skola']);
      assert.deepEqual((await store.schools.list(tenant, 10)).map((s) => s.name), ['Hagaskolan', 'Ny skola', 'Västerskolan']);
    });

    it('ties the tenant\'s incidents whose free-text school folds to the new school\'s name to it, and keeps the text', async function () {
      const { store, place } = ctx();
      const typed = await store.incidents.create(newReport(incidentFields(place.id, { school: 'kung karls  Skola' })));
      const other = await store.incidents.create(newReport(incidentFields(place.id, { school: 'Björkskolan' })));
      const added = await store.schools.add(tenant, school(), curator);
      assert.ok(added.ok);
      assert.equal((await store.incidents.get(origin, typed.id))?.schoolId, added.school.id);
      assert.equal((await store.incidents.get(origin, typed.id))?.school, 'kung karls  Skola', 'the typed text stays for history');
      assert.equal((await store.incidents.get(origin, other.id))?.schoolId, null);
    });

    it('stores a report\'s school and the incident\'s yes/no orosanmälan, and a trygghetsvandring\'s findings', async function () {
      const { store, place } = ctx();
      const added = await store.schools.add(tenant, school(), curator);
      assert.ok(added.ok);
      const incident = await store.incidents.create(newReport(incidentFields(place.id, { schoolId: added.school.id, concernReported: true })));
      assert.deepEqual([incident.schoolId, incident.concernReported], [added.school.id, true]);
      const read = await store.incidents.get(origin, incident.id);
      assert.deepEqual([read?.schoolId, read?.concernReported], [added.school.id, true]);
      const no = await store.incidents.create(newReport(incidentFields(place.id, { concernReported: false })));
      assert.equal((await store.incidents.get(origin, no.id))?.concernReported, false);
      const walk = await store.activities.create(newReport(activityFields({ schoolId: added.school.id, walkFindings: ['belysning', 'klotter'] })));
      const walked = await store.activities.get(origin, walk.id);
      assert.deepEqual([walked?.schoolId, walked?.walkFindings], [added.school.id, ['belysning', 'klotter']]);
    });

    it('keeps a school at its place when the place is merged into another', async function () {
      const { store, place } = ctx();
      const schoolyard = await store.places.findOrCreate(tenant, 'Skolgården', T0, 'skola');
      const added = await store.schools.add(tenant, school({ placeId: schoolyard.id }), curator);
      assert.ok(added.ok);
      assert.ok(typeof await store.placeRegister.merge(tenant, place.id, schoolyard.id, curator) === 'object');
      assert.equal((await store.schools.get(tenant, added.school.id))?.placeId, place.id);
    });

    it('writes the changes to the audit trail with field names, never the school\'s name', async function () {
      const { store } = ctx();
      const added = await store.schools.add(tenant, school(), curator);
      assert.ok(added.ok);
      assert.ok((await store.schools.update(tenant, { id: added.school.id, expectedVersion: 1, name: 'Kung Karl skola', contacts: [] }, curator)).ok);
      const trail = (await store.audit.latest(tenant, 10)).filter((e) => e.entityKind === 'school');
      assert.deepEqual(trail.map((e) => [e.action, e.detail, e.entityId]).sort(), [
        ['school.added', null, added.school.id], ['school.edited', 'name,contacts', added.school.id],
      ]);
    });
  });
}

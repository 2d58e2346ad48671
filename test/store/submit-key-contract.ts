import assert from 'node:assert/strict';
import { SubmitKeyUsedError } from '../../src/domain/errors';
import type { Store } from '../../src/domain/ports/store.port';
import type { Place } from '../../src/domain/place';
import { T0, activityFields, at, incidentFields, newReport, origin, otherChat, otherTenantChat, personalScope, reporter } from './store-fixtures';

const KEY = '3f2b8c1e-7a4d-4e6f-9b0a-1c2d3e4f5a6b';

/** Submit keys make a submit idempotent: part of the store contract (called inside its describe). */
export function submitKeyContract(ctx: () => { store: Store; place: Place }): void {
  describe('submit keys', function () {
    it('finds a report by the key it was created with, only within the scope it was made in', async function () {
      const { store, place } = ctx();
      const incident = await store.incidents.create(newReport(incidentFields(place.id), { submitKey: KEY }));
      const activity = await store.activities.create(newReport(activityFields({ organisations: ['polisen', 'skola'] }), { submitKey: KEY }));
      assert.deepEqual(await store.incidents.findBySubmitKey(origin, KEY), incident);
      assert.deepEqual(await store.activities.findBySubmitKey(origin, KEY), activity, 'the same key in the other kind of report is another key');
      assert.deepEqual(await store.incidents.findBySubmitKey(personalScope(reporter.userId), KEY), incident, 'the reporter in a personal chat');
      for (const scope of [otherChat, otherTenantChat, personalScope('aad-someone-else')]) {
        assert.equal(await store.incidents.findBySubmitKey(scope, KEY), null);
        assert.equal(await store.activities.findBySubmitKey(scope, KEY), null);
      }
      assert.equal(await store.incidents.findBySubmitKey(origin, 'b'.repeat(36)), null);
    });

    it('refuses a second report with a used key in the tenant, writing nothing and using no number', async function () {
      const { store, place } = ctx();
      await store.incidents.create(newReport(incidentFields(place.id), { submitKey: KEY }));
      await assert.rejects(store.incidents.create(newReport(incidentFields(place.id), { submitKey: KEY, now: at(1) })), SubmitKeyUsedError);
      // From another conversation of the tenant too: the key names one card, wherever it is sent from.
      await assert.rejects(store.incidents.create(newReport(incidentFields(place.id), { submitKey: KEY, origin: otherChat })), SubmitKeyUsedError);
      await store.activities.create(newReport(activityFields(), { submitKey: KEY }));
      await assert.rejects(store.activities.create(newReport(activityFields(), { submitKey: KEY })), SubmitKeyUsedError);
      assert.equal((await store.reports.latest(origin, 10)).length, 2);
      assert.equal((await store.reports.latest(otherChat, 10)).length, 0);
      const next = await store.incidents.create(newReport(incidentFields(place.id)));
      assert.equal(next.ref, 'H-2026-0002', 'the refused creates gave their numbers back');
    });

    it('lets another tenant use the same key, and reports without a key never collide', async function () {
      const { store, place } = ctx();
      await store.incidents.create(newReport(incidentFields(place.id), { submitKey: KEY }));
      const elsewhere = await store.places.findOrCreate({ tenantId: otherTenantChat.tenantId }, 'Torget', T0);
      const theirs = await store.incidents.create(newReport(incidentFields(elsewhere.id), { submitKey: KEY, origin: otherTenantChat }));
      assert.deepEqual(await store.incidents.findBySubmitKey(otherTenantChat, KEY), theirs);
      await store.incidents.create(newReport(incidentFields(place.id)));
      await store.incidents.create(newReport(incidentFields(place.id), { submitKey: null }));
      assert.equal((await store.reports.latest(origin, 10)).length, 3);
    });

    it('saves one report when the same key is created many times at once', async function () {
      const { store, place } = ctx();
      const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => store.incidents.create(newReport(incidentFields(place.id), { submitKey: KEY, now: at(i) }))));
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      for (const r of results) if (r.status === 'rejected') assert.ok(r.reason instanceof SubmitKeyUsedError, String(r.reason));
      assert.equal((await store.reports.latest(origin, 10)).length, 1);
    });
  });
}

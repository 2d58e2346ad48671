import assert from 'node:assert/strict';
import type { Place } from '../../src/domain/place';
import type { Store } from '../../src/domain/ports/store.port';
import { T0, activityFields, at, incidentFields, newReport, origin, otherChat, otherTenant, otherTenantChat, tenant } from './store-fixtures';

const anna = { userId: 'aad-anna', organisation: 'polisen' as const, displayName: 'Anna Ärlig', chatUserId: '29:anna' };
const berit = { userId: 'aad-berit', organisation: 'skola' as const, displayName: 'Berit', chatUserId: null };

/** The EST week's tables (0020): part of the store contract, on both engines. */
export function estContract(ctx: () => { store: Store; place: Place }): void {
  describe('the EST week', function () {
    it('keeps rapportörer per tenant: adds, changes the organisation of, checks and removes one', async function () {
      const { est } = ctx().store;
      await est.saveReporter(tenant, anna, 'aad-coordinator', T0);
      await est.saveReporter(tenant, berit, 'aad-coordinator', T0);
      await est.saveReporter(tenant, { ...berit, organisation: 'fritid', chatUserId: '29:berit' }, 'aad-coordinator', at(1));
      assert.deepEqual(await est.reporters(tenant), [{ ...berit, organisation: 'fritid', chatUserId: '29:berit' }, anna], 'one row each, ordered by organisation');
      assert.equal(await est.isReporter(tenant, 'aad-anna', 'polisen'), true);
      assert.equal(await est.isReporter(tenant, 'aad-anna', 'skola'), false, 'a rapportör for one organisation only');
      assert.equal(await est.isReporter(otherTenant, 'aad-anna', 'polisen'), false, 'another tenant does not know her');
      assert.deepEqual(await est.reporters(otherTenant), []);
      assert.equal(await est.removeReporter(otherTenant, 'aad-anna'), false, 'another tenant removes nothing');
      assert.equal(await est.removeReporter(tenant, 'aad-anna'), true);
      assert.deepEqual((await est.reporters(tenant)).map((r) => r.userId), ['aad-berit']);
    });

    it('stores a conversation\'s meeting, replaced when set again; none elsewhere', async function () {
      const { est } = ctx().store;
      assert.equal(await est.meeting(origin), null);
      await est.saveMeeting(origin, { weekday: 2, time: '09:00', nudgeTime: '13:00' }, 'aad-coordinator', T0);
      await est.saveMeeting(origin, { weekday: 4, time: '08:30', nudgeTime: '15:45' }, 'aad-coordinator', at(1));
      assert.deepEqual(await est.meeting(origin), { weekday: 4, time: '08:30', nudgeTime: '15:45' });
      assert.equal(await est.meeting(otherChat), null);
      assert.equal(await est.meeting(otherTenantChat), null, 'the same conversation id in another tenant is not it');
    });

    it('knows which organisations reported in a conversation in a window, and which said "inget att rapportera"', async function () {
      const { store, place } = ctx();
      await store.incidents.create(newReport(incidentFields(place.id, { organisation: 'polisen' }), { now: at(10) }));
      await store.activities.create(newReport(activityFields({ organisation: 'fritid', organisations: [] }), { now: at(20) }));
      await store.incidents.create(newReport(incidentFields(place.id, { organisation: 'skola' }), { now: at(30), origin: { ...otherChat } }));
      await store.incidents.create(newReport(incidentFields(place.id, { organisation: 'kommunen' }), { now: at(40) }));
      assert.deepEqual((await store.est.reportingOrganisations(origin, at(10), at(40))).sort(), ['fritid', 'polisen'], 'from inclusive, to exclusive, this conversation only');
      await store.est.markNothingToReport(origin, '2026-03-17', 'skola', 'aad-berit', T0);
      await store.est.markNothingToReport(origin, '2026-03-17', 'skola', 'aad-berit', at(1));
      assert.deepEqual(await store.est.nothingToReport(origin, '2026-03-17'), ['skola'], 'marked once, however often pressed');
      assert.deepEqual(await store.est.nothingToReport(origin, '2026-03-24'), [], 'for that meeting only');
      assert.deepEqual(await store.est.nothingToReport(otherChat, '2026-03-17'), []);
    });

    it('lets one claim a rapportör\'s nudge per meeting; a released claim can be made again, a sent one not', async function () {
      const { est } = ctx().store;
      const claims = await Promise.all([1, 2, 3].map(() => est.claimNudge(origin, '2026-03-17', 'aad-anna', T0)));
      assert.deepEqual(claims.filter(Boolean).length, 1, 'concurrent claims: one wins');
      await est.releaseNudge(origin, '2026-03-17', 'aad-anna');
      assert.equal(await est.claimNudge(origin, '2026-03-17', 'aad-anna', at(1)), true, 'a released claim is free again');
      await est.nudgeSent(origin, '2026-03-17', 'aad-anna', at(2));
      await est.releaseNudge(origin, '2026-03-17', 'aad-anna');
      assert.equal(await est.claimNudge(origin, '2026-03-17', 'aad-anna', at(3)), false, 'a sent nudge is not released');
      assert.equal(await est.claimNudge(origin, '2026-03-24', 'aad-anna', at(3)), true, 'the next meeting is another nudge');
      assert.equal(await est.claimNudge(otherChat, '2026-03-17', 'aad-anna', at(3)), true, 'another conversation is another nudge');
    });

    it('lets a claim left unsent (its instance died while posting) be taken over once it is stale, by one caller only; a sent one never', async function () {
      const { est } = ctx().store;
      assert.equal(await est.claimNudge(origin, '2026-03-17', 'aad-anna', T0), true);
      assert.equal(await est.claimNudge(origin, '2026-03-17', 'aad-anna', at(60), T0), false, 'claimed at the stale limit: not stale yet');
      const takeovers = await Promise.all([1, 2, 3].map(() => est.claimNudge(origin, '2026-03-17', 'aad-anna', at(700), at(100))));
      assert.equal(takeovers.filter(Boolean).length, 1, 'concurrent takeovers: one wins');
      assert.equal(await est.claimNudge(origin, '2026-03-17', 'aad-anna', at(800), at(200)), false, 'taken over at at(700): fresh again');
      await est.nudgeSent(origin, '2026-03-17', 'aad-anna', at(701));
      assert.equal(await est.claimNudge(origin, '2026-03-17', 'aad-anna', at(9_000), at(8_000)), false, 'a sent nudge is never claimed again');
    });

    it('keeps one assessment per area and week, replaced when set again, read by week within the conversation', async function () {
      const { store, place } = ctx();
      const a = { areaId: place.id, weekStart: '2026-03-09', level: 2 as const, reason: 'Klotter ökar – åäö', setBy: 'aad-anna', setAt: T0 };
      await store.est.saveAssessment(origin, a);
      await store.est.saveAssessment(origin, { ...a, level: 3, reason: 'Bränder', setAt: at(1) });
      await store.est.saveAssessment(origin, { ...a, weekStart: '2026-03-16', level: 1, reason: 'Lugnt' });
      await store.est.saveAssessment(otherChat, { ...a, level: 1, reason: 'Annan kanal' });
      assert.deepEqual(await store.est.assessments(origin, ['2026-03-09', '2026-03-16']), [
        { ...a, level: 3, reason: 'Bränder', setAt: at(1) },
        { ...a, weekStart: '2026-03-16', level: 1, reason: 'Lugnt' },
      ]);
      assert.deepEqual(await store.est.assessments(origin, ['2026-03-02']), []);
      assert.deepEqual(await store.est.assessments(otherTenantChat, ['2026-03-09']), []);
    });

    it('replaces a tertial\'s priority areas, in the order chosen, per conversation', async function () {
      const { est } = ctx().store;
      await est.savePriorities(origin, '2026-T1', ['area-a', 'area-b', 'area-c'], 'aad-coordinator', T0);
      await est.savePriorities(origin, '2026-T1', ['area-c', 'area-a'], 'aad-coordinator', at(1));
      assert.deepEqual(await est.priorities(origin, '2026-T1'), ['area-c', 'area-a']);
      assert.deepEqual(await est.priorities(origin, '2026-T2'), []);
      assert.deepEqual(await est.priorities(otherChat, '2026-T1'), []);
      await est.savePriorities(origin, '2026-T1', [], 'aad-coordinator', at(2));
      assert.deepEqual(await est.priorities(origin, '2026-T1'), []);
    });
  });
}

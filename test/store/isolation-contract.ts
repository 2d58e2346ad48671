import assert from 'node:assert/strict';
import type { Place } from '../../src/domain/place';
import type { Store } from '../../src/domain/ports/store.port';
import type { ChatScope, ReportScope } from '../../src/domain/scope';
import {
  T0, activityFields, at, conversationRecord, curator, incidentFields, newReport, origin, otherChat, otherTenant, otherTenantChat,
  personalScope, reporter, tenant,
} from './store-fixtures';
import { changesNothing, type TakeSnapshot } from './store-snapshot';

const owner = { userId: 'aad-user-2', name: 'Örjan Åberg' };
const someoneElse = { userId: 'aad-user-3', name: 'Kim Karlsson' };

/**
 * Isolation by construction, part of the store contract: an id from another tenant, or (for reports)
 * another conversation, finds nothing and changes nothing. Where the adapter can be looked into
 * (`snapshot`), every refused call is also checked to leave every row of every table as it was.
 */
export function isolationContract(ctx: () => { store: Store; place: Place; snapshot?: TakeSnapshot }): void {
  /** Scopes that must not reach a report made in `origin` by `reporter`. */
  const foreignReportScopes: [string, ReportScope][] = [
    ['another tenant, same conversation id', otherTenantChat],
    ['another conversation of the tenant', otherChat],
    ['another user\'s personal chat', personalScope(someoneElse.userId)],
    ['the reporter\'s personal chat in another tenant', personalScope(reporter.userId, otherTenant.tenantId)],
  ];

  describe('isolation: reports', function () {
    it('finds a report only in its scope: other conversations, tenants and personal chats get null', async function () {
      const { store, place } = ctx();
      const incident = await store.incidents.create(newReport(incidentFields(place.id)));
      const activity = await store.activities.create(newReport(activityFields({ placeId: place.id, placeName: place.name })));
      assert.deepEqual(await store.incidents.get(origin, incident.id), incident);
      assert.deepEqual(await store.activities.get(origin, activity.id), activity);
      for (const [what, scope] of foreignReportScopes) {
        assert.equal(await store.incidents.get(scope, incident.id), null, what);
        assert.equal(await store.activities.get(scope, activity.id), null, what);
      }
    });

    it('lists the latest reports of the scope only', async function () {
      const { store, place } = ctx();
      const incident = await store.incidents.create(newReport(incidentFields(place.id)));
      const activity = await store.activities.create(newReport(activityFields({ date: '2026-03-14' }), { now: at(1) }));
      assert.deepEqual((await store.reports.latest(origin, 10)).map((r) => r.id), [activity.id, incident.id]);
      for (const [what, scope] of foreignReportScopes) assert.deepEqual(await store.reports.latest(scope, 10), [], what);
    });

    it('refuses a change from outside the scope as missing, whatever the version, and changes nothing', async function () {
      const { store, place, snapshot } = ctx();
      const incident = await store.incidents.create(newReport(incidentFields(place.id)));
      const activity = await store.activities.create(newReport(activityFields()));
      for (const [what, scope] of foreignReportScopes) {
        for (const expectedVersion of [1, 2]) {
          const incidentChange = {
            id: incident.id, actorId: 'aad-intruder', expectedVersion, now: at(10), status: 'atgardad' as const,
            assignee: someoneElse, fields: incidentFields(place.id, { description: 'Ändrad utifrån' }),
          };
          assert.deepEqual(await changesNothing(snapshot, () => store.incidents.update(scope, incidentChange)), { ok: false, reason: 'missing' }, what);
          const activityChange = {
            id: activity.id, actorId: 'aad-intruder', expectedVersion, now: at(10), status: 'atgardad' as const,
            fields: activityFields({ notes: 'Ändrad utifrån', organisations: ['fritid'] }),
          };
          assert.deepEqual(await changesNothing(snapshot, () => store.activities.update(scope, activityChange)), { ok: false, reason: 'missing' }, what);
        }
      }
      assert.deepEqual(await store.incidents.get(origin, incident.id), incident);
      assert.deepEqual(await store.activities.get(origin, activity.id), activity, 'organisations included');
      assert.deepEqual((await store.audit.latest(tenant, 50)).map((e) => e.action), ['report.created', 'report.created'], 'no audit row for a refused change');
      assert.deepEqual(await store.audit.latest(otherTenant, 50), []);
    });

    it('withdraws an incident only within its scope; from outside it is missing and stays', async function () {
      const { store, place, snapshot } = ctx();
      const incident = await store.incidents.create(newReport(incidentFields(place.id)));
      for (const [what, scope] of foreignReportScopes) {
        assert.equal(await changesNothing(snapshot, () => store.placeHistory.withdrawIncident(scope, incident.id, 1, 'aad-intruder', T0)), 'missing', what);
        assert.equal(await changesNothing(snapshot, () => store.placeHistory.withdrawIncident(scope, incident.id, 2, 'aad-intruder', T0)), 'missing', what);
      }
      assert.deepEqual(await store.incidents.get(origin, incident.id), incident);
      assert.equal(await store.placeHistory.withdrawIncident(origin, incident.id, 1, 'aad-undoer', T0), 'ok');
      assert.equal(await store.incidents.get(origin, incident.id), null);
    });

    it('lets a personal chat see and change the user\'s own reports of the tenant, not others\', not another tenant\'s', async function () {
      const { store, place, snapshot } = ctx();
      const elsewhere = await store.places.findOrCreate(otherTenant, place.name, T0);
      const personal = personalScope(reporter.userId);
      const mine = await store.incidents.create(newReport(incidentFields(place.id), { now: at(1) }));
      const mineInOtherChat = await store.activities.create(newReport(activityFields(), { origin: otherChat, now: at(2) }));
      const madeInPersonalChat = await store.activities.create(newReport(activityFields(), { origin: personal, now: at(3) }));
      const theirs = await store.incidents.create(newReport(incidentFields(place.id), { reporter: someoneElse, now: at(4) }));
      const mineInOtherTenant = await store.incidents.create(newReport(incidentFields(elsewhere.id), { origin: otherTenantChat, now: at(5) }));

      // By when it happened: the incident (13 March) before the two activities of 12 March, the later registered first.
      assert.deepEqual((await store.reports.latest(personal, 10)).map((r) => r.id), [mine.id, madeInPersonalChat.id, mineInOtherChat.id]);
      assert.deepEqual(await store.incidents.get(personal, mine.id), mine);
      assert.deepEqual(await store.activities.get(personal, mineInOtherChat.id), mineInOtherChat);
      assert.equal(await store.incidents.get(personal, theirs.id), null);
      assert.equal(await store.incidents.get(personal, mineInOtherTenant.id), null);
      assert.deepEqual((await store.reports.latest(personalScope(reporter.userId, otherTenant.tenantId), 10)).map((r) => r.id), [mineInOtherTenant.id]);
      assert.deepEqual((await store.reports.latest(personalScope(someoneElse.userId), 10)).map((r) => r.id), [theirs.id]);
      assert.deepEqual(await store.reports.latest({ ...personal, alsoReportedBy: undefined }, 10).then((r) => r.map((x) => x.id)), [madeInPersonalChat.id],
        'without alsoReportedBy a personal chat is just a conversation');

      const changed = await store.activities.update(personal, { id: mineInOtherChat.id, actorId: reporter.userId, expectedVersion: 1, status: 'hanteras', now: at(6) });
      assert.equal(changed.ok && changed.report.status, 'hanteras');
      for (const report of [theirs, mineInOtherTenant]) {
        assert.deepEqual(
          await changesNothing(snapshot, () => store.incidents.update(personal, { id: report.id, actorId: reporter.userId, expectedVersion: 1, status: 'hanteras', now: at(7) })),
          { ok: false, reason: 'missing' },
        );
        assert.equal(await changesNothing(snapshot, () => store.placeHistory.withdrawIncident(personal, report.id, 1, reporter.userId, T0)), 'missing');
      }
      assert.deepEqual(await store.incidents.get(origin, theirs.id), theirs);
      assert.deepEqual(await store.incidents.get(otherTenantChat, mineInOtherTenant.id), mineInOtherTenant);
      assert.equal(await store.placeHistory.withdrawIncident(personal, mine.id, 1, reporter.userId, T0), 'ok');
    });

    it('refuses a report at a place of another tenant, on create and on change', async function () {
      const { store, place, snapshot } = ctx();
      const theirPlace = await store.places.findOrCreate(otherTenant, 'Parken', T0);
      await changesNothing(snapshot, () => assert.rejects(store.incidents.create(newReport(incidentFields(theirPlace.id, { placeName: theirPlace.name })))));
      await changesNothing(snapshot, () => assert.rejects(store.activities.create(newReport(activityFields({ placeId: theirPlace.id, placeName: theirPlace.name })))));
      await changesNothing(snapshot, () => assert.rejects(store.incidents.create(newReport(incidentFields(place.id), { origin: otherTenantChat }))));
      const incident = await store.incidents.create(newReport(incidentFields(place.id)));
      const activity = await store.activities.create(newReport(activityFields({ placeId: place.id, placeName: place.name })));
      await changesNothing(snapshot, () => assert.rejects(store.incidents.update(origin, {
        id: incident.id, actorId: reporter.userId, expectedVersion: 1, fields: incidentFields(theirPlace.id), now: at(1),
      })));
      await changesNothing(snapshot, () => assert.rejects(store.activities.update(origin, {
        id: activity.id, actorId: reporter.userId, expectedVersion: 1, fields: activityFields({ placeId: theirPlace.id, placeName: theirPlace.name }), now: at(1),
      })));
      assert.deepEqual(await store.incidents.get(origin, incident.id), incident);
      assert.deepEqual(await store.activities.get(origin, activity.id), activity);
    });
  });

  describe('isolation: places and the place register', function () {
    it('keeps the same name in two tenants as two places; each finds, gets and lists its own only', async function () {
      const { store, place } = ctx();
      const theirs = await store.places.findOrCreate(otherTenant, '  stora TORGET ', at(1));
      assert.notEqual(theirs.id, place.id);
      assert.equal(theirs.name, 'stora TORGET');
      assert.deepEqual(await store.places.findOrCreate(otherTenant, 'Stora torget', at(2)), theirs);
      assert.deepEqual(await store.places.findOrCreate(tenant, 'STORA torget', at(2)), place);
      assert.equal(await store.places.get(otherTenant, place.id), null);
      assert.equal(await store.places.get(tenant, theirs.id), null);
      assert.deepEqual(await store.places.get(otherTenant, theirs.id), theirs);
      assert.deepEqual(await store.places.list(tenant, 50), [place]);
      assert.deepEqual(await store.places.list(otherTenant, 50), [theirs]);

      // An alias names a place in its tenant only.
      assert.equal(await store.placeRegister.addAlias(tenant, place.id, 'Torget', curator), 'ok');
      assert.equal(await store.placeRegister.addAlias(otherTenant, theirs.id, 'torget', curator), 'ok', 'the same alias in another tenant');
      assert.equal((await store.places.findOrCreate(tenant, 'torget', T0)).id, place.id);
      assert.equal((await store.places.findOrCreate(otherTenant, 'TORGET', T0)).id, theirs.id);
      assert.equal(await store.placeRegister.addAlias(otherTenant, theirs.id, 'Kvarnen', curator), 'ok');
      const kvarnen = await store.places.findOrCreate(tenant, 'Kvarnen', T0);
      assert.ok(![place.id, theirs.id].includes(kvarnen.id), 'another tenant\'s alias does not find its place');
    });

    it('creates one place per tenant when both ask for a name at once', async function () {
      const { store } = ctx();
      const places = await Promise.all(Array.from({ length: 8 }, (_, i) =>
        store.places.findOrCreate(i % 2 ? tenant : otherTenant, i % 4 < 2 ? 'Åbytorget' : 'ÅBYTORGET', T0)));
      assert.equal(new Set(places.map((p) => p.id)).size, 2);
      assert.equal((await store.places.list(otherTenant, 50)).length, 1);
    });

    it('shows, changes, aliases and merges none of another tenant\'s places', async function () {
      const { store, place, snapshot } = ctx();
      const area = await store.places.findOrCreate(tenant, 'Centrum', T0);
      await store.placeRegister.update(tenant, { id: place.id, kind: 'torg', parentId: area.id }, curator);
      await store.placeRegister.addAlias(tenant, place.id, 'Torget', curator);
      const theirs = await store.places.findOrCreate(otherTenant, 'Stora torget', T0);
      const theirPark = await store.places.findOrCreate(otherTenant, 'Parken', T0);
      const mine = await store.placeRegister.get(tenant, place.id);
      assert.ok(mine);

      assert.deepEqual((await store.placeRegister.all(otherTenant, 50)).map((p) => p.id), [theirPark.id, theirs.id]);
      assert.deepEqual((await store.placeRegister.all(tenant, 50)).map((p) => [p.id, p.aliases]), [[area.id, []], [place.id, ['Torget']]]);
      assert.equal(await store.placeRegister.get(otherTenant, place.id), null);
      assert.equal(await changesNothing(snapshot, () => store.placeRegister.update(otherTenant, { id: place.id, name: 'Ändrat', kind: 'park', lat: 1, lon: 2, parentId: null }, curator)), null);
      assert.equal(await changesNothing(snapshot, () => store.placeRegister.update(otherTenant, { id: place.id, parentId: theirPark.id }, curator)), null);
      assert.equal(await changesNothing(snapshot, () => store.placeRegister.update(tenant, { id: place.id, parentId: theirPark.id }, curator)), null,
        'an area of another tenant is as good as none');
      assert.equal(await changesNothing(snapshot, () => store.placeRegister.addAlias(otherTenant, place.id, 'Nytt namn', curator)), 'missing');
      assert.equal(await changesNothing(snapshot, () => store.placeRegister.merge(otherTenant, place.id, area.id, curator)), 'missing');
      assert.equal(await changesNothing(snapshot, () => store.placeRegister.merge(otherTenant, theirs.id, place.id, curator)), 'missing');
      assert.equal(await changesNothing(snapshot, () => store.placeRegister.merge(tenant, place.id, theirs.id, curator)), 'missing');
      assert.deepEqual(await store.placeRegister.get(tenant, place.id), mine);
      assert.deepEqual(await store.placeRegister.get(otherTenant, theirs.id), { ...theirs, kind: 'annat', lat: null, lon: null, parentId: null, aliases: [] });

      // Names and aliases are unique within a tenant, not across tenants.
      assert.equal(await store.placeRegister.addAlias(otherTenant, theirPark.id, 'Centrum', curator), 'ok', 'another tenant\'s place name is free');
      assert.equal(await store.placeRegister.addAlias(otherTenant, theirPark.id, 'torget', curator), 'ok', 'another tenant\'s alias is free');
      assert.equal(await store.placeRegister.addAlias(otherTenant, theirPark.id, 'stora torget', curator), 'taken', 'the tenant\'s own place name');
      const renamed = await store.placeRegister.update(tenant, { id: area.id, name: 'Parken' }, curator);
      assert.equal(typeof renamed === 'object' && renamed?.name, 'Parken');
      assert.equal(await store.placeRegister.update(otherTenant, { id: theirPark.id, name: 'STORA TORGET' }, curator), 'name_taken');
    });

    it('merges within a tenant without touching another tenant\'s place of the same name', async function () {
      const { store, place } = ctx();
      const theirs = await store.places.findOrCreate(otherTenant, 'Stora torget', T0);
      const theirTwin = await store.places.findOrCreate(otherTenant, 'Torget i Kungsör', T0);
      const mine = await store.incidents.create(newReport(incidentFields(place.id)));
      const their = await store.incidents.create(newReport(incidentFields(theirTwin.id, { placeName: theirTwin.name }), { origin: otherTenantChat }));
      const merged = await store.placeRegister.merge(otherTenant, theirs.id, theirTwin.id, curator);
      assert.ok(typeof merged === 'object');
      assert.deepEqual(merged.aliases, ['Torget i Kungsör']);
      assert.equal((await store.incidents.get(otherTenantChat, their.id))?.placeId, theirs.id);
      assert.deepEqual(await store.incidents.get(origin, mine.id), mine);
      assert.deepEqual(await store.placeRegister.get(tenant, place.id), { ...place, kind: 'annat', lat: null, lon: null, parentId: null, aliases: [] });
      assert.equal((await store.places.findOrCreate(tenant, 'Torget i Kungsör', T0)).id !== theirs.id, true, 'the merged name is an alias in its tenant only');
    });
  });

  describe('isolation: hot spots', function () {
    it('finds, lists, changes and reminds of a hot spot in its tenant only', async function () {
      const { store, place, snapshot } = ctx();
      const created = await store.hotspots.create({ placeId: place.id, ownerOrganisation: 'polisen', owner, createdBy: owner, origin, now: T0 });
      assert.ok(created.ok);
      const id = created.hotspot.id;
      const withMeasure = await store.hotspots.update(tenant, {
        actorId: curator.actorId, id, expectedVersion: 1, now: at(1), followUpDate: '2026-03-16',
        addMeasure: { what: 'Bättre belysning', organisation: 'kommunen', dueDate: '2026-03-15', createdBy: reporter },
      });
      assert.ok(withMeasure.ok);
      const [measure] = await store.hotspots.measures(tenant, [id]);
      assert.ok(measure);

      assert.equal(await store.hotspots.get(otherTenant, id), null);
      assert.equal(await store.hotspots.byPlace(otherTenant, place.id), null);
      assert.deepEqual(await store.hotspots.byPlaces(otherTenant, [place.id]), []);
      assert.deepEqual(await store.hotspots.listActive(otherTenant), []);
      assert.deepEqual(await store.hotspots.measures(otherTenant, [id]), []);
      for (const change of [
        { state: 'analyseras' as const },
        { addMeasure: { what: 'Utifrån', organisation: 'polisen' as const, dueDate: null, createdBy: someoneElse } },
        { measureDone: measure.id },
        { owner: { organisation: 'skola' as const, person: someoneElse } },
      ]) {
        for (const expectedVersion of [2, 3]) {
          assert.deepEqual(
            await changesNothing(snapshot, () => store.hotspots.update(otherTenant, { actorId: curator.actorId, id, expectedVersion, now: at(5), ...change })),
            { ok: false, reason: 'missing' },
          );
        }
      }
      await changesNothing(snapshot, () => store.hotspots.markFollowUpReminded(otherTenant, id, '2026-03-16'));
      await changesNothing(snapshot, () => store.hotspots.markMeasureReminded(otherTenant, measure.id));
      assert.deepEqual(await store.hotspots.get(tenant, id), withMeasure.hotspot);
      assert.deepEqual(await store.hotspots.measures(tenant, [id]), [measure]);
      assert.deepEqual((await store.hotspots.followUpsDue('2026-03-16')).map((h) => h.id), [id], 'not marked reminded from outside');
      assert.deepEqual(await store.hotspots.measuresDue('2026-03-16'), [{ tenant, measure }], 'not marked reminded from outside');

      // The reminder job spans tenants, and says whose each measure is.
      const theirPlace = await store.places.findOrCreate(otherTenant, place.name, T0);
      await changesNothing(snapshot, () => assert.rejects(store.hotspots.create({ placeId: place.id, ownerOrganisation: 'polisen', owner, createdBy: owner, origin: otherTenantChat, now: T0 })));
      const theirs = await store.hotspots.create({ placeId: theirPlace.id, ownerOrganisation: 'kommunen', owner, createdBy: owner, origin: otherTenantChat, now: T0 });
      assert.ok(theirs.ok);
      await store.hotspots.update(otherTenant, {
        actorId: curator.actorId, id: theirs.hotspot.id, expectedVersion: 1, now: at(2), addMeasure: { what: 'Klipp buskar', organisation: 'kommunen', dueDate: '2026-03-14', createdBy: owner },
      });
      assert.deepEqual((await store.hotspots.listActive(tenant)).map((h) => h.id), [id]);
      assert.deepEqual((await store.hotspots.listActive(otherTenant)).map((h) => h.id), [theirs.hotspot.id]);
      assert.deepEqual((await store.hotspots.measuresDue('2026-03-16')).map((d) => [d.tenant.tenantId, d.measure.hotspotId]), [
        [otherTenant.tenantId, theirs.hotspot.id], [tenant.tenantId, id],
      ]);
      await store.hotspots.markMeasureReminded(tenant, measure.id);
      await store.hotspots.markFollowUpReminded(tenant, id, '2026-03-16');
      assert.deepEqual((await store.hotspots.measuresDue('2026-03-16')).map((d) => d.tenant.tenantId), [otherTenant.tenantId]);
      assert.deepEqual(await store.hotspots.followUpsDue('2026-03-16'), []);
    });
  });

  describe('isolation: place history', function () {
    it('counts incidents and visits of every conversation of the tenant, never of another tenant', async function () {
      const { store, place } = ctx();
      const theirPlace = await store.places.findOrCreate(otherTenant, place.name, T0);
      const here = await store.incidents.create(newReport(incidentFields(place.id, { occurredAt: at(-7200) })));
      const inOtherChat = await store.incidents.create(newReport(incidentFields(place.id, { occurredAt: at(-3600) }), { origin: otherChat }));
      const theirs = await store.incidents.create(newReport(incidentFields(theirPlace.id, { occurredAt: at(-1800) }), { origin: otherTenantChat }));
      const ids = async (scope: { tenantId: string }, placeIds: string[] | null) =>
        (await store.placeHistory.incidents(scope, placeIds, at(-86400), at(0))).map((s) => s.id);
      assert.deepEqual(await ids(tenant, [place.id]), [here.id, inOtherChat.id]);
      assert.deepEqual(await ids(tenant, null), [here.id, inOtherChat.id]);
      assert.deepEqual(await ids(tenant, [theirPlace.id]), []);
      assert.deepEqual(await ids(otherTenant, [place.id]), []);
      assert.deepEqual(await ids(otherTenant, null), [theirs.id]);

      const visit = (p: Place, o: ChatScope) => store.activities.create(newReport(activityFields({ type: 'hotspot_besok', placeId: p.id, placeName: p.name }), { origin: o }));
      const v1 = await visit(place, origin);
      const v2 = await visit(place, otherChat);
      const v3 = await visit(theirPlace, otherTenantChat);
      const visits = async (scope: { tenantId: string }, placeIds: string[]) =>
        (await store.placeHistory.visits(scope, placeIds, ['hotspot_besok'])).map((v) => v.id).sort();
      assert.deepEqual(await visits(tenant, [place.id, theirPlace.id]), [v1.id, v2.id].sort());
      assert.deepEqual(await visits(otherTenant, [place.id, theirPlace.id]), [v3.id]);
    });
  });

  describe('isolation: people', function () {
    const profile = { userId: 'aad-user-7', tenantId: tenant.tenantId, organisation: 'skola' as const, school: 'Ängsskolan', updatedAt: T0, chatUserId: '29:chat-7', displayName: 'Åsa' };

    it('keeps one profile per tenant: saving or reading in one tenant never touches another\'s', async function () {
      const { store, snapshot } = ctx();
      await store.users.save(profile);
      assert.equal(await store.users.get(otherTenant, profile.userId), null);
      assert.equal(await store.users.findByChatUserId(otherTenant, profile.chatUserId), null);
      const theirs = { ...profile, tenantId: otherTenant.tenantId, organisation: 'polisen' as const, school: null, updatedAt: at(1), chatUserId: '29:chat-7b', displayName: 'Åsa B' };
      await store.users.save(theirs);
      assert.deepEqual(await store.users.get(tenant, profile.userId), profile);
      assert.deepEqual(await store.users.get(otherTenant, profile.userId), theirs);
      assert.deepEqual(await store.users.findByChatUserId(tenant, '29:chat-7'), profile);
      assert.equal(await store.users.findByChatUserId(tenant, '29:chat-7b'), null);
      assert.deepEqual(await store.users.findByChatUserId(otherTenant, '29:chat-7b'), theirs);
      await store.users.save({ ...theirs, organisation: 'fritid', updatedAt: at(2) });
      assert.deepEqual(await store.users.get(tenant, profile.userId), profile);
      await changesNothing(snapshot, () => store.users.get(otherTenant, 'aad-nobody'), 'a read');
    });

    it('confirms memberships per tenant, and confirming again moves the membership', async function () {
      const { store } = ctx();
      const membership = { userId: profile.userId, organisation: 'skola' as const, source: 'coordinator' as const, confirmedBy: 'aad-coord', confirmedAt: T0 };
      assert.equal(await store.memberships.get(tenant, profile.userId), null);
      await store.memberships.confirm(tenant, membership);
      assert.deepEqual(await store.memberships.get(tenant, profile.userId), membership);
      assert.equal(await store.memberships.get(otherTenant, profile.userId), null);
      const theirs = { ...membership, organisation: 'polisen' as const, source: 'domain' as const, confirmedBy: 'domain', confirmedAt: at(1) };
      await store.memberships.confirm(otherTenant, theirs);
      assert.deepEqual(await store.memberships.get(otherTenant, profile.userId), theirs);
      assert.deepEqual(await store.memberships.get(tenant, profile.userId), membership);
      const moved = { ...membership, organisation: 'fritid' as const, confirmedAt: at(2) };
      await store.memberships.confirm(tenant, moved);
      assert.deepEqual(await store.memberships.get(tenant, profile.userId), moved);
      assert.deepEqual(await store.memberships.get(otherTenant, profile.userId), theirs);
    });

    it('knows coordinators per tenant', async function () {
      const { store } = ctx();
      await store.coordinators.add(tenant, 'aad-coord', 'aad-admin', T0);
      assert.equal(await store.coordinators.isCoordinator(tenant, 'aad-coord'), true);
      assert.equal(await store.coordinators.isCoordinator(otherTenant, 'aad-coord'), false);
      await store.coordinators.add(otherTenant, 'aad-coord', 'aad-admin-2', at(1));
      assert.equal(await store.coordinators.isCoordinator(otherTenant, 'aad-coord'), true);
    });

    it('lists coordinators named by command per tenant, the earliest first and at most the limit', async function () {
      const { store } = ctx();
      await store.coordinators.add(tenant, 'aad-second', 'aad-admin', at(2));
      await store.coordinators.add(tenant, 'aad-first', 'aad-admin', at(1));
      await store.coordinators.add(otherTenant, 'aad-theirs', 'aad-admin', T0);
      assert.deepEqual(await store.coordinators.list(tenant, 10), ['aad-first', 'aad-second']);
      assert.deepEqual(await store.coordinators.list(tenant, 1), ['aad-first']);
      assert.deepEqual(await store.coordinators.list(otherTenant, 10), ['aad-theirs']);
    });

    it('lists the confirmed members of organisations per tenant, the earliest confirmed first and at most the limit', async function () {
      const { store } = ctx();
      const member = (userId: string, organisation: 'polisen' | 'skola' | 'fritid', confirmedAt: Date) =>
        ({ userId, organisation, source: 'coordinator' as const, confirmedBy: 'aad-coord', confirmedAt });
      await store.memberships.confirm(tenant, member('aad-polis-2', 'polisen', at(2)));
      await store.memberships.confirm(tenant, member('aad-polis-1', 'polisen', at(1)));
      await store.memberships.confirm(tenant, member('aad-skola', 'skola', at(3)));
      await store.memberships.confirm(tenant, member('aad-fritid', 'fritid', T0));
      await store.memberships.confirm(otherTenant, member('aad-their-polis', 'polisen', T0));
      assert.deepEqual(await store.memberships.membersOf(tenant, ['polisen'], 10), ['aad-polis-1', 'aad-polis-2']);
      assert.deepEqual(await store.memberships.membersOf(tenant, ['polisen', 'skola'], 10), ['aad-polis-1', 'aad-polis-2', 'aad-skola']);
      assert.deepEqual(await store.memberships.membersOf(tenant, ['polisen', 'skola'], 2), ['aad-polis-1', 'aad-polis-2']);
      assert.deepEqual(await store.memberships.membersOf(tenant, [], 10), []);
      assert.deepEqual(await store.memberships.membersOf(otherTenant, ['polisen'], 10), ['aad-their-polis']);
    });

    it('lists the audit trail of the tenant only', async function () {
      const { store } = ctx();
      const entry = { at: T0, actorId: 'aad-coord', action: 'coordinator.added' as const, entityKind: 'user' as const, entityId: 'aad-user-7', entityRef: null, detail: null };
      await store.audit.record({ ...entry, tenantId: tenant.tenantId });
      await store.audit.record({ ...entry, tenantId: otherTenant.tenantId, at: at(1), action: 'access.refused', detail: 'report.update' });
      assert.deepEqual((await store.audit.latest(tenant, 10)).map((e) => [e.tenantId, e.action]), [[tenant.tenantId, 'coordinator.added']]);
      assert.deepEqual((await store.audit.latest(otherTenant, 10)).map((e) => [e.tenantId, e.action, e.detail]), [[otherTenant.tenantId, 'access.refused', 'report.update']]);
    });
  });

  describe('isolation: conversations and digests', function () {
    it('reads a conversation only with its tenant, and another tenant cannot overwrite it', async function () {
      const { store, snapshot } = ctx();
      const record = conversationRecord();
      await store.conversations.save(record);
      const sameIdOtherTenant = { tenantId: otherTenant.tenantId, conversationId: record.conversationId };
      assert.equal(await store.conversations.get(sameIdOtherTenant), null);
      await changesNothing(snapshot, () => store.conversations.save({ ...record, ...sameIdOtherTenant, serviceUrl: 'https://evil.example/', updatedAt: at(1) }));
      assert.deepEqual(await store.conversations.get(record), record);
      assert.deepEqual(await store.conversations.list(), [record]);
    });

    it('reads, pauses, removes and replaces a subscription only with its tenant', async function () {
      const { store, snapshot } = ctx();
      const subscription = {
        conversationId: origin.conversationId, tenantId: origin.tenantId, cadence: 'weekly' as const, weekday: 1, time: '07:30',
        locale: 'sv' as const, status: 'active' as const, pausedReason: null, createdBy: 'aad-user-1', createdAt: T0, updatedAt: T0,
      };
      await store.digestSubscriptions.save(subscription);
      assert.equal(await store.digestSubscriptions.get(otherTenantChat), null);
      await changesNothing(snapshot, () => store.digestSubscriptions.pause(otherTenantChat, 'from outside', at(1)));
      assert.equal(await changesNothing(snapshot, () => store.digestSubscriptions.remove(otherTenantChat)), false);
      await changesNothing(snapshot, () => store.digestSubscriptions.save({ ...subscription, ...otherTenantChat, cadence: 'daily', weekday: null, updatedAt: at(2) }));
      assert.deepEqual(await store.digestSubscriptions.get(origin), subscription);
      assert.deepEqual(await store.digestSubscriptions.listActive(), [subscription]);
    });

    it('lists a conversation\'s exports only with its tenant', async function () {
      const { store } = ctx();
      const record = {
        id: '5b3f1c1e-0000-4000-8000-000000000002', tokenHash: 'd'.repeat(64), tenantId: origin.tenantId, conversationId: origin.conversationId,
        userId: 'aad-user-1', periodKind: 'week' as const, periodFrom: T0, periodTo: at(7 * 86400), partial: false, createdAt: T0, expiresAt: at(900),
      };
      await store.digestExports.create(record);
      assert.deepEqual(await store.digestExports.list(origin, 10), [record]);
      assert.deepEqual(await store.digestExports.list(otherTenantChat, 10), []);
      assert.deepEqual(await store.digestExports.list(otherChat, 10), []);
    });
  });
}

import assert from 'node:assert/strict';
import type { Place } from '../../src/domain/place';
import type { Store } from '../../src/domain/ports/store.port';
import { T0, TRICKY_TEXT, activityFields, at, curator, incidentFields, newReport, origin, otherTenantChat, tenant } from './store-fixtures';

const scope = { tenantId: origin.tenantId, conversationId: origin.conversationId };
const hours = (h: number) => at(h * 3600);

/** The lägesbild's aggregates, digest subscriptions, delivery claims and exports (inside the store contract). */
export function lagesbildContract(ctx: () => { store: Store; place: Place }): void {
  describe('lägesbild aggregates', function () {
    it('counts incidents per range and key in SQL, only of the scope, largest first; youth summed; schools only with a school', async function () {
      const { store, place } = ctx();
      const other = await store.places.findOrCreate(tenant, TRICKY_TEXT.quotes, T0);
      const add = (h: number, over: Parameters<typeof incidentFields>[1] = {}, o = origin) =>
        store.incidents.create(newReport(incidentFields(place.id, { occurredAt: hours(h), ...over }), { origin: o }));
      await add(1, { category: 'brand', youthInvolved: 2 });
      await add(2, { category: 'brand', school: null, youthInvolved: null });
      await add(3, { category: 'hot_vald', placeId: other.id, placeName: other.name, school: 'Ängsskolan', youthInvolved: 5 });
      await add(25, { category: 'brand' });
      await add(1, {}, { ...origin, conversationId: 'another-channel' });
      const ranges = [{ from: hours(0), to: hours(24) }, { from: hours(24), to: hours(48) }, { from: hours(100), to: hours(124) }];
      assert.deepEqual(await store.lagesbild.countIncidents(scope, ranges, 'category'), [
        { range: 0, key: 'brand', count: 2, youth: 2 }, { range: 0, key: 'hot_vald', count: 1, youth: 5 },
        { range: 1, key: 'brand', count: 1, youth: 4 },
      ]);
      assert.deepEqual(await store.lagesbild.countIncidents(scope, ranges.slice(0, 1), 'place'), [
        { range: 0, key: 'Stora torget', count: 2, youth: 2 }, { range: 0, key: TRICKY_TEXT.quotes, count: 1, youth: 5 },
      ]);
      assert.deepEqual(await store.lagesbild.countIncidents(scope, ranges.slice(0, 1), 'school'), [
        { range: 0, key: 'Björkskolan', count: 1, youth: 2 }, { range: 0, key: 'Ängsskolan', count: 1, youth: 5 },
      ]);
      assert.deepEqual(await store.lagesbild.countIncidents(scope, ranges, 'none'), [
        { range: 0, key: '', count: 3, youth: 7 }, { range: 1, key: '', count: 1, youth: 4 },
      ]);
      assert.deepEqual(await store.lagesbild.countIncidents(scope, [], 'none'), []);
    });

    it('groups schools by the app\'s folding and places by the register\'s id and name, not by the database\'s collation', async function () {
      const { store, place } = ctx();
      const add = (school: string, placeName = place.name) =>
        store.incidents.create(newReport(incidentFields(place.id, { occurredAt: hours(1), school, placeName, youthInvolved: 1 })));
      for (const school of ['Björkskolan', 'Björkskolan', 'BJÖRKSKOLAN ', 'Vasaskolan']) await add(school);
      // Filed under a name the place no longer has: still the same place.
      await add('Wasaskolan', 'Stortorget');
      const range = [{ from: hours(0), to: hours(24) }];
      assert.deepEqual(await store.lagesbild.countIncidents(scope, range, 'school'), [
        { range: 0, key: 'Björkskolan', count: 3, youth: 3 }, { range: 0, key: 'Vasaskolan', count: 1, youth: 1 }, { range: 0, key: 'Wasaskolan', count: 1, youth: 1 },
      ], 'case and spacing fold; v and w stay two schools');
      assert.deepEqual(await store.lagesbild.countIncidents(scope, range, 'place'), [{ range: 0, key: place.name, count: 5, youth: 5 }]);
    });

    it('counts incidents per area (the parent in the register; an area its own; none: \'\') and per severity, as counted from the rows', async function () {
      const { store, place } = ctx();
      const curator = { actorId: 'aad-curator', now: at(0) };
      const centrum = await store.places.findOrCreate(tenant, 'Centrum', at(0));
      const norr = await store.places.findOrCreate(tenant, 'Norr', at(0));
      const skolgarden = await store.places.findOrCreate(tenant, 'Skolgården', at(0));
      const lone = await store.places.findOrCreate(tenant, 'Ensam plats', at(0));
      await store.placeRegister.update(tenant, { id: place.id, parentId: centrum.id }, curator);
      await store.placeRegister.update(tenant, { id: skolgarden.id, parentId: norr.id }, curator);
      const rows = [
        { p: place, h: 1, severity: 'hog' as const }, { p: place, h: 2, severity: 'lag' as const }, { p: centrum, h: 3, severity: 'medel' as const },
        { p: skolgarden, h: 4, severity: 'hog' as const }, { p: lone, h: 5, severity: 'lag' as const }, { p: place, h: 30, severity: 'medel' as const },
        // Before the ranges: counted in neither.
        { p: place, h: -5, severity: 'hog' as const },
      ];
      for (const r of rows) {
        await store.incidents.create(newReport(incidentFields(r.p.id, { occurredAt: hours(r.h), placeName: r.p.name, severity: r.severity, youthInvolved: 1 })));
      }
      // A whole Stockholm year and a part of a day: the calendar counts and the rows answer alike.
      const ranges = [{ from: hours(0), to: hours(24) }, { from: hours(24), to: hours(48) }];
      const expected = (key: (r: (typeof rows)[number]) => string) => {
        const counts = new Map<string, { range: number; key: string; count: number; youth: number }>();
        for (const r of rows) {
          const range = ranges.findIndex((x) => hours(r.h) >= x.from && hours(r.h) < x.to);
          if (range < 0) continue;
          const id = `${range}/${key(r)}`;
          const before = counts.get(id) ?? { range, key: key(r), count: 0, youth: 0 };
          counts.set(id, { ...before, count: before.count + 1, youth: before.youth + 1 });
        }
        return [...counts.values()].sort((a, b) => a.range - b.range || b.count - a.count || (a.key < b.key ? -1 : 1));
      };
      const areaOf = (p: Place) => (p.id === place.id ? 'Centrum' : p.id === skolgarden.id ? 'Norr' : p.id === centrum.id ? 'Centrum' : '');
      assert.deepEqual(await store.lagesbild.countIncidents(scope, ranges, 'area'), expected((r) => areaOf(r.p)));
      assert.deepEqual(await store.lagesbild.countIncidents(scope, ranges, 'severity'), expected((r) => r.severity));
      const year = [{ from: new Date('2025-12-31T23:00:00Z'), to: new Date('2026-12-31T23:00:00Z') }];
      assert.deepEqual((await store.lagesbild.countIncidents(scope, year, 'area')).map((t) => [t.key, t.count]), [['Centrum', 5], ['', 1], ['Norr', 1]]);
      assert.deepEqual(await store.lagesbild.countIncidents(otherTenantChat, year, 'area'), [], 'another tenant sees none');
    });

    it('counts activities per day range by type and by participating organisation; lists overdue follow-ups not marked done', async function () {
      const { store, place } = ctx();
      await store.activities.create(newReport(activityFields({ date: '2026-03-10', followUpDate: '2026-03-12', placeId: place.id, placeName: place.name })));
      await store.activities.create(newReport(activityFields({ type: 'skolbesok', date: '2026-03-11', organisations: ['skola'], followUpDate: null })));
      const done = await store.activities.create(newReport(activityFields({ date: '2026-03-11', followUpDate: '2026-03-01' })));
      await store.activities.update(origin, { id: done.id, expectedVersion: 1, followUpDone: true, now: T0, actorId: 'aad-user-1' });
      // A status left by an older version (activities have none now) does not take one off the list.
      const closedLongAgo = await store.activities.create(newReport(activityFields({ date: '2026-03-01', followUpDate: '2026-03-02' })));
      await store.activities.update(origin, { id: closedLongAgo.id, expectedVersion: 1, status: 'atgardad', now: T0, actorId: 'aad-user-1' });
      await store.activities.create(newReport(activityFields({ date: '2026-03-20' })));
      const ranges = [{ firstDay: '2026-03-09', lastDay: '2026-03-15' }];
      assert.deepEqual(await store.lagesbild.countActivities(scope, ranges, 'type'), [
        { range: 0, key: 'trygghetsvandring', count: 2, youth: null }, { range: 0, key: 'skolbesok', count: 1, youth: null },
      ]);
      assert.deepEqual(await store.lagesbild.countActivities(scope, ranges, 'organisation'), [
        { range: 0, key: 'kommunen', count: 2, youth: null }, { range: 0, key: 'polisen', count: 2, youth: null },
        { range: 0, key: 'skola', count: 3, youth: null },
      ].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)));
      const overdue = await store.lagesbild.overdueFollowUps(scope, '2026-04-03', 1);
      assert.equal(overdue.total, 3);
      assert.deepEqual(overdue.items, [{ ref: 'A-2026-0004', type: 'trygghetsvandring', followUpDate: '2026-03-02', placeName: null }]);
    });

    it('counts activities per register school by its id, only of the scope and with a school, as many as there are rows', async function () {
      const { store } = ctx();
      const added = await Promise.all(['Björkskolan', 'Ängsskolan'].map((name) => store.schools.add(tenant, { name, stages: ['f-6'], placeId: null, contacts: [] }, curator)));
      const [bjork, angs] = added.map((a) => { assert.ok(a.ok); return a.school.id; }) as [string, string];
      const add = (date: string, schoolId: string | null, o = origin) => store.activities.create(newReport(activityFields({ date, schoolId }), { origin: o }));
      for (const date of ['2026-03-10', '2026-03-11', '2026-03-12']) await add(date, bjork);
      await add('2026-03-10', angs);
      await add('2026-03-10', null);
      await add('2025-03-10', angs);
      await add('2026-03-10', angs, { ...origin, conversationId: 'another-channel' });
      const ranges = [{ firstDay: '2026-01-01', lastDay: '2026-12-31' }, { firstDay: '2025-01-01', lastDay: '2025-12-31' }];
      const counted = await store.lagesbild.countActivities(scope, ranges, 'school');
      assert.deepEqual(counted, [
        { range: 0, key: bjork, count: 3, youth: null }, { range: 0, key: angs, count: 1, youth: null }, { range: 1, key: angs, count: 1, youth: null },
      ]);
      // The same as counting the rows one by one.
      const rows = await store.lagesbild.activitiesForExport(scope, ranges[0]!, 100);
      assert.equal(rows.length, 5, 'five activities of the scope in 2026, one without a school');
      assert.equal(counted.filter((t) => t.range === 0).reduce((n, t) => n + t.count, 0), 4);
    });

    it('lists the range\'s severity-hög incidents of the scope, newest first, cut at the limit, with how many there are', async function () {
      const { store, place } = ctx();
      const add = (h: number, over: Parameters<typeof incidentFields>[1] = {}, o = origin) =>
        store.incidents.create(newReport(incidentFields(place.id, { occurredAt: hours(h), ...over }), { origin: o }));
      await add(1, { severity: 'hog', category: 'brand' });
      await add(2, { severity: 'medel' });
      await add(3, { severity: 'hog', category: 'hot_vald' });
      await add(4, { severity: 'hog' });
      await add(30, { severity: 'hog' });
      await add(5, { severity: 'hog' }, { ...origin, conversationId: 'another-channel' });
      const serious = await store.lagesbild.seriousIncidents(scope, { from: hours(0), to: hours(24) }, 2);
      assert.equal(serious.total, 3);
      assert.deepEqual(serious.items.map((i) => [i.occurredAt.toISOString(), i.category, i.placeName]), [
        [hours(4).toISOString(), 'skadegorelse_glaskross', 'Stora torget'], [hours(3).toISOString(), 'hot_vald', 'Stora torget'],
      ]);
    });

    it('lists a range\'s incidents for an export, oldest first, with every exported field', async function () {
      const { store, place } = ctx();
      await store.incidents.create(newReport(incidentFields(place.id, { occurredAt: hours(5), description: TRICKY_TEXT.sqlInjection })));
      await store.incidents.create(newReport(incidentFields(place.id, { occurredAt: hours(1) })));
      const rows = await store.lagesbild.incidentsForExport(scope, { from: hours(0), to: hours(24) }, 10);
      assert.deepEqual(rows.map((r) => [r.ref, r.occurredAt.toISOString(), r.description]), [
        ['H-2026-0002', hours(1).toISOString(), 'Krossad ruta vid busskuren.'], ['H-2026-0001', hours(5).toISOString(), TRICKY_TEXT.sqlInjection],
      ]);
      assert.deepEqual(Object.keys(rows[0]!).sort(), ['category', 'description', 'occurredAt', 'organisation', 'placeName', 'policeReportNumber', 'ref', 'resolution', 'school', 'severity', 'status', 'youthInvolved']);
      assert.equal(rows[0]!.resolution, null, 'an open incident has no "vad gjordes"');
    });
    it('lists a range\'s activities for an export, oldest first, only of the scope, with the other organisations in order', async function () {
      const { store, place } = ctx();
      const walk = await store.activities.create(newReport(activityFields({ date: '2026-03-12', notes: TRICKY_TEXT.sqlInjection, placeId: place.id, placeName: place.name })));
      await store.activities.update(origin, { id: walk.id, expectedVersion: 1, followUpDone: true, now: at(7), actorId: 'aad-user-1' });
      await store.activities.create(newReport(activityFields({ type: 'skolbesok', date: '2026-03-10', organisations: ['skola'], peopleMet: null, followUpDate: null })));
      await store.activities.create(newReport(activityFields({ date: '2026-03-20' })));
      await store.activities.create(newReport(activityFields({ date: '2026-03-11' }), { origin: { ...origin, conversationId: 'another-channel' } }));
      const rows = await store.lagesbild.activitiesForExport(scope, { firstDay: '2026-03-09', lastDay: '2026-03-15' }, 10);
      assert.deepEqual(rows, [
        { ref: 'A-2026-0002', date: '2026-03-10', type: 'skolbesok', placeName: null, organisation: 'kommunen', organisations: ['skola'], peopleMet: null, status: 'ny', followUpDate: null, followUpDoneAt: null, notes: 'Gick runt centrum med föräldrar.' },
        { ref: 'A-2026-0001', date: '2026-03-12', type: 'trygghetsvandring', placeName: 'Stora torget', organisation: 'kommunen', organisations: ['polisen', 'skola'], peopleMet: 12, status: 'ny', followUpDate: '2026-04-02', followUpDoneAt: at(7), notes: TRICKY_TEXT.sqlInjection },
      ]);
    });
  });

  describe('digest subscriptions, deliveries and exports', function () {
    const subscription = {
      conversationId: origin.conversationId, tenantId: origin.tenantId, cadence: 'weekly' as const, weekday: 1, time: '07:30',
      locale: 'sv' as const, status: 'active' as const, pausedReason: null, createdBy: 'aad-user-1', createdAt: T0, updatedAt: T0,
    };

    it('saves, replaces, lists, pauses and removes a subscription', async function () {
      const { store } = ctx();
      await store.digestSubscriptions.save(subscription);
      assert.deepEqual(await store.digestSubscriptions.get(origin), subscription);
      const daily = { ...subscription, cadence: 'daily' as const, weekday: null, time: '06:00', updatedAt: at(1) };
      await store.digestSubscriptions.save(daily);
      assert.deepEqual(await store.digestSubscriptions.listActive(), [daily]);
      await store.digestSubscriptions.pause(origin, 'bot removed (HTTP 403)', at(2));
      assert.deepEqual(await store.digestSubscriptions.listActive(), []);
      assert.equal((await store.digestSubscriptions.get(origin))!.pausedReason, 'bot removed (HTTP 403)');
      assert.equal(await store.digestSubscriptions.remove(origin), true);
      assert.equal(await store.digestSubscriptions.remove(origin), false);
    });

    it('lets one claim of a (conversation, period) win, even when asked at once; a stale claim is taken over once', async function () {
      const { store } = ctx();
      const claim = (by: string, now = T0, staleBefore = at(-3600)) => store.digestDeliveries.claim({
        conversationId: origin.conversationId, periodKey: '2026-W11', scheduledFor: T0, claimedBy: by, now, staleBefore,
      });
      const ids = await Promise.all(['a', 'b', 'c', 'd'].map((by) => claim(by)));
      assert.equal(ids.filter((id) => id !== null).length, 1);
      const later = at(3600);
      const takeovers = await Promise.all(['e', 'f'].map((by) => claim(by, later, at(1800))));
      assert.equal(takeovers.filter((id) => id !== null).length, 1, 'one instance takes over a claim left unfinished');
      const { id } = takeovers.find((x) => x !== null)!;
      await store.digestDeliveries.recordAttempt({ deliveryId: id, attempt: 1, at: later, httpStatus: 429, outcome: 'retry', retryInMs: 3000 });
      await store.digestDeliveries.recordAttempt({ deliveryId: id, attempt: 2, at: later, httpStatus: 201, outcome: 'posted', retryInMs: null });
      await store.digestDeliveries.finish(id, 'posted', later, null);
      assert.equal(await claim('g', at(99999), at(99998)), null, 'a finished delivery is never taken over');
      const [delivery] = await store.digestDeliveries.list(origin.conversationId, 5);
      assert.deepEqual({ ...delivery, id: '' }, {
        id: '', conversationId: origin.conversationId, periodKey: '2026-W11', scheduledFor: T0, claimedBy: delivery!.claimedBy,
        claimedAt: later, status: 'posted', finishedAt: later, detail: null,
      });
      assert.deepEqual((await store.digestDeliveries.attempts(id)).map((a) => [a.attempt, a.httpStatus, a.outcome, a.retryInMs]), [
        [1, 429, 'retry', 3000], [2, 201, 'posted', null],
      ]);
    });

    it('tells whoever takes a delivery over about an attempt sent but never answered, and the attempts so far', async function () {
      const { store } = ctx();
      const claim = (by: string, now: Date) => store.digestDeliveries.claim({
        conversationId: origin.conversationId, periodKey: '2026-W12', scheduledFor: T0, claimedBy: by, now, staleBefore: now,
      });
      const first = (await claim('a', T0))!;
      assert.deepEqual({ ...first, id: '' }, { id: '', lastAttempt: 0, unconfirmed: null });
      await store.digestDeliveries.sending(first.id, 1, at(1));
      await store.digestDeliveries.recordAttempt({ deliveryId: first.id, attempt: 1, at: at(2), httpStatus: 429, outcome: 'retry', retryInMs: 1000 });
      assert.deepEqual(await claim('b', at(3)), { id: first.id, lastAttempt: 1, unconfirmed: null }, 'an answered attempt is no doubt');
      await store.digestDeliveries.sending(first.id, 2, at(4));
      assert.deepEqual(await claim('c', at(5)), { id: first.id, lastAttempt: 2, unconfirmed: { attempt: 2, since: at(4) } }, 'sent, never answered');
      await store.digestDeliveries.recordAttempt({ deliveryId: first.id, attempt: 3, at: at(6), httpStatus: 201, outcome: 'posted', retryInMs: null });
      await store.digestDeliveries.finish(first.id, 'posted', at(6), 'posted again after unconfirmed attempt 2');
      assert.equal(await claim('d', at(7)), null, 'finished');
    });

    it('records an export and finds it by its token hash only', async function () {
      const { store } = ctx();
      const record = {
        id: '5b3f1c1e-0000-4000-8000-000000000001', tokenHash: 'a'.repeat(64), tenantId: origin.tenantId, conversationId: origin.conversationId,
        userId: 'aad-user-1', periodKind: 'week' as const, periodFrom: T0, periodTo: at(7 * 86400), partial: true, createdAt: T0, expiresAt: at(900),
      };
      await store.digestExports.create(record);
      assert.deepEqual(await store.digestExports.findByTokenHash('a'.repeat(64)), record);
      assert.equal(await store.digestExports.findByTokenHash('b'.repeat(64)), null);
      assert.deepEqual(await store.digestExports.list(origin, 10), [record]);
    });

    it('gets an export by id only within its tenant and conversation, and replaces its token hash there only', async function () {
      const { store } = ctx();
      const record = {
        id: '5b3f1c1e-0000-4000-8000-000000000002', tokenHash: 'e'.repeat(64), tenantId: origin.tenantId, conversationId: origin.conversationId,
        userId: 'aad-user-1', periodKind: 'month' as const, periodFrom: T0, periodTo: at(30 * 86400), partial: false, createdAt: T0, expiresAt: at(900),
      };
      await store.digestExports.create(record);
      const otherChannel = { ...origin, conversationId: `${origin.conversationId}-other` };
      const otherTenant = { ...origin, tenantId: '0b0b0b0b-1111-4222-8333-444455556666' };
      assert.deepEqual(await store.digestExports.get(origin, record.id), record);
      assert.equal(await store.digestExports.get(otherChannel, record.id), null);
      assert.equal(await store.digestExports.get(otherTenant, record.id), null);
      assert.equal(await store.digestExports.replaceTokenHash(otherChannel, record.id, 'f'.repeat(64)), false);
      assert.equal(await store.digestExports.replaceTokenHash(otherTenant, record.id, 'f'.repeat(64)), false);
      assert.deepEqual(await store.digestExports.findByTokenHash('e'.repeat(64)), record, 'unchanged from elsewhere');
      assert.equal(await store.digestExports.replaceTokenHash(origin, record.id, 'f'.repeat(64)), true);
      assert.equal(await store.digestExports.findByTokenHash('e'.repeat(64)), null, 'the earlier link no longer works');
      assert.deepEqual(await store.digestExports.findByTokenHash('f'.repeat(64)), { ...record, tokenHash: 'f'.repeat(64) });
    });
  });
}

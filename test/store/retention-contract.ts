import assert from 'node:assert/strict';
import type { Store } from '../../src/domain/ports/store.port';
import { RECORD_KINDS, type RecordKind } from '../../src/domain/ports/retention.port';
import type { ChatScope } from '../../src/domain/scope';
import type { Place } from '../../src/domain/place';
import type { UserProfile } from '../../src/domain/conversation';
import { T0, activityFields, at, newReport, origin, otherTenant, reporter, tenant } from './store-fixtures';

const REMOVED = '[borttagen enligt gallringsregel]';
const DAY = 86_400;
const owner = { userId: 'aad-user-2', name: 'Örjan Åberg' };
const gone = { userId: 'gallrad', name: '' };

const profile = (userId: string, tenantId = tenant.tenantId, updatedAt = T0): UserProfile => ({
  userId, tenantId, organisation: 'skola', school: 'Ängsskolan', updatedAt, chatUserId: `29:${userId}`, displayName: `Namn ${userId}`,
});

/**
 * Retention of hot spot work, visits and profiles, part of the store contract: old text and people go,
 * what the lägesbild, hot spot counts and effect calculation need stays.
 */
export function retentionContract(ctx: () => { store: Store; place: Place }): void {
  describe('retention', function () {
    it('empties hot spots last changed before the cutoff and measures made before it, keeping stage, place, organisation and dates', async function () {
      const { store, place } = ctx();
      const recentPlace = await store.places.findOrCreate(tenant, 'Parken', T0);
      const old = await store.hotspots.create({ placeId: place.id, ownerOrganisation: 'polisen', owner, createdBy: reporter, origin, now: T0 });
      assert.ok(old.ok);
      const analysis = { who: 'Gamla Kalle, 15 år', what: 'Glaskross', when: null, why: 'Mörkt' };
      await store.hotspots.update(tenant, {
        id: old.hotspot.id, expectedVersion: 1, actorId: owner.userId, now: at(1), state: 'foljs_upp', analysis, followUpDate: '2026-04-01',
        addMeasure: { what: 'Belysning vid Kalles port', organisation: 'kommunen', dueDate: '2026-03-20', createdBy: reporter },
      });
      const [oldMeasure] = await store.hotspots.measures(tenant, [old.hotspot.id]);
      await store.hotspots.update(tenant, { id: old.hotspot.id, expectedVersion: 2, actorId: owner.userId, now: at(2), measureDone: oldMeasure!.id });
      const before = (await store.hotspots.get(tenant, old.hotspot.id))!;

      const recent = await store.hotspots.create({ placeId: recentPlace.id, ownerOrganisation: 'polisen', owner, createdBy: owner, origin, now: at(20 * DAY) });
      assert.ok(recent.ok);
      const recentAnalysis = { who: 'Nya gänget', what: null, when: null, why: null };
      await store.hotspots.update(tenant, {
        id: recent.hotspot.id, expectedVersion: 1, actorId: owner.userId, now: at(20 * DAY), analysis: recentAnalysis,
        addMeasure: { what: 'Ny åtgärd', organisation: 'polisen', dueDate: null, createdBy: owner },
      });
      const recentBefore = (await store.hotspots.get(tenant, recent.hotspot.id))!;
      const recentMeasures = await store.hotspots.measures(tenant, [recent.hotspot.id]);

      const counts = await store.retention.anonymiseBefore(at(10 * DAY), at(30 * DAY));
      assert.deepEqual(counts, [{ tenantId: tenant.tenantId, incidents: 0, activities: 0, hotspots: 1, measures: 1, profiles: 0 }]);

      assert.deepEqual(await store.hotspots.get(tenant, old.hotspot.id), {
        ...before, owner: gone, createdBy: gone, analysis: { who: REMOVED, what: REMOVED, when: null, why: REMOVED }, version: before.version + 1,
      }, 'stage, place, owner organisation, follow-up and times stay; an unanswered question stays unanswered');
      assert.deepEqual(await store.hotspots.measures(tenant, [old.hotspot.id]), [{ ...oldMeasure!, doneAt: at(2), what: REMOVED, createdBy: gone }],
        'the effect calculation still has when the first measure came, and whether it is done');
      assert.deepEqual(await store.hotspots.get(tenant, recent.hotspot.id), recentBefore);
      assert.deepEqual(await store.hotspots.measures(tenant, [recent.hotspot.id]), recentMeasures);

      assert.deepEqual(await store.retention.anonymiseBefore(at(10 * DAY), at(31 * DAY)), [], 'a second run finds nothing left');
      assert.deepEqual(await store.hotspots.update(tenant, { id: old.hotspot.id, expectedVersion: before.version, actorId: owner.userId, now: at(32 * DAY), followUpDate: null }),
        { ok: false, reason: 'conflict' }, 'a card drawn before retention cannot write its old text back');

      // Worked on again, the hot spot holds new text: it goes once that change is old too.
      const reopened = await store.hotspots.update(tenant, {
        id: old.hotspot.id, expectedVersion: before.version + 1, actorId: owner.userId, now: at(40 * DAY), state: 'kartlaggs',
        owner: { organisation: 'polisen', person: owner }, analysis: { who: 'Ny analys', what: null, when: null, why: null },
      });
      assert.ok(reopened.ok);
      assert.deepEqual(await store.retention.anonymiseBefore(at(35 * DAY), at(45 * DAY)), [
        { tenantId: tenant.tenantId, incidents: 0, activities: 0, hotspots: 1, measures: 1, profiles: 0 },
      ], 'the recent hot spot and its measure are old by now; the reopened one is not');
      assert.equal((await store.hotspots.get(tenant, old.hotspot.id))?.analysis.who, 'Ny analys');
      assert.deepEqual(await store.retention.anonymiseBefore(at(50 * DAY), at(55 * DAY)), [
        { tenantId: tenant.tenantId, incidents: 0, activities: 0, hotspots: 1, measures: 0, profiles: 0 },
      ]);
      assert.deepEqual((await store.hotspots.get(tenant, old.hotspot.id))?.analysis, { who: REMOVED, what: null, when: null, why: null });
    });

    it('empties the notes of old hot spot visits (activities) and keeps them countable at the place', async function () {
      const { store, place } = ctx();
      const visit = await store.activities.create(newReport(activityFields({
        type: 'hotspot_besok', date: '2026-01-10', placeId: place.id, placeName: place.name, peopleMet: 6, notes: 'Pratade med Kalle om hans bror',
        followUpDate: '2026-01-20',
      })));
      await store.activities.update(origin, { id: visit.id, actorId: 'aad-user-7', expectedVersion: 1, followUpDone: true, now: T0 });
      const talk = await store.activities.create(newReport(activityFields({
        type: 'samtal_med_berorda', date: '2026-03-01', placeId: place.id, placeName: place.name, peopleMet: 2, notes: 'Nytt samtal',
      })));
      const counts = await store.retention.anonymiseBefore(new Date('2026-02-01T00:00:00Z'), at(1));
      assert.deepEqual(counts, [{ tenantId: tenant.tenantId, incidents: 0, activities: 1, hotspots: 0, measures: 0, profiles: 0 }]);
      const emptied = await store.activities.get(origin, visit.id);
      assert.equal(emptied?.notes, REMOVED);
      assert.deepEqual(emptied?.reporter, { userId: 'gallrad', name: '' });
      assert.deepEqual(emptied?.followUpDone, { at: T0, byUserId: 'gallrad' }, 'that it was followed up stays; who did it goes');
      assert.equal((await store.activities.get(origin, talk.id))?.notes, 'Nytt samtal');
      assert.deepEqual((await store.placeHistory.visits(tenant, [place.id], ['hotspot_besok', 'samtal_med_berorda'])).map((v) => [v.id, v.type, v.date, v.peopleMet]),
        [[visit.id, 'hotspot_besok', '2026-01-10', 6], [talk.id, 'samtal_med_berorda', '2026-03-01', 2]]);
    });

    it('removes the profiles of users not seen since the cutoff, in every tenant; being seen keeps one', async function () {
      const { store } = ctx();
      await store.users.save(profile('aad-active'));
      await store.users.save(profile('aad-away'));
      await store.users.save(profile('aad-elsewhere', otherTenant.tenantId));
      await store.users.markSeen(tenant, 'aad-active', at(15 * DAY), at(15 * DAY - 3600));
      // A coordinator changing someone's organisation is not that person being seen.
      await store.users.save({ ...profile('aad-away'), organisation: 'fritid', updatedAt: at(15 * DAY) });
      await store.users.markSeen(otherTenant, 'aad-away', at(15 * DAY), at(15 * DAY - 3600));
      await store.users.markSeen(tenant, 'aad-never-saved', at(15 * DAY), at(15 * DAY - 3600));

      const counts = await store.retention.anonymiseBefore(at(10 * DAY), at(20 * DAY));
      assert.deepEqual([...counts].sort((a, b) => a.tenantId.localeCompare(b.tenantId)), [
        { tenantId: tenant.tenantId, incidents: 0, activities: 0, hotspots: 0, measures: 0, profiles: 1 },
        { tenantId: otherTenant.tenantId, incidents: 0, activities: 0, hotspots: 0, measures: 0, profiles: 1 },
      ]);
      assert.equal(await store.users.get(tenant, 'aad-away'), null);
      assert.equal(await store.users.findByChatUserId(tenant, '29:aad-away'), null);
      assert.equal(await store.users.get(otherTenant, 'aad-elsewhere'), null);
      assert.deepEqual(await store.users.get(tenant, 'aad-active'), profile('aad-active'));
      assert.equal(await store.users.get(tenant, 'aad-never-saved'), null, 'being seen creates no profile');
      assert.deepEqual(await store.retention.anonymiseBefore(at(10 * DAY), at(21 * DAY)), []);
    });

    it('writes "last seen" only when the stored one is older than the given day start', async function () {
      const { store } = ctx();
      await store.users.save(profile('aad-seen'));
      await store.users.markSeen(tenant, 'aad-seen', at(100 * DAY), at(100 * DAY - 3600));
      // Seen again, but the stored time (day 100) is not before the given start (day 50): nothing is written.
      await store.users.markSeen(tenant, 'aad-seen', at(200 * DAY), at(50 * DAY));
      assert.deepEqual(await store.retention.anonymiseBefore(at(99 * DAY), at(300 * DAY)), []);
      assert.deepEqual((await store.retention.anonymiseBefore(at(150 * DAY), at(300 * DAY))).map((c) => c.profiles), [1],
        'last seen on day 100, not day 200');
    });

    it('removes the EST week\'s old marks, nudges and reasons, expired export links and the yearly documents past their years; recent rows and other kinds stay', async function () {
      const { store, place } = ctx();
      const cutoff = new Date('2023-11-24T23:00:00Z');
      const documentYear = 2016;
      await seedRecords(store, origin, place.id, { old: true });
      await seedRecords(store, origin, place.id, { old: false });
      // Another tenant: its recent rows stay, its own old mark goes and is counted in its own row.
      const otherTenantChat = { tenantId: otherTenant.tenantId, conversationId: 'conversation-elsewhere' };
      await seedRecords(store, otherTenantChat, place.id, { old: false });
      await store.est.markNothingToReport(otherTenantChat, '2022-01-04', 'polisen', 'aad-other', at(0));

      const counts = await store.retention.removeRecordsBefore({ cutoff, documentYear });
      const none = Object.fromEntries(RECORD_KINDS.map((k) => [k, 0])) as Record<RecordKind, number>;
      assert.deepEqual([...counts].sort((a, b) => a.tenantId.localeCompare(b.tenantId)), [
        { ...none, tenantId: tenant.tenantId, assessments: 1, nothingToReport: 1, nudges: 1, exports: 1, analyses: 1, promises: 1, meetings: 1, priorities: 2 },
        { ...none, tenantId: otherTenant.tenantId, nothingToReport: 1 },
      ]);
      assert.deepEqual(await store.retention.removeRecordsBefore({ cutoff, documentYear }), [], 'a second run finds nothing left');

      const [oldWeek, oldEmptyWeek, newWeek] = ['2022-01-03', '2022-01-10', '2026-11-16'];
      assert.deepEqual((await store.est.assessments(origin, [oldWeek, oldEmptyWeek, newWeek])).map((a) => [a.weekStart, a.level, a.reason]),
        [[oldWeek, 3, REMOVED], [oldEmptyWeek, 2, ''], [newWeek, 1, 'Ny oro vid torget']], 'the level stays in the area history; only typed text goes');
      assert.deepEqual(await store.est.nothingToReport(origin, '2022-01-04'), []);
      assert.deepEqual(await store.est.nothingToReport(origin, '2026-11-17'), ['polisen']);
      assert.deepEqual(await store.est.nothingToReport(otherTenantChat, '2026-11-17'), ['polisen'], 'the other tenant keeps its recent mark');
      assert.equal(await store.est.claimNudge(origin, '2022-01-04', 'aad-reporter', at(1)), true, 'the old claim went');
      assert.equal(await store.est.claimNudge(origin, '2026-11-17', 'aad-reporter', at(1)), false, 'the recent claim stays');
      assert.deepEqual(await store.est.priorities(origin, '2015-T3'), []);
      assert.deepEqual(await store.est.priorities(origin, '2016-T1'), [place.id], 'a tertial of the document year itself stays');
      assert.deepEqual((await store.digestExports.list(origin, 10)).map((e) => e.id), [`export-recent-${origin.tenantId}`]);

      assert.equal(await store.lawAnalyses.get(origin, 2015), null);
      assert.equal((await store.lawAnalyses.get(origin, 2016))?.text, 'Analys 2016');
      assert.deepEqual(await store.promises.year(tenant, 2015), []);
      assert.deepEqual(await store.promises.meetings(tenant, 2015), []);
      assert.deepEqual((await store.promises.year(tenant, 2016)).map((p) => p.title), ['Löfte 2016']);
      assert.deepEqual((await store.promises.meetings(tenant, 2016)).map((m) => m.decisions), ['Beslut 2016']);
      assert.equal((await store.promises.year(otherTenant, 2016)).length, 1, "the other tenant's documents stay");
      const [served] = (await store.reports.latest(origin, 50)).filter((r) => r.kind === 'activity');
      const activity = await store.activities.get(origin, served!.id);
      assert.equal(activity?.commitmentId, undefined, 'the activity stays; only its link to the removed commitment went');

    });

    it('can erase what it removed from the engine\'s files', async function () {
      const { store } = ctx();
      assert.equal(await store.retention.eraseRemnants(), true);
    });
  });
}

/**
 * One tenant's EST week, export and yearly documents, old (of 2015 and weeks in 2022, long before the
 * cutoff of 2023-11-24 and the document year 2016) or recent (2016 documents, weeks of November 2026).
 */
async function seedRecords(store: Store, chat: ChatScope, areaId: string, { old }: { old: boolean }): Promise<void> {
  const scope = { tenantId: chat.tenantId };
  const by = 'aad-coordinator';
  if (old) {
    await store.est.saveAssessment(chat, { areaId, weekStart: '2022-01-03', level: 3, reason: 'Oro vid Kalles port', setBy: by, setAt: at(0) });
    await store.est.saveAssessment(chat, { areaId, weekStart: '2022-01-10', level: 2, reason: '', setBy: by, setAt: at(0) });
  } else {
    await store.est.saveAssessment(chat, { areaId, weekStart: '2026-11-16', level: 1, reason: 'Ny oro vid torget', setBy: by, setAt: at(0) });
  }
  const meetingDay = old ? '2022-01-04' : '2026-11-17';
  await store.est.markNothingToReport(chat, meetingDay, 'polisen', by, at(0));
  await store.est.claimNudge(chat, meetingDay, 'aad-reporter', at(0));
  await store.est.savePriorities(chat, old ? '2015-T3' : '2016-T1', [areaId], by, at(0));
  if (old) await store.est.savePriorities(chat, '2015-T2', [areaId], by, at(0));
  await store.digestExports.create({
    id: `export-${old ? 'old' : 'recent'}-${chat.tenantId}`, tokenHash: `hash-${old ? 'old' : 'recent'}-${chat.tenantId}`, ...chat, userId: by,
    periodKind: 'week', periodFrom: at(0), periodTo: at(0), partial: false,
    createdAt: old ? new Date('2022-01-01T10:00:00Z') : new Date('2026-11-20T10:00:00Z'),
    expiresAt: old ? new Date('2022-01-01T10:15:00Z') : new Date('2026-11-20T10:15:00Z'),
  });
  const year = old ? 2015 : 2016;
  await store.lawAnalyses.save(chat, { year, text: `Analys ${year}`, updatedBy: by, updatedAt: at(0) });
  const added = await store.promises.add(scope, [{
    year, title: `Löfte ${year}`, text: 'Vi ska synas mer i centrum',
    commitments: [{ text: 'Nattvandring varje fredag', organisations: ['polisen'], periodFrom: `${year}-01-01`, periodTo: `${year}-12-31` }],
  }], by, at(0));
  assert.ok(added.ok);
  await store.promises.recordMeeting(scope, { year, date: `${year}-10-01`, organisations: ['polisen', 'kommunen'], decisions: `Beslut ${year}`, recordedBy: by, recordedAt: at(0) });
  if (old) {
    await store.activities.create(newReport(activityFields({ date: '2015-06-01', commitmentId: added.promises[0]!.commitments[0]!.id }), { origin: chat }));
  }
}

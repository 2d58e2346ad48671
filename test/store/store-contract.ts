import assert from 'node:assert/strict';
import { StoreUnavailableError } from '../../src/domain/errors';
import type { Store } from '../../src/domain/ports/store.port';
import type { Place } from '../../src/domain/place';
import type { Activity, Incident } from '../../src/domain/report';
import { PROFILE_REWRITE_AFTER_MS } from '../../src/store/repositories/users';
import {
  T0, TRICKY_TEXT, activityFields, at, conversationRecord, incidentFields, newReport, origin, otherChat, otherTenant, otherTenantChat, reporter, tenant,
} from './store-fixtures';
import { auditContract } from './audit-contract';
import { hotspotContract } from './hotspot-contract';
import { isolationContract } from './isolation-contract';
import { calendarCountsContract } from './calendar-counts-contract';
import { lagesbildContract } from './lagesbild-contract';
import { mapIncidentsContract } from './map-incidents-contract';
import { retentionContract } from './retention-contract';
import { submitKeyContract } from './submit-key-contract';
import { cardMessageContract } from './card-message-contract';
import { jobLeaseContract } from './job-lease-contract';
import { estContract } from './est-contract';
import { schoolContract } from './school-contract';
import { mobilisationContract } from './mobilisation-contract';
import { promiseContract } from './promise-contract';
import { lawAnalysisContract } from './law-analysis-contract';
import type { TakeSnapshot } from './store-snapshot';

export interface StoreContractOptions {
  /** Every row of the current store's database, when the adapter can be looked into from outside. */
  snapshot?: TakeSnapshot;
}

/**
 * The behaviour every Store adapter must show. Each test gets a store of its own from `makeStore`
 * (an empty database) and closes it afterwards.
 */
export function storeContract(name: string, makeStore: () => Promise<Store>, options: StoreContractOptions = {}): void {
  describe(`Store contract: ${name}`, function () {
    let store: Store;
    let place: Place;

    beforeEach(async function () {
      store = await makeStore();
      place = await store.places.findOrCreate(tenant, 'Stora torget', T0);
    });

    afterEach(async function () {
      await store.close();
    });

    describe('incidents', function () {
      it('creates an incident with id, first reference, version 1 and status ny, and reads every field back', async function () {
        const created = await store.incidents.create(newReport(incidentFields(place.id)));
        const expected: Incident = {
          kind: 'incident',
          resolution: null,
          id: created.id,
          ref: 'H-2026-0001',
          status: 'ny',
          assignee: null,
          reporter,
          organisationConfirmed: false,
          origin,
          createdAt: T0,
          updatedAt: T0,
          version: 1,
          ...incidentFields(place.id),
        };
        assert.match(created.id, /^[0-9a-f-]{36}$/);
        assert.deepEqual(created, expected);
        assert.deepEqual(await store.incidents.get(origin, created.id), expected);
      });

      it('records whether the reporter\'s organisation was confirmed, and keeps it through a change', async function () {
        const confirmed = await store.incidents.create(newReport(incidentFields(place.id), { organisationConfirmed: true }));
        const claimed = await store.incidents.create(newReport(incidentFields(place.id)));
        assert.equal(confirmed.organisationConfirmed, true);
        assert.equal((await store.incidents.get(origin, confirmed.id))?.organisationConfirmed, true);
        assert.equal((await store.incidents.get(origin, claimed.id))?.organisationConfirmed, false);
        const changed = await store.incidents.update(origin, { id: confirmed.id, actorId: 'auditor-1', expectedVersion: 1, status: 'hanteras', now: at(1) });
        assert.equal(changed.ok && changed.report.organisationConfirmed, true);
        const activity = await store.activities.create(newReport(activityFields(), { organisationConfirmed: true }));
        assert.equal((await store.activities.get(origin, activity.id))?.organisationConfirmed, true);
      });

      it('keeps empty optional fields empty', async function () {
        const fields = incidentFields(place.id, { school: null, youthInvolved: null, policeReportNumber: null });
        const created = await store.incidents.create(newReport(fields));
        const read = await store.incidents.get(origin, created.id);
        assert.equal(read?.school, null);
        assert.equal(read?.youthInvolved, null);
        assert.equal(read?.policeReportNumber, null);
      });

      it('stores Swedish letters, SQL and markup verbatim', async function () {
        for (const text of Object.values(TRICKY_TEXT)) {
          const created = await store.incidents.create(newReport(
            incidentFields(place.id, { description: text, school: text, policeReportNumber: text.slice(0, 40), placeName: text }),
            { reporter: { userId: text, name: text }, origin: { tenantId: 'tenant-1', conversationId: text } },
          ));
          const read = await store.incidents.get(created.origin, created.id);
          assert.equal(read?.description, text);
          assert.equal(read?.school, text);
          assert.equal(read?.placeName, text);
          assert.equal(read?.policeReportNumber, text.slice(0, 40));
          assert.deepEqual(read?.reporter, { userId: text, name: text });
          assert.equal(read?.origin.conversationId, text);
        }
        const [first] = await store.reports.latest({ tenantId: 'tenant-1', conversationId: TRICKY_TEXT.sqlInjection }, 10);
        assert.equal(first?.placeName, TRICKY_TEXT.sqlInjection);
      });

      it('returns null for an unknown id', async function () {
        assert.equal(await store.incidents.get(origin, '00000000-0000-0000-0000-000000000000'), null);
      });

      it('refuses an incident whose place does not exist', async function () {
        await assert.rejects(store.incidents.create(newReport(incidentFields('00000000-0000-0000-0000-000000000000'))));
      });

      it('updates fields, status and assignee, bumping the version', async function () {
        const created = await store.incidents.create(newReport(incidentFields(place.id)));
        const other = await store.places.findOrCreate(tenant, 'Ängsvägen', T0);
        const fields = incidentFields(other.id, {
          placeName: other.name, category: 'brand', severity: 'hog', description: 'Brand i papperskorg',
          school: null, youthInvolved: null, policeReportNumber: null, occurredAt: at(-3600), organisation: 'raddningstjanst',
        });
        const assignee = { userId: 'aad-user-2', name: 'Örjan Åberg' };
        const result = await store.incidents.update(origin, { id: created.id, actorId: 'auditor-1', expectedVersion: 1, fields, status: 'hanteras', assignee, now: at(60) });
        const expected: Incident = { ...created, ...fields, status: 'hanteras', assignee, updatedAt: at(60), version: 2 };
        assert.deepEqual(result, { ok: true, report: expected });
        assert.deepEqual(await store.incidents.get(origin, created.id), expected);
      });

      it('stores what was done when an incident is closed, keeps it through a later edit, and reads Swedish text back verbatim', async function () {
        const created = await store.incidents.create(newReport(incidentFields(place.id)));
        const answer = 'Klottret sanerat; fastighetsbolaget åtgärdade belysningen – "inget mer"';
        const closed = await store.incidents.update(origin, { id: created.id, actorId: 'a', expectedVersion: 1, status: 'atgardad', resolution: answer, now: at(60) });
        assert.ok(closed.ok);
        assert.equal(closed.report.resolution, answer);
        await store.incidents.update(origin, { id: created.id, actorId: 'a', expectedVersion: 2, fields: incidentFields(place.id, { description: 'Ändrad' }), now: at(120) });
        const read = await store.incidents.get(origin, created.id);
        assert.deepEqual([read?.status, read?.resolution, read?.description], ['atgardad', answer, 'Ändrad']);
      });

      it('leaves what a change does not name as it was, and clears an assignee given as null', async function () {
        const created = await store.incidents.create(newReport(incidentFields(place.id)));
        const assignee = { userId: 'aad-user-2', name: 'Örjan' };
        await store.incidents.update(origin, { id: created.id, actorId: 'auditor-1', expectedVersion: 1, assignee, now: at(1) });
        const statusOnly = await store.incidents.update(origin, { id: created.id, actorId: 'auditor-1', expectedVersion: 2, status: 'atgardad', now: at(2) });
        assert.deepEqual(statusOnly, { ok: true, report: { ...created, assignee, status: 'atgardad', updatedAt: at(2), version: 3 } });
        const cleared = await store.incidents.update(origin, { id: created.id, actorId: 'auditor-1', expectedVersion: 3, assignee: null, now: at(3) });
        assert.equal(cleared.ok && cleared.report.assignee, null);
      });

      it('refuses a change based on an old version (conflict) and one of a report that is gone (missing)', async function () {
        const created = await store.incidents.create(newReport(incidentFields(place.id)));
        assert.equal((await store.incidents.update(origin, { id: created.id, actorId: 'auditor-1', expectedVersion: 1, status: 'hanteras', now: at(1) })).ok, true);
        assert.deepEqual(
          await store.incidents.update(origin, { id: created.id, actorId: 'auditor-1', expectedVersion: 1, status: 'atgardad', now: at(2) }),
          { ok: false, reason: 'conflict' },
        );
        assert.equal((await store.incidents.get(origin, created.id))?.status, 'hanteras');
        assert.deepEqual(
          await store.incidents.update(origin, { id: '00000000-0000-0000-0000-000000000000', actorId: 'auditor-1', expectedVersion: 1, status: 'hanteras', now: at(3) }),
          { ok: false, reason: 'missing' },
        );
      });
    });

    describe('activities', function () {
      it('creates an activity and reads every field back', async function () {
        const fields = activityFields({ placeId: place.id, placeName: place.name });
        const created = await store.activities.create(newReport(fields));
        const expected: Activity = {
          kind: 'activity',
          id: created.id,
          ref: 'A-2026-0001',
          status: 'ny',
          assignee: null,
          reporter,
          organisationConfirmed: false,
          origin,
          createdAt: T0,
          updatedAt: T0,
          version: 1,
          ...fields,
          followUpDone: null,
        };
        assert.deepEqual(created, expected);
        assert.deepEqual(await store.activities.get(origin, created.id), expected);
      });

      it('keeps empty optional fields empty, with no place and no organisations', async function () {
        const fields = activityFields({ placeId: null, placeName: null, organisations: [], peopleMet: null, followUpDate: null });
        const created = await store.activities.create(newReport(fields));
        assert.deepEqual(await store.activities.get(origin, created.id), created);
        assert.deepEqual(created.organisations, []);
        assert.equal(created.followUpDate, null);
      });

      it('marks a follow-up done, when and by whom, once per version read, audited', async function () {
        const created = await store.activities.create(newReport(activityFields({ followUpDate: '2026-03-12' })));
        const done = await store.activities.update(origin, { id: created.id, actorId: 'aad-user-2', expectedVersion: 1, followUpDone: true, now: at(3) });
        assert.ok(done.ok);
        assert.deepEqual(done.report.followUpDone, { at: at(3), byUserId: 'aad-user-2' });
        assert.equal(done.report.version, 2);
        assert.deepEqual((await store.activities.get(origin, created.id))?.followUpDone, { at: at(3), byUserId: 'aad-user-2' });
        assert.deepEqual(
          await store.activities.update(origin, { id: created.id, actorId: 'aad-user-3', expectedVersion: 1, followUpDone: true, now: at(4) }),
          { ok: false, reason: 'conflict' }, 'a card drawn before is a conflict',
        );
        const trail = (await store.audit.latest(tenant, 10)).filter((e) => e.entityId === created.id).map((e) => [e.action, e.actorId]);
        assert.deepEqual(trail, [['report.follow_up_done', 'aad-user-2'], ['report.created', reporter.userId]]);
      });

      it('keeps a done follow-up through an edit of other fields, and starts a new one when its day is moved', async function () {
        const created = await store.activities.create(newReport(activityFields({ followUpDate: '2026-03-12' })));
        await store.activities.update(origin, { id: created.id, actorId: 'aad-user-2', expectedVersion: 1, followUpDone: true, now: at(3) });
        const edited = await store.activities.update(origin, { id: created.id, actorId: 'aad-user-2', expectedVersion: 2, fields: activityFields({ followUpDate: '2026-03-12', notes: 'Ny text' }), now: at(4) });
        assert.ok(edited.ok);
        assert.deepEqual(edited.report.followUpDone, { at: at(3), byUserId: 'aad-user-2' });
        const moved = await store.activities.update(origin, { id: created.id, actorId: 'aad-user-2', expectedVersion: 3, fields: activityFields({ followUpDate: '2026-04-01' }), now: at(5) });
        assert.ok(moved.ok);
        assert.equal(moved.report.followUpDone, null);
        assert.equal((await store.activities.get(origin, created.id))?.followUpDone, null);
      });

      it('keeps the organisations in the order given, each once', async function () {
        const created = await store.activities.create(newReport(activityFields({ organisations: ['skola', 'annan', 'polisen', 'skola'] })));
        assert.deepEqual(created.organisations, ['skola', 'annan', 'polisen']);
        assert.deepEqual((await store.activities.get(origin, created.id))?.organisations, ['skola', 'annan', 'polisen']);
      });

      it('stores Swedish letters, SQL and markup in notes verbatim', async function () {
        const notes = Object.values(TRICKY_TEXT).join('\n');
        const created = await store.activities.create(newReport(activityFields({ notes, placeName: TRICKY_TEXT.script })));
        const read = await store.activities.get(origin, created.id);
        assert.equal(read?.notes, notes);
        assert.equal(read?.placeName, TRICKY_TEXT.script);
      });

      it('updates fields (organisations included), status and assignee with optimistic concurrency', async function () {
        const created = await store.activities.create(newReport(activityFields()));
        const fields = activityFields({ type: 'nattvandring', date: '2026-03-20', organisations: ['fritid'], notes: 'Ny text', peopleMet: null, followUpDate: null, placeId: place.id, placeName: place.name });
        const assignee = { userId: 'aad-user-3', name: 'Kim' };
        const result = await store.activities.update(origin, { id: created.id, actorId: 'auditor-1', expectedVersion: 1, fields, status: 'hanteras', assignee, now: at(5) });
        const expected: Activity = { ...created, ...fields, status: 'hanteras', assignee, updatedAt: at(5), version: 2 };
        assert.deepEqual(result, { ok: true, report: expected });
        assert.deepEqual(await store.activities.get(origin, created.id), expected);
        assert.deepEqual(
          await store.activities.update(origin, { id: created.id, actorId: 'auditor-1', expectedVersion: 1, fields: activityFields(), now: at(6) }),
          { ok: false, reason: 'conflict' },
        );
        assert.deepEqual((await store.activities.get(origin, created.id))?.organisations, ['fritid'], 'a refused change must not touch the organisations');
        assert.deepEqual(
          await store.activities.update(origin, { id: 'no-such-activity', actorId: 'auditor-1', expectedVersion: 1, status: 'hanteras', now: at(7) }),
          { ok: false, reason: 'missing' },
        );
      });

      it('returns null for an unknown id', async function () {
        assert.equal(await store.activities.get(origin, 'no-such-activity'), null);
      });
    });

    describe('reference numbers', function () {
      it('counts per kind and year, and starts again at 1 in a new year', async function () {
        const refs = [];
        refs.push((await store.incidents.create(newReport(incidentFields(place.id)))).ref);
        refs.push((await store.incidents.create(newReport(incidentFields(place.id)))).ref);
        refs.push((await store.activities.create(newReport(activityFields()))).ref);
        refs.push((await store.incidents.create(newReport(incidentFields(place.id), { refYear: 2027 }))).ref);
        refs.push((await store.activities.create(newReport(activityFields(), { refYear: 2027 }))).ref);
        refs.push((await store.incidents.create(newReport(incidentFields(place.id)))).ref);
        assert.deepEqual(refs, ['H-2026-0001', 'H-2026-0002', 'A-2026-0001', 'H-2027-0001', 'A-2027-0001', 'H-2026-0003']);
      });

      it('counts per tenant: another tenant\'s first report is number 1, whatever this tenant has made', async function () {
        const theirPlace = await store.places.findOrCreate(otherTenant, 'Stora torget', T0);
        const mine = [];
        for (let i = 0; i < 3; i++) mine.push((await store.incidents.create(newReport(incidentFields(place.id)))).ref);
        mine.push((await store.activities.create(newReport(activityFields()))).ref);
        const theirs = await Promise.all(Array.from({ length: 4 }, (_, i) => i % 2 === 0
          ? store.incidents.create(newReport(incidentFields(theirPlace.id), { origin: otherTenantChat }))
          : store.activities.create(newReport(activityFields(), { origin: otherTenantChat }))));
        assert.deepEqual(mine, ['H-2026-0001', 'H-2026-0002', 'H-2026-0003', 'A-2026-0001']);
        assert.deepEqual(theirs.map((r) => r.ref).sort(), ['A-2026-0001', 'A-2026-0002', 'H-2026-0001', 'H-2026-0002']);
        assert.equal((await store.incidents.create(newReport(incidentFields(place.id)))).ref, 'H-2026-0004');
      });

      it('gives concurrent creates unique, gapless numbers', async function () {
        const created = await Promise.all(Array.from({ length: 20 }, (_, i) =>
          i % 2 === 0
            ? store.incidents.create(newReport(incidentFields(place.id)))
            : store.activities.create(newReport(activityFields()))));
        const refs = created.map((r) => r.ref).sort();
        const expected = [
          ...Array.from({ length: 10 }, (_, i) => `A-2026-${String(i + 1).padStart(4, '0')}`),
          ...Array.from({ length: 10 }, (_, i) => `H-2026-${String(i + 1).padStart(4, '0')}`),
        ];
        assert.deepEqual(refs, expected);
        assert.equal(new Set(created.map((r) => r.id)).size, 20);
      });
    });

    describe('latest reports', function () {
      it('lists incidents and activities of one conversation by when they happened, latest first, up to the limit', async function () {
        const other = { tenantId: 'tenant-1', conversationId: 'conversation-2' };
        const a1 = await store.activities.create(newReport(activityFields({ date: '2026-03-10', placeId: place.id, placeName: place.name }), { now: at(1) }));
        const h1 = await store.incidents.create(newReport(incidentFields(place.id, { occurredAt: new Date('2026-03-13T21:15:00.000Z') }), { now: at(2) }));
        await store.incidents.create(newReport(incidentFields(place.id), { now: at(3), origin: other }));
        const a2 = await store.activities.create(newReport(activityFields({ type: 'skolbesok', date: '2026-03-12' }), { now: at(4) }));
        // Registered last, happened before the others but one: it is listed by when it happened.
        const h2 = await store.incidents.create(newReport(incidentFields(place.id, { category: 'brand', occurredAt: new Date('2026-03-11T10:00:00.000Z') }), { now: at(5) }));
        await store.incidents.update(origin, { id: h1.id, actorId: 'auditor-1', expectedVersion: 1, status: 'hanteras', now: at(6) });

        const latest = await store.reports.latest(origin, 10);
        assert.deepEqual(latest, [
          { kind: 'incident', id: h1.id, ref: h1.ref, status: 'hanteras', createdAt: at(2), occurred: { at: new Date('2026-03-13T21:15:00.000Z') }, topic: 'skadegorelse_glaskross', placeName: 'Stora torget' },
          { kind: 'activity', id: a2.id, ref: a2.ref, status: 'ny', createdAt: at(4), occurred: { day: '2026-03-12' }, topic: 'skolbesok', placeName: null },
          { kind: 'incident', id: h2.id, ref: h2.ref, status: 'ny', createdAt: at(5), occurred: { at: new Date('2026-03-11T10:00:00.000Z') }, topic: 'brand', placeName: 'Stora torget' },
          { kind: 'activity', id: a1.id, ref: a1.ref, status: 'ny', createdAt: at(1), occurred: { day: '2026-03-10' }, topic: 'trygghetsvandring', placeName: 'Stora torget' },
        ]);
        assert.deepEqual((await store.reports.latest(origin, 2)).map((r) => r.id), [h1.id, a2.id]);
        assert.equal((await store.reports.latest(other, 10)).length, 1);
        assert.deepEqual(await store.reports.latest({ ...origin, conversationId: 'conversation-without-reports' }, 10), []);
        assert.deepEqual(await store.reports.latest(origin, 0), []);
      });

      it('narrows the list to open reports, to one user\'s (reported or handled) and to a school, in the query and within the scope', async function () {
        const someoneElse = { userId: 'aad-user-2', name: 'Bo Berg' };
        const other = { tenantId: 'tenant-1', conversationId: 'conversation-2' };
        const school = await store.places.findOrCreate(tenant, 'Ängsskolan', T0, 'skola');
        const day = (d: number) => new Date(`2026-03-${String(d).padStart(2, '0')}T12:00:00.000Z`);
        const mineOpen = await store.incidents.create(newReport(incidentFields(place.id, { occurredAt: day(10) }), { now: at(1) }));
        const mineDone = await store.incidents.create(newReport(incidentFields(place.id, { occurredAt: day(9), school: null }), { now: at(2) }));
        await store.incidents.update(origin, { id: mineDone.id, actorId: reporter.userId, expectedVersion: 1, status: 'atgardad', now: at(3) });
        const handledByMe = await store.incidents.create(newReport(incidentFields(place.id, { occurredAt: day(8), school: null }), { reporter: someoneElse, now: at(4) }));
        await store.incidents.update(origin, { id: handledByMe.id, actorId: reporter.userId, expectedVersion: 1, assignee: reporter, now: at(5) });
        const atSchool = await store.activities.create(newReport(activityFields({ date: '2026-03-07', placeId: school.id, placeName: school.name }), { reporter: someoneElse, now: at(6) }));
        await store.incidents.create(newReport(incidentFields(place.id, { occurredAt: day(11), school: 'Hemligskolan' }), { origin: other, now: at(7) }));

        const ids = async (filter: Parameters<Store['reports']['latest']>[2]) => (await store.reports.latest(origin, 10, filter)).map((r) => r.id);
        assert.deepEqual(await ids({ openOnly: true }), [mineOpen.id, handledByMe.id, atSchool.id]);
        assert.deepEqual(await ids({ involving: reporter.userId }), [mineOpen.id, mineDone.id, handledByMe.id]);
        assert.deepEqual(await ids({ openOnly: true, involving: reporter.userId }), [mineOpen.id, handledByMe.id]);
        assert.deepEqual(await ids({ school: { placeIds: [school.id], names: ['Björkskolan'] } }), [mineOpen.id, atSchool.id]);
        assert.deepEqual(await ids({ school: { placeIds: [], names: ['Hemligskolan'] } }), [], 'another conversation\'s school is not listed here');
        assert.deepEqual(await ids({ school: { placeIds: [], names: [] } }), []);
        assert.deepEqual(await store.reports.schoolNames(origin, 10), ['Björkskolan']);
        assert.deepEqual(await store.reports.schoolNames(other, 10), ['Hemligskolan']);
        assert.equal((await store.placeRegister.get(tenant, school.id))?.kind, 'skola', 'a new place can be created with its kind');
      });

      it('refuses a limit that is not a non-negative integer', async function () {
        await assert.rejects(store.reports.latest(origin, 1.5), RangeError);
        await assert.rejects(store.reports.latest(origin, -1), RangeError);
      });
    });

    describe('finding reports', function () {
      it('finds a report by its number within the scope only, however many came after it', async function () {
        const first = await store.incidents.create(newReport(incidentFields(place.id), { now: at(1) }));
        const activity = await store.activities.create(newReport(activityFields(), { now: at(2) }));
        for (let i = 0; i < 3; i++) await store.incidents.create(newReport(incidentFields(place.id), { now: at(3 + i) }));
        const theirs = await store.incidents.create(newReport(incidentFields(place.id), { now: at(9), origin: otherChat }));
        assert.deepEqual(await store.reports.byRef(origin, first.ref),
          { kind: 'incident', id: first.id, ref: 'H-2026-0001', status: 'ny', createdAt: at(1), occurred: { at: first.occurredAt }, topic: 'skadegorelse_glaskross', placeName: 'Stora torget' });
        assert.equal((await store.reports.byRef(origin, activity.ref))?.id, activity.id);
        assert.equal(await store.reports.byRef(origin, theirs.ref), null, 'another conversation\'s report');
        assert.equal(await store.reports.byRef(otherTenantChat, first.ref), null, 'another tenant');
        assert.equal(await store.reports.byRef(origin, 'H-2026-0999'), null);
      });

      it('searches the scope\'s reports by place key or topic codes, latest happened first (as senaste), up to the limit', async function () {
        const norra = await store.places.findOrCreate(tenant, 'Norra parken', T0);
        const theirPlace = await store.places.findOrCreate(otherTenant, 'Stora torget', T0);
        const h1 = await store.incidents.create(newReport(incidentFields(place.id), { now: at(1) }));
        const a1 = await store.activities.create(newReport(activityFields({ placeId: place.id, placeName: place.name, type: 'skolbesok' }), { now: at(2) }));
        const h2 = await store.incidents.create(newReport(incidentFields(norra.id, { placeName: norra.name, category: 'brand' }), { now: at(3) }));
        const a2 = await store.activities.create(newReport(activityFields({ type: 'nattvandring' }), { now: at(4) }));
        await store.incidents.create(newReport(incidentFields(place.id), { now: at(5), origin: otherChat }));
        await store.incidents.create(newReport(incidentFields(theirPlace.id), { now: at(6), origin: otherTenantChat }));
        const ids = async (search: { placeKey: string; topics: string[] }, limit = 10) => (await store.reports.search(origin, search, limit)).map((r) => r.id);
        // The incidents happened on 13 March, the activities' day is 12 March.
        assert.deepEqual(await ids({ placeKey: 'torget', topics: [] }), [h1.id, a1.id]);
        assert.deepEqual(await ids({ placeKey: 'stora t', topics: [] }), [h1.id, a1.id]);
        assert.deepEqual(await ids({ placeKey: '', topics: ['brand', 'nattvandring'] }), [h2.id, a2.id]);
        assert.deepEqual(await ids({ placeKey: 'parken', topics: ['skolbesok'] }), [h2.id, a1.id]);
        assert.deepEqual(await ids({ placeKey: 'torget', topics: [] }, 1), [h1.id]);
        assert.deepEqual(await ids({ placeKey: '', topics: [] }), [], 'nothing asked, nothing found');
        assert.deepEqual(await ids({ placeKey: 'torget', topics: ["x') or 1=1 --"] }), [h1.id, a1.id]);
        assert.deepEqual((await store.reports.search(otherTenantChat, { placeKey: 'torget', topics: [] }, 10)).length, 1, 'another tenant sees its own');
      });
    });

    describe('places', function () {
      it('finds a place by its key whatever the case, spacing or accents, keeping the first spelling', async function () {
        const again = await store.places.findOrCreate(tenant, '  stora  TORGET ', at(10));
        assert.deepEqual(again, place);
        assert.deepEqual(await store.places.get(tenant, place.id), { id: place.id, name: 'Stora torget', createdAt: T0 });
        const angs = await store.places.findOrCreate(tenant, 'Ängsvägen', T0);
        assert.equal((await store.places.findOrCreate(tenant, 'angsvagen', T0)).id, angs.id);
        assert.notEqual(angs.id, place.id);
      });

      it('tidies the name it stores', async function () {
        const created = await store.places.findOrCreate(tenant, '  Gamla   brandstationen ', T0);
        assert.equal(created.name, 'Gamla brandstationen');
      });

      it('creates a place once when asked concurrently', async function () {
        const places = await Promise.all(Array.from({ length: 8 }, (_, i) => store.places.findOrCreate(tenant, i % 2 ? 'Åbytorget' : 'ÅBYTORGET', T0)));
        assert.equal(new Set(places.map((p) => p.id)).size, 1);
        assert.equal((await store.places.list(tenant, 50)).length, 2);
      });

      it('refuses a name without letters or digits', async function () {
        await assert.rejects(store.places.findOrCreate(tenant, ' -- ', T0), RangeError);
      });

      it('lists places alphabetically by key, up to the limit', async function () {
        for (const name of ['Östra parken', 'centrum', 'Åby torg', 'Biblioteket']) await store.places.findOrCreate(tenant, name, T0);
        const names = (await store.places.list(tenant, 50)).map((p) => p.name);
        assert.deepEqual(names, ['Åby torg', 'Biblioteket', 'centrum', 'Östra parken', 'Stora torget']);
        assert.deepEqual((await store.places.list(tenant, 2)).map((p) => p.name), ['Åby torg', 'Biblioteket']);
        assert.equal(await store.places.get(tenant, 'no-such-place'), null);
      });
    });

    describe('conversations', function () {
      it('saves, reads back and lists conversation records', async function () {
        const channel = conversationRecord();
        const personal = conversationRecord({
          conversationId: 'a:1personal', scope: 'personal', teamId: null, channelId: null, reference: { note: TRICKY_TEXT.swedish }, installedAt: at(1), updatedAt: at(1),
        });
        await store.conversations.save(channel);
        await store.conversations.save(personal);
        assert.deepEqual(await store.conversations.get(channel), channel);
        assert.deepEqual(await store.conversations.list(), [channel, personal]);
        assert.equal(await store.conversations.get({ ...tenant, conversationId: 'unknown' }), null);
      });

      it('replaces a record saved again under the same conversation id', async function () {
        await store.conversations.save(conversationRecord());
        const changed = conversationRecord({ serviceUrl: 'https://smba.trafficmanager.net/se/', reference: { v: 2 }, updatedAt: at(60) });
        await store.conversations.save(changed);
        assert.deepEqual(await store.conversations.get(changed), changed);
        assert.equal((await store.conversations.list()).length, 1);
      });
    });

    describe('user profiles', function () {
      it('saves, replaces and reads a profile', async function () {
        assert.equal(await store.users.get(tenant, 'aad-user-1'), null);
        const profile = { userId: 'aad-user-1', tenantId: 'tenant-1', organisation: 'skola' as const, school: 'Ängsskolan', updatedAt: T0, chatUserId: '29:chat-1', displayName: 'Åsa Öberg' };
        await store.users.save(profile);
        assert.deepEqual(await store.users.get(tenant, 'aad-user-1'), profile);
        const changed = { ...profile, organisation: 'fritid' as const, school: null, updatedAt: at(1) };
        await store.users.save(changed);
        assert.deepEqual(await store.users.get(tenant, 'aad-user-1'), changed);
        const { chatUserId: _c, displayName: _d, ...withoutChatIdentity } = { ...changed, updatedAt: at(2) };
        await store.users.save(withoutChatIdentity);
        assert.equal((await store.users.get(tenant, 'aad-user-1'))?.chatUserId, '29:chat-1', 'a save without a chat id keeps the one stored');
      });

      it('writes an unchanged profile again only after PROFILE_REWRITE_AFTER_MS, a changed one at once', async function () {
        const profile = { userId: 'aad-user-3', tenantId: 'tenant-1', organisation: 'skola' as const, school: 'Ängsskolan', updatedAt: T0, chatUserId: '29:chat-3', displayName: 'Åsa Öberg' };
        await store.users.save(profile);
        await store.users.save({ ...profile, updatedAt: at(60) });
        assert.deepEqual((await store.users.get(tenant, 'aad-user-3'))?.updatedAt, T0, 'the same values a minute later are not written');
        await store.users.save({ ...profile, displayName: 'Åsa Öberg-Lind', updatedAt: at(61) });
        assert.deepEqual(await store.users.get(tenant, 'aad-user-3'), { ...profile, displayName: 'Åsa Öberg-Lind', updatedAt: at(61) }, 'a new display name is written');
        const later = new Date(at(61).getTime() + PROFILE_REWRITE_AFTER_MS);
        await store.users.save({ ...profile, displayName: 'Åsa Öberg-Lind', updatedAt: later });
        assert.deepEqual((await store.users.get(tenant, 'aad-user-3'))?.updatedAt, later);
      });

      it('keeps two users whose ids differ only in case (or accent) apart, as Teams does: ids compare exactly (0016)', async function () {
        const upper = { userId: 'aad-ÅSA', tenantId: 'tenant-1', organisation: 'skola' as const, school: null, updatedAt: T0, chatUserId: '29:1AbC', displayName: 'Åsa' };
        const lower = { ...upper, userId: 'aad-åsa', organisation: 'polisen' as const, chatUserId: '29:1abc', displayName: 'Asa' };
        await store.users.save(upper);
        await store.users.save(lower);
        assert.equal((await store.users.get(tenant, 'aad-ÅSA'))?.organisation, 'skola');
        assert.equal((await store.users.get(tenant, 'aad-åsa'))?.organisation, 'polisen');
        assert.equal(await store.users.get(tenant, 'aad-asa'), null, 'no accent-insensitive match');
        assert.equal((await store.users.findByChatUserId(tenant, '29:1abc'))?.userId, 'aad-åsa');
        assert.equal(await store.users.findByChatUserId(tenant, '29:1ABC'), null, 'no case-insensitive match');
      });

      it('finds a profile by the chat user id an @mention carries', async function () {
        await store.users.save({ userId: 'aad-user-2', tenantId: 'tenant-1', organisation: 'polisen', school: null, updatedAt: T0, chatUserId: '29:chat-2', displayName: 'Berit' });
        assert.equal((await store.users.findByChatUserId(tenant, '29:chat-2'))?.userId, 'aad-user-2');
        assert.equal(await store.users.findByChatUserId(tenant, '29:nobody'), null);
      });
    });

    describe('audit trail and coordinators', function () {
      it('records creation and every change of a report with who, when and a code, in the same transaction', async function () {
        const created = await store.incidents.create(newReport(incidentFields(place.id)));
        const changed = await store.incidents.update(origin, { id: created.id, actorId: 'aad-editor', expectedVersion: 1, status: 'hanteras', now: at(5) });
        assert.ok(changed.ok);
        const conflict = await store.incidents.update(origin, { id: created.id, actorId: 'aad-editor', expectedVersion: 1, status: 'atgardad', now: at(6) });
        assert.ok(!conflict.ok);
        const entries = (await store.audit.latest(created.origin, 50)).filter((e) => e.entityId === created.id);
        assert.deepEqual(entries.map((e) => [e.action, e.actorId, e.entityRef, e.detail]), [
          ['report.status', 'aad-editor', created.ref, 'hanteras'],
          ['report.created', created.reporter.userId, created.ref, null],
        ]);
        assert.deepEqual(entries[0]!.at, at(5));
      });

      it('keeps the audit trail free of report text', async function () {
        const created = await store.incidents.create(newReport({ ...incidentFields(place.id), description: 'Hemlig beskrivning 4711' }));
        const entries = await store.audit.latest(created.origin, 100);
        assert.ok(!JSON.stringify(entries).includes('Hemlig beskrivning'));
      });

      it('adds coordinators once and knows them', async function () {
        assert.equal(await store.coordinators.isCoordinator(tenant, 'aad-coord'), false);
        await store.coordinators.add(tenant, 'aad-coord', 'aad-admin', T0);
        await store.coordinators.add(tenant, 'aad-coord', 'aad-admin', at(1));
        assert.equal(await store.coordinators.isCoordinator(tenant, 'aad-coord'), true);
      });
    });

    hotspotContract(() => ({ store, place }));
    submitKeyContract(() => ({ store, place }));
    cardMessageContract(() => ({ store }));
    jobLeaseContract(() => ({ store, place }));
    estContract(() => ({ store, place }));
    schoolContract(() => ({ store, place }));
    mobilisationContract(() => ({ store }));
    promiseContract(() => ({ store }));
    lawAnalysisContract(() => ({ store }));
    auditContract(() => ({ store, place }));
    retentionContract(() => ({ store, place }));
    lagesbildContract(() => ({ store, place }));
    mapIncidentsContract(() => ({ store, place }));
    calendarCountsContract(() => ({ store, place }));
    isolationContract(() => ({ store, place, snapshot: options.snapshot }));

    describe('health and closing', function () {
      it('is healthy while open', async function () {
        assert.deepEqual(await store.health(), { ok: true, kind: store.kind });
      });

      it('after close, fails every call with StoreUnavailableError and reports itself unhealthy', async function () {
        await store.close();
        const calls: Promise<unknown>[] = [
          store.incidents.create(newReport(incidentFields(place.id))),
          store.incidents.get(origin, place.id),
          store.activities.update(origin, { id: 'x', actorId: 'auditor-1', expectedVersion: 1, status: 'hanteras', now: T0 }),
          store.reports.latest(origin, 10),
          store.places.findOrCreate(tenant, 'Stora torget', T0),
          store.places.list(tenant, 10),
          store.conversations.save(conversationRecord()),
          store.conversations.list(),
          store.users.get(tenant, 'aad-user-1'),
        ];
        for (const call of calls) await assert.rejects(call, StoreUnavailableError);
        const health = await store.health();
        assert.equal(health.ok, false);
        assert.equal(health.kind, store.kind);
        await store.close();
      });
    });
  });
}

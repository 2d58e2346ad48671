import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyRetention, LastSeen, retentionCutoff } from '../../src/domain/retention';
import { RECORD_KINDS } from '../../src/domain/ports/retention.port';
import { auditLine } from '../../src/cards/audit-lines';
import type { Store } from '../../src/domain/ports/store.port';
import type { TenantScope } from '../../src/domain/scope';
import { createStore } from '../../src/store/create-store';
import { activityFields, curator, incidentFields, newReport, origin, reporter, tenant } from '../store/store-fixtures';

const REMOVED = '[borttagen enligt gallringsregel]';
const PERIODS = { months: 36, documentYears: 10 };
/** A run's summary has a count for every kind of record; these tests leave them at 0. */
const NO_RECORDS = Object.fromEntries(RECORD_KINDS.map((k) => [k, 0]));

describe('retention', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trygghetsboten-retention-'));
    store = await createStore(`sqlite:${join(dir, 'r.db')}`);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('When reports pass RETENTION_MONTHS, then their text and people go but what the lägesbild counts stays, once', async () => {
    const place = await store.places.findOrCreate(tenant, 'Stora torget', new Date('2023-01-01T00:00:00Z'));
    const old = await store.incidents.create(newReport({ ...incidentFields(place.id), occurredAt: new Date('2023-05-01T10:00:00Z'), description: 'Gammal text', school: 'Ängsskolan' }));
    const recent = await store.incidents.create(newReport({ ...incidentFields(place.id), occurredAt: new Date('2026-05-01T10:00:00Z'), description: 'Ny text' }));
    const oldActivity = await store.activities.create(newReport({ ...activityFields(), date: '2023-04-01', notes: 'Gamla anteckningar' }));
    const now = new Date('2026-11-25T02:00:00Z');

    assert.deepEqual(await applyRetention(store, PERIODS, now), { incidents: 1, activities: 1, hotspots: 0, measures: 0, profiles: 0, ...NO_RECORDS, erased: 1 });
    const gone = await store.incidents.get(origin, old.id);
    assert.equal(gone?.description, REMOVED);
    assert.equal(gone?.school, null);
    assert.equal(gone?.reporter.name, '');
    assert.deepEqual([gone?.category, gone?.placeId, gone?.occurredAt.toISOString(), gone?.organisation, gone?.youthInvolved],
      [old.category, old.placeId, old.occurredAt.toISOString(), old.organisation, old.youthInvolved]);
    assert.equal((await store.incidents.get(origin, recent.id))?.description, 'Ny text');
    assert.equal((await store.activities.get(origin, oldActivity.id))?.notes, REMOVED);

    assert.deepEqual(await applyRetention(store, PERIODS, now), { incidents: 0, activities: 0, hotspots: 0, measures: 0, profiles: 0, ...NO_RECORDS, erased: 1 }, 'a second run finds nothing left');
    const audit = await store.audit.latest({ tenantId: old.origin.tenantId }, 10);
    assert.deepEqual(audit.filter((a) => a.action === 'report.anonymised').map((a) => a.detail), ['incidents=1 activities=1'], 'the tenant’s own log shows it');
  });

  it('When hot spot work, visits and users pass RETENTION_MONTHS, then the text and people go and the tenant’s log counts each kind', async () => {
    const at = (iso: string) => new Date(iso);
    const place = await store.places.findOrCreate(tenant, 'Stora torget', at('2022-01-01T00:00:00Z'));
    const created = await store.hotspots.create({ placeId: place.id, ownerOrganisation: 'polisen', owner: reporter, createdBy: reporter, origin, now: at('2022-02-01T00:00:00Z') });
    assert.ok(created.ok);
    await store.hotspots.update(tenant, {
      id: created.hotspot.id, expectedVersion: 1, actorId: curator.actorId, now: at('2022-03-01T00:00:00Z'), state: 'avslutad',
      analysis: { who: 'Kalle och hans kompisar', what: null, when: null, why: null },
      addMeasure: { what: 'Prata med Kalles föräldrar', organisation: 'socialtjanst', dueDate: null, createdBy: reporter },
    });
    const visit = await store.activities.create(newReport(activityFields({ type: 'hotspot_besok', date: '2022-03-02', placeId: place.id, placeName: place.name, notes: 'Träffade Kalle' })));
    await store.users.save({ userId: 'aad-away', tenantId: tenant.tenantId, organisation: 'skola', school: 'Ängsskolan', updatedAt: at('2022-03-03T00:00:00Z'), displayName: 'Bo Borta', chatUserId: '29:away' });
    await store.users.save({ userId: 'aad-here', tenantId: tenant.tenantId, organisation: 'skola', school: null, updatedAt: at('2022-03-03T00:00:00Z'), displayName: 'Hilda Här' });
    await new LastSeen(store.users).note(tenant, 'aad-here', at('2026-11-20T09:00:00Z'));

    const summary = await applyRetention(store, PERIODS, at('2026-11-25T02:15:00Z'));
    assert.deepEqual(summary, { incidents: 0, activities: 1, hotspots: 1, measures: 1, profiles: 1, ...NO_RECORDS, erased: 1 });
    const hotspot = await store.hotspots.get(tenant, created.hotspot.id);
    assert.deepEqual([hotspot?.state, hotspot?.ownerOrganisation, hotspot?.analysis.who, hotspot?.owner.name], ['avslutad', 'polisen', REMOVED, '']);
    const [measure] = await store.hotspots.measures(tenant, [created.hotspot.id]);
    assert.deepEqual([measure?.what, measure?.organisation, measure?.createdBy.name], [REMOVED, 'socialtjanst', '']);
    assert.equal((await store.activities.get(origin, visit.id))?.notes, REMOVED);
    assert.equal(await store.users.get(tenant, 'aad-away'), null);
    assert.equal((await store.users.get(tenant, 'aad-here'))?.displayName, 'Hilda Här');

    const log = await store.audit.latest(tenant, 50);
    assert.deepEqual(log.filter((a) => a.actorId === 'gallring').map((a) => [a.action, a.entityKind, a.detail]).sort(), [
      ['hotspot.anonymised', 'hotspot', 'hotspots=1 measures=1'],
      ['report.anonymised', 'incident', 'incidents=0 activities=1'],
      ['user.anonymised', 'user', 'profiles=1'],
    ]);
    assert.ok(!JSON.stringify(log).includes('Kalle') && !JSON.stringify(log).includes('Bo Borta'));
  });

  it('When the EST week\'s records pass RETENTION_MONTHS and the yearly documents DOCUMENT_RETENTION_YEARS, then they go and each tenant\'s log counts them without their text', async () => {
    const chat = origin;
    const elsewhere = { tenantId: 'tenant-2', conversationId: 'conversation-elsewhere' };
    const place = await store.places.findOrCreate(tenant, 'Stora torget', new Date('2022-01-01T00:00:00Z'));
    const setAt = new Date('2022-01-03T12:00:00Z');
    await store.est.saveAssessment(chat, { areaId: place.id, weekStart: '2022-01-03', level: 3, reason: 'Kalle Karlsson hänger vid porten', setBy: 'aad-c', setAt });
    await store.est.saveAssessment(elsewhere, { areaId: place.id, weekStart: '2026-11-16', level: 2, reason: 'Oro i centrum', setBy: 'aad-c', setAt });
    await store.lawAnalyses.save(chat, { year: 2015, text: 'Analys med Kalles gäng', updatedBy: 'aad-c', updatedAt: setAt });
    await store.lawAnalyses.save(chat, { year: 2016, text: 'Analys 2016', updatedBy: 'aad-c', updatedAt: setAt });
    await store.promises.recordMeeting({ tenantId: elsewhere.tenantId }, { year: 2014, date: '2014-10-01', organisations: ['polisen'], decisions: 'Beslut om Kalle', recordedBy: 'aad-c', recordedAt: setAt });

    const summary = await applyRetention(store, PERIODS, new Date('2026-11-25T02:15:00Z'));
    assert.deepEqual(summary, { incidents: 0, activities: 0, hotspots: 0, measures: 0, profiles: 0, ...NO_RECORDS, assessments: 1, analyses: 1, meetings: 1, erased: 1 });
    assert.deepEqual((await store.est.assessments(chat, ['2022-01-03'])).map((a) => [a.level, a.reason]), [[3, REMOVED]]);
    assert.equal((await store.est.assessments(elsewhere, ['2026-11-16']))[0]?.reason, 'Oro i centrum');
    assert.equal(await store.lawAnalyses.get(chat, 2015), null);
    assert.equal((await store.lawAnalyses.get(chat, 2016))?.text, 'Analys 2016', 'kept ten full years after its year');
    assert.deepEqual(await store.promises.meetings({ tenantId: elsewhere.tenantId }, 2014), []);

    const rows = async (tenantId: string) => (await store.audit.latest({ tenantId }, 10)).filter((a) => a.actorId === 'gallring');
    assert.deepEqual((await rows(tenant.tenantId)).map((a) => [a.action, a.entityKind, a.detail]), [['records.removed', 'records', 'assessments=1 analyses=1']]);
    assert.deepEqual((await rows(elsewhere.tenantId)).map((a) => [a.action, a.entityKind, a.detail]), [['records.removed', 'records', 'meetings=1']]);
    const log = JSON.stringify([...await rows(tenant.tenantId), ...await rows(elsewhere.tenantId)]);
    assert.ok(!log.includes('Kalle') && !log.includes('Analys'), 'counts only, never the text');
    const [row] = await rows(tenant.tenantId);
    assert.equal(auditLine(row!, 'Gallring', 'sv'), 'Gallring gallrade poster (assessments=1 analyses=1)');

    assert.deepEqual(await store.retention.removeRecordsBefore({ cutoff: retentionCutoff(36, new Date('2026-11-25T02:15:00Z')), documentYear: 2016 }), [], 'nothing left for the next run');
  });

  it('counts "older" from the start of the day RETENTION_MONTHS back, in Stockholm', () => {
    assert.equal(retentionCutoff(36, new Date('2026-11-25T02:15:00Z')).toISOString(), '2023-11-24T23:00:00.000Z');
    assert.equal(retentionCutoff(1, new Date('2026-03-31T12:00:00Z')).toISOString(), '2026-02-27T23:00:00.000Z');
  });
});

describe('last seen', () => {
  class CountingUsers {
    readonly calls: [string, string, string, string][] = [];
    failing = false;
    async markSeen(scope: TenantScope, userId: string, at: Date, since: Date): Promise<void> {
      if (this.failing) throw new Error('store down');
      this.calls.push([scope.tenantId, userId, at.toISOString(), since.toISOString()]);
    }
  }

  it('writes at most once a day per user and tenant, with the start of the Stockholm day as the bar', async () => {
    const users = new CountingUsers();
    const seen = new LastSeen(users);
    const t1 = { tenantId: 't1' };
    await seen.note(t1, 'anna', new Date('2026-11-25T08:00:00Z'));
    await seen.note(t1, 'anna', new Date('2026-11-25T22:59:00Z'));
    await seen.note(t1, 'berit', new Date('2026-11-25T09:00:00Z'));
    await seen.note({ tenantId: 't2' }, 'anna', new Date('2026-11-25T09:00:00Z'));
    await seen.note(t1, 'anna', new Date('2026-11-25T23:01:00Z'), /* already the 26th in Stockholm */);
    assert.deepEqual(users.calls, [
      ['t1', 'anna', '2026-11-25T08:00:00.000Z', '2026-11-24T23:00:00.000Z'],
      ['t1', 'berit', '2026-11-25T09:00:00.000Z', '2026-11-24T23:00:00.000Z'],
      ['t2', 'anna', '2026-11-25T09:00:00.000Z', '2026-11-24T23:00:00.000Z'],
      ['t1', 'anna', '2026-11-25T23:01:00.000Z', '2026-11-25T23:00:00.000Z'],
    ]);
  });

  it('tries again the next time when a write failed, and forgets everyone when it holds too many', async () => {
    const users = new CountingUsers();
    const seen = new LastSeen(users, 'Europe/Stockholm', 2);
    const t = { tenantId: 't' };
    users.failing = true;
    await assert.rejects(seen.note(t, 'a', new Date('2026-11-25T08:00:00Z')));
    users.failing = false;
    await seen.note(t, 'a', new Date('2026-11-25T08:01:00Z'));
    await seen.note(t, 'b', new Date('2026-11-25T08:02:00Z'));
    await seen.note(t, 'c', new Date('2026-11-25T08:03:00Z'));
    await seen.note(t, 'a', new Date('2026-11-25T08:04:00Z'));
    assert.deepEqual(users.calls.map((c) => c[1]), ['a', 'b', 'c', 'a']);
  });
});

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteDatabase, type SqliteConnection } from '../../src/store/sqlite/sqlite-driver';
import type { Store } from '../../src/domain/ports/store.port';
import { applyRetention } from '../../src/domain/retention';
import { RECORD_KINDS } from '../../src/domain/ports/retention.port';
import { createStore } from '../../src/store/create-store';
import { RETENTION_BATCH } from '../../src/store/repositories/retention';
import { activityFields, curator, incidentFields, newReport, origin, reporter, tenant } from './store-fixtures';

// What only a SQLite file can show: the bytes on disk after retention, and the audit row and its
// change failing together.

/** Distinctive texts, each written once, that must not be found in the files after retention. */
const TEXTS = {
  incident: 'GALLRA-HANDELSE-7f3a91',
  visit: 'GALLRA-BESOK-7f3a92',
  analysis: 'GALLRA-ANALYS-7f3a93',
  measure: 'GALLRA-ATGARD-7f3a94',
  name: 'GALLRA-NAMN-7f3a95',
  chatId: '29:GALLRA-CHAT-7f3a96',
  resolution: 'GALLRA-GJORT-7f3a97',
  assessment: 'GALLRA-SKAL-7f3a98',
  lawAnalysis: 'GALLRA-LAGESBILD-7f3a99',
  promise: 'GALLRA-LOFTE-7f3a9a',
  decisions: 'GALLRA-BESLUT-7f3a9b',
  callout: 'GALLRA-MOBILISERING-7f3a9c',
  calloutNote: 'GALLRA-SVAR-7f3a9d',
};
const OLD = new Date('2022-05-01T10:00:00Z');
const NOW = new Date('2026-11-25T02:15:00Z');

describe('SQLite: retention on disk and audit atomicity', function () {
  let folder: string;
  let file: string;
  let store: Store;

  beforeEach(async function () {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trygghetsboten-retention-disk-'));
    file = path.join(folder, 'store.db');
    store = await createStore(`sqlite:${file}`);
  });

  afterEach(async function () {
    await store.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** The database file and its write-ahead log, as they are on disk right now (the store still open). */
  const onDisk = () => Buffer.concat([fs.readFileSync(file), fs.existsSync(`${file}-wal`) ? fs.readFileSync(`${file}-wal`) : Buffer.alloc(0)]);
  const found = (bytes: Buffer) => Object.values(TEXTS).filter((text) => bytes.includes(Buffer.from(text, 'utf8')));
  /** Another connection, as a backup tool or a checkpoint by SQLite itself would be. */
  const withOtherConnection = <T>(run: (db: SqliteConnection) => T): T => {
    const db = openSqliteDatabase(file);
    try {
      return run(db);
    } finally {
      db.close();
    }
  };

  it('When retention empties old text, then none of it is left in the database file or its WAL', async function () {
    const place = await store.places.findOrCreate(tenant, 'Stora torget', OLD);
    const incident = await store.incidents.create(newReport(incidentFields(place.id, { occurredAt: OLD, description: `Såg ${TEXTS.incident} vid kiosken` }), { now: OLD }));
    await store.incidents.update(origin, { id: incident.id, actorId: curator.actorId, expectedVersion: 1, status: 'hanteras', resolution: TEXTS.resolution, now: OLD });
    await store.activities.create(newReport(activityFields({ type: 'hotspot_besok', date: '2022-05-02', placeId: place.id, placeName: place.name, notes: TEXTS.visit }), { now: OLD }));
    await store.users.save({ userId: 'aad-gone', tenantId: tenant.tenantId, organisation: 'skola', school: null, updatedAt: OLD, displayName: TEXTS.name, chatUserId: TEXTS.chatId });
    // Checkpointed: this part of the text is in the database file itself, where only secure_delete zeroes it.
    withOtherConnection((db) => db.pragma('wal_checkpoint(TRUNCATE)'));
    assert.deepEqual(found(fs.readFileSync(file)), [TEXTS.incident, TEXTS.visit, TEXTS.name, TEXTS.chatId, TEXTS.resolution], 'the test can see text in the file');

    // Not checkpointed: this part is only in the WAL.
    const created = await store.hotspots.create({ placeId: place.id, ownerOrganisation: 'polisen', owner: reporter, createdBy: reporter, origin, now: OLD });
    assert.ok(created.ok);
    await store.hotspots.update(tenant, {
      id: created.hotspot.id, expectedVersion: 1, actorId: curator.actorId, now: OLD, state: 'avslutad',
      analysis: { who: TEXTS.analysis, what: null, when: null, why: null },
      addMeasure: { what: TEXTS.measure, organisation: 'kommunen', dueDate: null, createdBy: reporter },
    });
    // The EST week's reason and yearly documents of 2015 (ten full years before 2026 have passed).
    await store.est.saveAssessment(origin, { areaId: place.id, weekStart: '2022-05-02', level: 2, reason: TEXTS.assessment, setBy: curator.actorId, setAt: OLD });
    await store.lawAnalyses.save(origin, { year: 2015, text: TEXTS.lawAnalysis, updatedBy: curator.actorId, updatedAt: OLD });
    await store.promises.add(tenant, [{ year: 2015, title: 'Trygg stadskärna', text: TEXTS.promise, commitments: [] }], curator.actorId, OLD);
    await store.promises.recordMeeting(tenant, { year: 2015, date: '2015-10-01', organisations: ['polisen'], decisions: TEXTS.decisions, recordedBy: curator.actorId, recordedAt: OLD });
    // A call-out of then, and what a recipient answered.
    const school = await store.schools.add(tenant, { name: 'Ängsskolan', stages: ['f-6'], placeId: null, contacts: [] }, curator);
    assert.ok(school.ok);
    const callout = await store.callouts.create({
      origin, school: { id: school.school.id, name: 'Ängsskolan' }, what: TEXTS.callout, caller: reporter, now: OLD, escalateAt: null, sendDueAt: OLD,
      recipients: [{ userId: 'aad-rektor', chatUserId: '29:rektor', name: 'Rektor', role: 'rektor', step: 1 }],
    });
    await store.callouts.answer(tenant, callout.id, 'aad-rektor', 'kommer', TEXTS.calloutNote, OLD);
    assert.deepEqual(found(onDisk()).sort(), Object.values(TEXTS).sort(), 'every text is on disk before retention');

    const summary = await applyRetention(store, { months: 36, documentYears: 10 }, NOW);
    assert.deepEqual(summary, { incidents: 1, activities: 1, hotspots: 1, measures: 1, profiles: 1, ...Object.fromEntries(RECORD_KINDS.map((k) => [k, 0])), assessments: 1, callouts: 1, analyses: 1, promises: 1, meetings: 1, erased: 1 });
    assert.deepEqual(found(onDisk()), [], 'no removed text in the file or the WAL');
    assert.equal(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0, 0, 'the WAL is cut to nothing');

    // The store goes on working after the checkpoint, and what stays is still there.
    assert.equal((await store.hotspots.byPlace(tenant, place.id))?.state, 'avslutad');
    assert.equal((await store.reports.latest(origin, 10)).length, 2);
  });

  it('When the audit row cannot be written, then the hot spot or place change is not made either', async function () {
    const place = await store.places.findOrCreate(tenant, 'Stora torget', OLD);
    const other = await store.places.findOrCreate(tenant, 'Parken', OLD);
    const created = await store.hotspots.create({ placeId: place.id, ownerOrganisation: 'polisen', owner: reporter, createdBy: reporter, origin, now: OLD });
    assert.ok(created.ok);
    const before = { hotspot: await store.hotspots.get(tenant, created.hotspot.id), register: await store.placeRegister.all(tenant, 10) };
    withOtherConnection((db) => db.exec("CREATE TRIGGER no_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END"));

    await assert.rejects(store.hotspots.update(tenant, {
      id: created.hotspot.id, expectedVersion: 1, actorId: curator.actorId, now: NOW, state: 'analyseras',
      addMeasure: { what: 'Belysning', organisation: 'kommunen', dueDate: null, createdBy: reporter },
    }), /audit refused/);
    await assert.rejects(store.hotspots.create({ placeId: other.id, ownerOrganisation: 'polisen', owner: reporter, createdBy: reporter, origin, now: NOW }), /audit refused/);
    await assert.rejects(store.placeRegister.update(tenant, { id: place.id, name: 'Torget', kind: 'torg' }, curator), /audit refused/);
    await assert.rejects(store.placeRegister.addAlias(tenant, place.id, 'Torget', curator), /audit refused/);
    await assert.rejects(store.placeRegister.merge(tenant, other.id, place.id, curator), /audit refused/);

    assert.deepEqual(await store.hotspots.get(tenant, created.hotspot.id), before.hotspot);
    assert.deepEqual(await store.hotspots.measures(tenant, [created.hotspot.id]), []);
    assert.equal(await store.hotspots.byPlace(tenant, other.id), null);
    assert.deepEqual(await store.placeRegister.all(tenant, 10), before.register);
  });

  it('When more old reports than one batch holds wait, then all are anonymised and counted once', async function () {
    this.timeout(120_000);
    const place = await store.places.findOrCreate(tenant, 'Stora torget', OLD);
    const total = 2 * RETENTION_BATCH + 3;
    for (let i = 0; i < total; i += 1) {
      await store.incidents.create(newReport(incidentFields(place.id, { occurredAt: OLD, description: TEXTS.incident }), { now: OLD }));
    }
    const [count] = await store.retention.anonymiseBefore(new Date('2023-01-01T00:00:00Z'), NOW);
    assert.equal(count?.incidents, total);
    const db = openSqliteDatabase(file, { readonly: true });
    try {
      const left = db.prepare('SELECT COUNT(*) AS n FROM incidents WHERE anonymised_at IS NULL').get() as { n: number };
      assert.equal(left.n, 0);
    } finally {
      db.close();
    }
    assert.deepEqual(await store.retention.anonymiseBefore(new Date('2023-01-01T00:00:00Z'), NOW), []);
  });
});

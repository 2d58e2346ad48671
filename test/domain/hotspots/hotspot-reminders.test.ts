import assert from 'node:assert/strict';
import { HotspotReminders, reminderDay } from '../../../src/domain/hotspots/hotspot-reminders';
import { JobLeases } from '../../../src/domain/jobs/job-leases';
import { OncePerConversation } from '../../../src/domain/jobs/once-per-conversation';
import { HotspotSummaries } from '../../../src/domain/hotspots/hotspot-summaries';
import type { HotspotReminder, ReminderPoster } from '../../../src/domain/ports/reminder-poster.port';
import type { Store } from '../../../src/domain/ports/store.port';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store';
import { ManualClock } from '../../support/bot-harness';

/** Records what would be posted; can pretend the channel is unreachable. */
class RecordingPoster implements ReminderPoster {
  readonly posted: HotspotReminder[] = [];
  reachable = true;
  async post(reminder: HotspotReminder): Promise<boolean> {
    if (this.reachable) this.posted.push(reminder);
    return this.reachable;
  }
}

describe('hot spot reminders', () => {
  let store: Store;
  const clock = new ManualClock(new Date('2026-12-01T07:00:00Z'));
  const owner = { userId: 'aad-owner', name: 'Olle Ägare' };
  const origin = { tenantId: 't', conversationId: '19:channel@thread.tacv2' };
  const tenant = { tenantId: origin.tenantId };

  let once: OncePerConversation;
  beforeEach(async () => {
    store = await openSqliteStore(':memory:');
    once = new OncePerConversation(new JobLeases(store.jobLeases, 'instance', 60_000));
  });
  afterEach(async () => { await store.close(); });

  it('When the follow-up day and a due date come, then each reminder is posted once, to the owner, in the hot spot\'s channel', async () => {
    const place = await store.places.findOrCreate(tenant, 'Stora torget', clock.now());
    const created = await store.hotspots.create({ placeId: place.id, ownerOrganisation: 'polisen', owner, createdBy: owner, origin, now: clock.now() });
    assert.ok(created.ok);
    await store.hotspots.update(tenant, {
      id: created.hotspot.id, expectedVersion: 1, actorId: owner.userId, now: clock.now(), followUpDate: '2026-12-03',
      addMeasure: { what: 'Belysning', organisation: 'kommunen', dueDate: '2026-12-02', createdBy: owner },
    });
    const poster = new RecordingPoster();
    const reminders = new HotspotReminders(store.hotspots, poster, once);

    assert.deepEqual(await reminders.dueReminders(clock.now()), { posted: 0, failed: 0 });
    clock.current = new Date('2026-12-01T23:00:00Z'); // midnight in Stockholm: the measure's day has begun
    assert.deepEqual(await reminders.dueReminders(clock.now()), { posted: 0, failed: 0 }, 'not at midnight');
    clock.current = new Date('2026-12-02T06:59:00Z'); // 07:59 in Stockholm
    assert.deepEqual(await reminders.dueReminders(clock.now()), { posted: 0, failed: 0 }, 'not before eight');
    clock.current = new Date('2026-12-02T07:00:00Z'); // 08:00 in Stockholm
    assert.deepEqual(await reminders.dueReminders(clock.now()), { posted: 1, failed: 0 });
    assert.equal(poster.posted[0]?.kind, 'measure_due');
    assert.deepEqual(poster.posted[0]?.hotspot.owner, owner);
    assert.equal(poster.posted[0]?.hotspot.origin.conversationId, origin.conversationId);

    clock.current = new Date('2026-12-03T07:15:00Z'); // 08:15 on the follow-up day
    poster.reachable = false;
    assert.deepEqual(await reminders.dueReminders(clock.now()), { posted: 0, failed: 1 }, 'the follow-up is due');
    poster.reachable = true;
    clock.current = new Date('2026-12-03T07:30:00Z');
    assert.deepEqual(await reminders.dueReminders(clock.now()), { posted: 1, failed: 0 }, 'an unreachable channel is tried again');
    assert.equal(poster.posted[1]?.kind, 'follow_up');
    assert.deepEqual(await reminders.dueReminders(clock.now()), { posted: 0, failed: 0 }, 'each reminder once');
  });

  it('When a run throws after a post but before marking it, then the run made again marks it without posting it twice', async () => {
    const place = await store.places.findOrCreate(tenant, 'Stora torget', clock.now());
    const created = await store.hotspots.create({ placeId: place.id, ownerOrganisation: 'polisen', owner, createdBy: owner, origin, now: clock.now() });
    assert.ok(created.ok);
    await store.hotspots.update(tenant, {
      id: created.hotspot.id, expectedVersion: 1, actorId: owner.userId, now: clock.now(),
      addMeasure: { what: 'Belysning', organisation: 'kommunen', dueDate: '2026-12-02', createdBy: owner },
    });
    const poster = new RecordingPoster();
    // The store fails once, right after the post: the mark is not written and the run throws.
    let failMark = true;
    const hotspots = Object.create(store.hotspots) as Store['hotspots'];
    hotspots.markMeasureReminded = async (scope, id) => {
      if (failMark) { failMark = false; throw new Error('database is locked'); }
      return store.hotspots.markMeasureReminded(scope, id);
    };
    const at = new Date('2026-12-02T07:00:00Z');
    await assert.rejects(new HotspotReminders(hotspots, poster, once).dueReminders(at), /database is locked/);
    assert.equal(poster.posted.length, 1);
    assert.deepEqual(await new HotspotReminders(hotspots, poster, once).dueReminders(new Date('2026-12-02T07:15:00Z')), { posted: 0, failed: 0 });
    assert.equal(poster.posted.length, 1, 'posted once');
    assert.deepEqual(await store.hotspots.measuresDue('2026-12-03'), [], 'and marked by the run made again');
  });

  it('counts the reminder day in Stockholm time from eight, in winter and in summer', () => {
    assert.equal(reminderDay(new Date('2026-12-02T06:59:59Z'), 'Europe/Stockholm'), '2026-12-01');
    assert.equal(reminderDay(new Date('2026-12-02T07:00:00Z'), 'Europe/Stockholm'), '2026-12-02');
    assert.equal(reminderDay(new Date('2026-06-15T05:59:59Z'), 'Europe/Stockholm'), '2026-06-14');
    assert.equal(reminderDay(new Date('2026-06-15T06:00:00Z'), 'Europe/Stockholm'), '2026-06-15');
  });

  it('When the hot spot is closed, then no reminders come for it', async () => {
    const place = await store.places.findOrCreate(tenant, 'Parken', clock.now());
    const created = await store.hotspots.create({ placeId: place.id, ownerOrganisation: 'polisen', owner, createdBy: owner, origin, now: clock.now() });
    assert.ok(created.ok);
    await store.hotspots.update(tenant, { id: created.hotspot.id, expectedVersion: 1, actorId: owner.userId, now: clock.now(), followUpDate: '2026-12-01', state: 'avslutad' });
    const poster = new RecordingPoster();
    assert.deepEqual(await new HotspotReminders(store.hotspots, poster, once).dueReminders(clock.now()), { posted: 0, failed: 0 });
  });
});

describe('hot spots in the lägesbild', () => {
  it('lists the channel\'s active hot spots with stage and follow-up, its overdue measures with owner, and proposed places apart', async () => {
    const store = await openSqliteStore(':memory:');
    try {
      const now = new Date('2026-12-01T07:00:00Z');
      const owner = { userId: 'o', name: 'O' };
      const tenant = { tenantId: 't' };
      const torget = await store.places.findOrCreate(tenant, 'Stora torget', now);
      const parken = await store.places.findOrCreate(tenant, 'Parken', now);
      const created = await store.hotspots.create({ placeId: torget.id, ownerOrganisation: 'polisen', owner, createdBy: owner, origin: { tenantId: 't', conversationId: 'c1' }, now });
      assert.ok(created.ok);
      const id = created.hotspot.id;
      await store.hotspots.update(tenant, { id, expectedVersion: 1, actorId: owner.userId, now, followUpDate: '2026-12-08', state: 'analyseras' });
      const measure = (version: number, what: string, dueDate: string | null) => store.hotspots.update(tenant, {
        id, expectedVersion: version, actorId: owner.userId, now, addMeasure: { what, organisation: 'kommunen', dueDate, createdBy: owner },
      });
      await measure(2, 'Bättre belysning vid busskuren', '2026-11-20');
      await measure(3, 'Klottersanering', '2026-12-01');
      await measure(4, 'Trygghetsvandring', null);
      const emerging = async () => [{
        place: { ...(await store.placeRegister.get(tenant, parken.id))! }, hotspot: null,
        finding: { key: parken.id, label: 'aterkommande' as const, latest: 4, baselineMean: 0, baselineWeeks: 8, trend: null },
      }];
      const summaries = new HotspotSummaries(store.hotspots, emerging);
      assert.deepEqual(await summaries.overview({ tenantId: 't', conversationId: 'c1' }, '2026-12-01'), {
        active: [{ placeName: 'Stora torget', stage: 'analyseras', nextFollowUp: '2026-12-08' }],
        suggested: [{ placeName: 'Parken', label: 'aterkommande' }],
        // Due today is not overdue yet; without a due day never.
        overdueMeasures: [{ placeName: 'Stora torget', what: 'Bättre belysning vid busskuren', organisation: 'kommunen', dueDate: '2026-11-20' }],
      });
      const other = await summaries.overview({ tenantId: 't', conversationId: 'other' }, '2026-12-01');
      assert.deepEqual([other.active, other.suggested.map((s) => s.placeName), other.overdueMeasures], [[], ['Parken'], []]);
    } finally {
      await store.close();
    }
  });
});

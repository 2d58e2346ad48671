import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EstNudges, type EstNudge } from '../../../src/domain/est/est-nudges';
import { DEFAULT_MEETING, upcomingWeek, weekStart, tertialOf, parseTimeOfDay } from '../../../src/domain/est/est-week';
import { JobLeases } from '../../../src/domain/jobs/job-leases';
import type { Store } from '../../../src/domain/ports/store.port';
import type { ChatScope } from '../../../src/domain/scope';
import { createStore } from '../../../src/store/create-store';
import { quarterHourKey } from '../../../src/compose';

// Who is nudged before the weekly EST meeting, with the clock held where each test needs it: the day
// before the meeting from the nudge time, each rapportör of an organisation that has reported nothing
// in the channel that week; "inget att rapportera" counts as reported; local (Stockholm) time, across
// the changes to and from summer time.

const CHANNEL: ChatScope = { tenantId: 'tenant-1', conversationId: '19:est@thread.tacv2' };
const tenant = { tenantId: CHANNEL.tenantId };
const POLIS = { userId: 'aad-polis', organisation: 'polisen' as const, displayName: 'Petra Polis', chatUserId: '29:polis' };
const SKOLA = { userId: 'aad-skola', organisation: 'skola' as const, displayName: 'Sara Skola', chatUserId: '29:skola' };
const FRITID = { userId: 'aad-fritid', organisation: 'fritid' as const, displayName: 'Frida Fritid', chatUserId: null };

/** Tuesday 1 December 2026, 09:00 in Stockholm (CET, UTC+1): the default meeting. */
const MEETING = new Date('2026-12-01T08:00:00Z');
/** Monday 30 November, 13:00 in Stockholm: the default nudge time. */
const NUDGE = new Date('2026-11-30T12:00:00Z');
const minutes = (d: Date, n: number) => new Date(d.getTime() + n * 60_000);

class RecordingPoster {
  readonly posted: EstNudge[] = [];
  failing = new Set<string>();
  async post(nudge: EstNudge): Promise<boolean> {
    if (this.failing.has(nudge.reporter.userId)) return false;
    this.posted.push(nudge);
    return true;
  }
  who(): string[] {
    return this.posted.map((n) => n.reporter.userId).sort();
  }
}

async function subscribe(store: Store, scope: ChatScope): Promise<void> {
  await store.digestSubscriptions.save({
    ...scope, cadence: 'weekly', weekday: 1, time: '07:30', locale: 'sv', status: 'active', pausedReason: null,
    createdBy: 'aad-coordinator', createdAt: new Date('2026-01-01T00:00:00Z'), updatedAt: new Date('2026-01-01T00:00:00Z'),
  });
}

async function report(store: Store, organisation: 'polisen' | 'skola', now: Date, scope: ChatScope = CHANNEL): Promise<void> {
  const place = await store.places.findOrCreate(scope, 'Torget', now);
  await store.incidents.create({
    fields: {
      occurredAt: now, placeId: place.id, placeName: place.name, category: 'nedskrapning', description: 'Skräp', severity: 'lag',
      organisation, school: null, schoolId: null, concernReported: null, youthInvolved: null, policeReportNumber: null,
    },
    reporter: { userId: 'aad-someone', name: 'Någon' }, origin: scope, organisationConfirmed: true, refYear: 2026, now,
  });
}

describe('the EST week: nudges before the meeting', function () {
  let store: Store;
  let poster: RecordingPoster;
  let nudges: EstNudges;

  beforeEach(async () => {
    store = await createStore('sqlite::memory:');
    poster = new RecordingPoster();
    nudges = new EstNudges(store.est, store.digestSubscriptions, poster);
    await subscribe(store, CHANNEL);
    for (const r of [POLIS, SKOLA, FRITID]) await store.est.saveReporter(tenant, r, 'aad-coordinator', new Date('2026-01-01T00:00:00Z'));
  });
  afterEach(async () => { await store.close(); });

  it('When the day before the meeting reaches the nudge time, then each organisation that reported nothing this week is nudged, once', async () => {
    await report(store, 'skola', new Date('2026-11-26T10:00:00Z'));
    assert.deepEqual(await nudges.run(minutes(NUDGE, -1)), { nudged: 0, failed: 0 }, 'not before 13:00 on Monday');
    assert.deepEqual(await nudges.run(NUDGE), { nudged: 2, failed: 0 });
    assert.deepEqual(poster.who(), ['aad-fritid', 'aad-polis'], 'skola reported on Thursday: not nudged');
    assert.equal(poster.posted[0]!.week.meetingDay, '2026-12-01');
    await nudges.run(minutes(NUDGE, 15));
    await nudges.run(minutes(MEETING, -1));
    assert.equal(poster.posted.length, 2, 'later runs before the meeting nudge nobody again');
  });

  it('When an organisation says "inget att rapportera", then its rapportörer are not nudged; a report before the week does not count', async () => {
    await report(store, 'polisen', new Date('2026-11-23T10:00:00Z'));
    const week = upcomingWeek(NUDGE, DEFAULT_MEETING);
    await store.est.markNothingToReport(CHANNEL, week.meetingDay, 'fritid', FRITID.userId, minutes(NUDGE, -60));
    await nudges.run(NUDGE);
    assert.deepEqual(poster.who(), ['aad-polis', 'aad-skola'], 'polisen reported 8 days before the meeting: last week, nudged');
  });

  it('When a conversation has its own meeting time, then its nudge follows it; a conversation without a subscription is not nudged', async () => {
    await store.est.saveMeeting(CHANNEL, { weekday: 4, time: '10:00', nudgeTime: '16:30' }, 'aad-coordinator', NUDGE);
    await nudges.run(NUDGE);
    assert.equal(poster.posted.length, 0, 'Monday is no longer the day before the meeting');
    const wednesday1630 = new Date('2026-12-02T15:30:00Z');
    await nudges.run(minutes(wednesday1630, -1));
    assert.equal(poster.posted.length, 0);
    await nudges.run(wednesday1630);
    assert.equal(poster.posted.length, 3);
    assert.equal(poster.posted[0]!.week.meetingDay, '2026-12-03');
    await store.digestSubscriptions.remove(CHANNEL);
    const next = new Date('2026-12-09T15:30:00Z');
    await nudges.run(next);
    assert.equal(poster.posted.length, 3, 'unsubscribed: no EST week');
  });

  it('When a nudge cannot be delivered, then the next run tries it again, and it is counted once delivered', async () => {
    await report(store, 'skola', new Date('2026-11-26T10:00:00Z'));
    poster.failing.add(POLIS.userId);
    assert.deepEqual(await nudges.run(NUDGE), { nudged: 1, failed: 1 });
    poster.failing.clear();
    assert.deepEqual(await nudges.run(minutes(NUDGE, 15)), { nudged: 1, failed: 0 });
    assert.deepEqual(poster.who(), ['aad-fritid', 'aad-polis']);
  });

  it('When a post throws midway (the store or network failed), then its claim is let go and the run made again nudges it, and the others not twice', async () => {
    await report(store, 'skola', new Date('2026-11-26T10:00:00Z'));
    const throwing = new EstNudges(store.est, store.digestSubscriptions, {
      post: async (nudge) => {
        if (nudge.reporter.userId === POLIS.userId) throw new Error('connection reset');
        return poster.post(nudge);
      },
    });
    await assert.rejects(throwing.run(NUDGE), /connection reset/);
    const reached = poster.who();
    await nudges.run(NUDGE);
    assert.deepEqual(poster.who(), ['aad-fritid', 'aad-polis'], `each once (the failed run reached ${reached.join(', ') || 'nobody'})`);
  });

  it('When an instance died while posting a nudge, then its claim is taken over once stale, and not before', async () => {
    await report(store, 'skola', new Date('2026-11-26T10:00:00Z'));
    // The dead instance claimed the polis's nudge and never posted it (nor let it go).
    assert.equal(await store.est.claimNudge(CHANNEL, '2026-12-01', POLIS.userId, NUDGE), true);
    assert.deepEqual(await nudges.run(minutes(NUDGE, 5)), { nudged: 1, failed: 0 }, 'a fresh claim may still be posting: only the fritid is nudged');
    assert.deepEqual(await nudges.run(minutes(NUDGE, 15)), { nudged: 1, failed: 0 }, 'stale after ten minutes: the polis is nudged');
    assert.deepEqual(await nudges.run(minutes(NUDGE, 30)), { nudged: 0, failed: 0 });
    assert.deepEqual(poster.who(), ['aad-fritid', 'aad-polis']);
  });

  it('When two instances on one database run the job at the same time, and again a quarter later, then each rapportör is nudged once', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trygghetsboten-est-'));
    const file = path.join(folder, 'store.db');
    const instances: { store: Store; leases: JobLeases; nudges: EstNudges }[] = [];
    // Opened one after the other: the second start finds the file migrated (as instances do).
    for (const holder of ['a', 'b']) {
      const own = await createStore(`sqlite:${file}`);
      instances.push({ store: own, leases: new JobLeases(own.jobLeases, holder, 60_000), nudges: new EstNudges(own.est, own.digestSubscriptions, poster) });
    }
    try {
      const first = instances[0]!.store;
      await subscribe(first, CHANNEL);
      for (const r of [POLIS, SKOLA, FRITID]) await first.est.saveReporter(tenant, r, 'aad-coordinator', NUDGE);
      const tick = (now: Date) => Promise.all(instances.map((i) => i.leases.run('est-nudges', quarterHourKey(now), now, () => i.nudges.run(now))));
      const runs = await tick(NUDGE);
      assert.equal(runs.filter((r) => r.ran).length, 1, 'one instance holds the period');
      // A new period: both may run, and the claims in the store keep each rapportör to one nudge.
      await Promise.all(instances.map((i) => i.nudges.run(minutes(NUDGE, 15))));
      await tick(minutes(NUDGE, 30));
      assert.deepEqual(poster.who(), ['aad-fritid', 'aad-polis', 'aad-skola']);
    } finally {
      for (const i of instances) await i.store.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('the EST week in Stockholm time', function () {
  it('When summer time begins the weekend before, then the meeting stays at 09:00 and the nudge at 13:00 the day before, local', () => {
    // Summer time began Sunday 29 March 2026 at 02:00: CET (UTC+1) before, CEST (UTC+2) after.
    const week = upcomingWeek(new Date('2026-03-27T12:00:00Z'), { weekday: 1, time: '09:00', nudgeTime: '13:00' });
    assert.equal(week.meetingDay, '2026-03-30');
    assert.equal(week.meetingAt.toISOString(), '2026-03-30T07:00:00.000Z', '09:00 CEST');
    assert.equal(week.nudgeAt.toISOString(), '2026-03-29T11:00:00.000Z', 'Sunday 13:00, already CEST');
    assert.equal(week.from.toISOString(), '2026-03-23T08:00:00.000Z', 'a week before the meeting: Monday 09:00 CET');
  });

  it('When summer time ends on the day before the meeting, then the nudge is 13:00 winter time', () => {
    // Summer time ended Sunday 25 October 2026 at 03:00 CEST.
    const week = upcomingWeek(new Date('2026-10-24T12:00:00Z'), { weekday: 1, time: '09:00', nudgeTime: '13:00' });
    assert.equal(week.nudgeAt.toISOString(), '2026-10-25T12:00:00.000Z');
    assert.equal(week.meetingAt.toISOString(), '2026-10-26T08:00:00.000Z');
  });

  it('When the meeting has begun, then the upcoming week is next week\'s', () => {
    assert.equal(upcomingWeek(MEETING, DEFAULT_MEETING).meetingDay, '2026-12-08');
    assert.equal(upcomingWeek(minutes(MEETING, -1), DEFAULT_MEETING).meetingDay, '2026-12-01');
  });

  it('names the week an assessment counts for, the tertial, and reads a time of day as typed', () => {
    assert.equal(weekStart(new Date('2026-11-29T23:30:00Z')), '2026-11-30', 'Monday 00:30 in Stockholm is already the new week');
    assert.deepEqual(['2026-04-30T21:59:00Z', '2026-04-30T22:00:00Z', '2026-12-31T22:59:00Z'].map((t) => tertialOf(new Date(t))), ['2026-T1', '2026-T2', '2026-T3']);
    assert.deepEqual(['9:05', '09.30', '23:59', '24:00', '9', 'nio'].map(parseTimeOfDay), ['09:05', '09:30', '23:59', null, null, null]);
  });
});

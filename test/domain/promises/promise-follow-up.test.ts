import assert from 'node:assert/strict';
import { AccessPolicy } from '../../../src/domain/access-policy';
import type { Actor } from '../../../src/domain/actor';
import type { Membership } from '../../../src/domain/ports/memberships.port';
import { rollUp } from '../../../src/domain/promises/progress';
import { meetingReminderYear, quarterToReview } from '../../../src/domain/promises/promise-calendar';
import type { CitizenPromise, Commitment, TiedActivity } from '../../../src/domain/promises/promise';
import { obviousCommitment } from '../../../src/domain/promises/promise-register';
import { idleInQuarter } from '../../../src/domain/promises/promise-reminders';
import type { Organisation } from '../../../src/domain/vocabulary';

// The follow-up of the promise register with a controllable clock: progress per commitment, the
// quarters in Stockholm time, which commitments a quarterly reminder lists, the obvious commitment of
// an activity form, and who may set a commitment's status.

const ZONE = 'Europe/Stockholm';
const commitment = (id: string, organisations: Organisation[], over: Partial<Commitment> = {}): Commitment => ({
  id, promiseId: 'p1', position: 0, text: `Åtagande ${id}`, organisations, periodFrom: '2026-01-01', periodTo: '2026-12-31', status: 'ej_paborjad', statusSet: null, ...over,
});
const promise = (commitments: Commitment[]): CitizenPromise => ({ id: 'p1', year: 2026, position: 0, title: 'Trygga skolor', text: '', commitments });
const activity = (ref: string, commitmentId: string, date: string, organisation: Organisation): TiedActivity => ({ id: ref, ref, commitmentId, date, type: 'skolbesok', organisation });

describe('medborgarlöften follow-up', () => {
  it('When activities serve commitments, then each commitment counts them by organisation (most first) and knows the latest', () => {
    const [progress] = rollUp([promise([commitment('c1', ['polisen', 'skola']), commitment('c2', ['kommunen'])])], [
      activity('A-2026-0003', 'c1', '2026-03-02', 'skola'), activity('A-2026-0001', 'c1', '2026-02-01', 'polisen'),
      activity('A-2026-0007', 'c1', '2026-03-02', 'skola'), activity('A-2026-0009', 'other', '2026-04-01', 'polisen'),
    ]);
    const [c1, c2] = progress!.commitments;
    assert.deepEqual(c1!.byOrganisation, [{ organisation: 'skola', count: 2 }, { organisation: 'polisen', count: 1 }]);
    assert.equal(c1!.total, 3);
    assert.equal(c1!.last?.ref, 'A-2026-0007', 'the latest day, then the latest reference');
    assert.deepEqual([c2!.total, c2!.last, c2!.status], [0, null, 'ej_paborjad']);
  });

  it('When the clock passes a quarter\'s start in Stockholm, then its reminder is due from 08:00 local time for two weeks, about the quarter just ended', () => {
    // 1 April 2026: summer time (UTC+2). 08:00 local is 06:00 UTC.
    assert.equal(quarterToReview(new Date('2026-04-01T05:59:00Z'), ZONE), null);
    assert.equal(quarterToReview(new Date('2026-04-01T06:00:00Z'), ZONE)?.key, '2026-Q1');
    assert.deepEqual(quarterToReview(new Date('2026-04-14T21:59:00Z'), ZONE), { year: 2026, quarter: 1, firstDay: '2026-01-01', lastDay: '2026-03-31', key: '2026-Q1' });
    assert.equal(quarterToReview(new Date('2026-04-14T22:00:00Z'), ZONE), null, 'after two weeks: skipped');
    // New Year in Stockholm is 23:00 UTC the day before: the fourth quarter of the year before.
    assert.equal(quarterToReview(new Date('2026-12-31T23:30:00Z'), ZONE), null, '00:30 local: before 08:00');
    assert.equal(quarterToReview(new Date('2027-01-01T07:00:00Z'), ZONE)?.key, '2026-Q4');
    assert.equal(quarterToReview(new Date('2026-03-31T22:30:00Z'), ZONE), null, 'already 1 April locally, but 00:30');
  });

  it('When 1 October comes in Stockholm, then the strategic meeting\'s reminder is due for the year, not before', () => {
    assert.equal(meetingReminderYear(new Date('2026-10-01T05:59:00Z'), ZONE), null);
    assert.equal(meetingReminderYear(new Date('2026-10-01T06:00:00Z'), ZONE), 2026);
    assert.equal(meetingReminderYear(new Date('2026-12-31T22:59:00Z'), ZONE), 2026);
    assert.equal(meetingReminderYear(new Date('2026-12-31T23:00:00Z'), ZONE), null, 'a new year in Stockholm');
  });

  it('When a quarter is reviewed, then the reminder lists commitments of the quarter with no activity in it and not genomförda', () => {
    const quarter = quarterToReview(new Date('2026-04-01T06:00:00Z'), ZONE)!;
    const promises = [promise([
      commitment('active', ['polisen']), commitment('idle', ['skola']), commitment('done', ['skola'], { status: 'genomford' }),
      commitment('later', ['skola'], { periodFrom: '2026-04-01' }), commitment('before', ['skola'], { periodFrom: '2025-01-01', periodTo: '2025-12-31' }),
      commitment('busy-before', ['fritid'], { status: 'pagar' }),
    ])];
    const idle = idleInQuarter(promises, [
      activity('A-1', 'active', '2026-03-31', 'polisen'), activity('A-2', 'busy-before', '2025-12-31', 'fritid'), activity('A-3', 'idle', '2026-04-01', 'skola'),
    ], quarter);
    assert.deepEqual(idle.map((i) => i.progress.commitment.id), ['idle', 'busy-before']);
    assert.equal(idle[0]!.promiseTitle, 'Trygga skolor');
  });

  it('When an activity form opens, then the commitment is chosen only when exactly one offered is the reporter\'s organisation\'s', () => {
    const choice = (c: Commitment) => ({ commitment: c, promiseTitle: 'T' });
    const offered = [choice(commitment('a', ['polisen', 'kommunen'])), choice(commitment('b', ['skola'])), choice(commitment('c', ['polisen']))];
    assert.equal(obviousCommitment(offered, 'skola'), 'b');
    assert.equal(obviousCommitment(offered, 'polisen'), null, 'two of Polisen\'s: the reporter chooses');
    assert.equal(obviousCommitment(offered, 'fritid'), null);
    assert.equal(obviousCommitment(offered, null), null);
  });

  it('When someone sets a commitment\'s status, then a confirmed member of a responsible organisation or a coordinator may, nobody else', async () => {
    const members = new Map<string, Organisation>([['u-police', 'polisen'], ['u-school', 'skola']]);
    const policy = new AccessPolicy([{ tenantId: 't1', userId: 'u-coordinator' }], {
      coordinators: { isCoordinator: async () => false, add: async () => undefined, list: async () => [] },
      memberships: {
        get: async (_s, userId) => (members.has(userId) ? { userId, organisation: members.get(userId)!, source: 'coordinator', confirmedBy: 'x', confirmedAt: new Date() } satisfies Membership : null),
        confirm: async () => undefined, membersOf: async () => [],
      },
      audit: { record: async () => undefined, latest: async () => [] },
      est: { isReporter: async () => false },
    });
    const target = { kind: 'commitment' as const, commitment: commitment('c', ['polisen', 'kommunen']) };
    const actor = (userId: string): Actor => ({ userId, name: userId, tenantId: 't1' } as Actor);
    const may = (userId: string) => policy.allows('commitment.status', { tenantId: 't1' }, actor(userId), target);
    assert.equal(await may('u-police'), true);
    assert.equal(await may('u-school'), false, 'Skola is not responsible');
    assert.equal(await may('u-coordinator'), true);
    assert.equal(await may('u-unconfirmed'), false);
    assert.equal(await policy.allows('commitment.status', { tenantId: 't1' }, actor('u-police'), { kind: 'none' }), false, 'only on a commitment');
  });
});

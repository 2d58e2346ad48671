import assert from 'node:assert/strict';
import type { ReceivedActivity } from '../fakes/fake-bot-connector';
import { BotHarness } from '../support/bot-harness';
import { readRows } from '../support/bot-instances';
import { ANNA, CHANNEL, TENANT, botAdded, type Where } from '../support/teams-activities';

// The promise register's reminders go to every subscribing conversation of the tenant, once per period.
// Two instances of the bot on one SQLite file run the job at the same moments, and the fake Bot
// Connector refuses (HTTP 500) the post to one conversation for a while: the run that failed to reach
// it is run again, reaches it once it answers, and never posts twice to the others.

const JOB = 'strategic-meeting-reminder';
const PROMISE = {
  year: 2026, title: 'Trygg centrumkärna', text: '', commitment: 'Kvällsvandringar', organisations: 'polisen,kommunen', periodFrom: '2026-01-01', periodTo: '2026-12-31',
};
const channel = (id: string): Partial<Where> => ({ conversationId: id, channelId: id, channelName: id });
const SECOND = '19:skolor@thread.tacv2';
const THIRD = '19:socialtjanst@thread.tacv2';

describe('promise reminders with two instances when a conversation cannot be reached at first', function () {
  this.timeout(60_000);
  let h: BotHarness;
  let other: BotHarness;
  /** While true, the connector answers 500 to every post to THIRD. */
  let thirdDown = true;
  const isReminder = (r: ReceivedActivity) => r.method === 'POST' && r.body.type === 'message'
    && JSON.stringify(r.body).includes('inget strategiskt möte är registrerat för 2026');
  /** Reminders the connector accepted, per conversation. */
  const accepted = new Map<string, number>();
  const bothRun = (at: string) => Promise.all([h, other].map((x) => x.bot.housekeeping.run(JOB, new Date(at))));

  beforeEach(async () => {
    thirdDown = true;
    accepted.clear();
    h = await new BotHarness().start({ COORDINATORS: `${TENANT}/${ANNA.aadObjectId}` });
    h.clock.current = new Date('2026-03-10T10:00:00Z');
    for (const id of [CHANNEL, SECOND, THIRD]) {
      await h.post(botAdded(h.where(channel(id))));
      await h.say('prenumerera', channel(id));
    }
    await h.press('promiseSave', PROMISE);
    other = new BotHarness();
    other.databaseUrl = h.databaseUrl;
    // The channels' stored references name the first harness's connector: both instances post there.
    await other.start({ COORDINATORS: `${TENANT}/${ANNA.aadObjectId}` });
    h.connector.clear();
    h.connector.responder = (r) => {
      if (!isReminder(r)) return { status: 201, body: { id: 'activity' } };
      if (thirdDown && r.conversationId === THIRD) return { status: 500, body: { error: { code: 'ServiceError', message: 'down' } } };
      accepted.set(r.conversationId, (accepted.get(r.conversationId) ?? 0) + 1);
      return { status: 201, body: { id: `activity-${r.conversationId}` } };
    };
  });
  afterEach(async () => {
    await other.stop();
    await h.stop();
  });

  it('When the post to one conversation fails, then the next runs post only to it, and once it answers it gets the reminder exactly once', async () => {
    await bothRun('2026-10-01T06:05:00Z'); // 08:05 in Stockholm
    assert.deepEqual([...accepted.entries()].sort(), [[CHANNEL, 1], [SECOND, 1]], 'the reachable conversations are reminded at once');
    const refused = () => h.connector.received.filter((r) => isReminder(r) && r.conversationId === THIRD).length;
    assert.equal(refused(), 1, 'the third one was tried once');

    await bothRun('2026-10-01T06:06:00Z');
    assert.equal(refused(), 2, 'the next run tries the third one again, on one instance');
    assert.deepEqual([...accepted.entries()].sort(), [[CHANNEL, 1], [SECOND, 1]], 'and posts nothing again to the others');

    thirdDown = false;
    await bothRun('2026-10-01T06:07:00Z');
    await bothRun('2026-10-01T06:08:00Z');
    await bothRun('2026-10-02T07:00:00Z');
    assert.deepEqual([...accepted.entries()].sort(), [[CHANNEL, 1], [SECOND, 1], [THIRD, 1]], 'each conversation reminded exactly once');
    assert.equal(h.connector.received.filter(isReminder).length, 5, 'three reminders and two refused attempts, nothing more');
  });

  it('When retention prunes old job leases a month later, then the strategic meeting is not reminded again that year', async () => {
    // Leases are marked done by the wall clock: a year after today's, so that the retention run a month
    // after the reminder (in the test's clock) finds them old enough to prune.
    await h.press('promiseSave', { ...PROMISE, year: 2027, periodFrom: '2027-01-01', periodTo: '2027-12-31' });
    const of2027 = () => h.connector.received.filter((r) => r.method === 'POST' && JSON.stringify(r.body).includes('inget strategiskt möte är registrerat för 2027'));
    thirdDown = false;
    await bothRun('2027-10-01T06:05:00Z');
    assert.equal(of2027().length, 3);
    await h.bot.housekeeping.run('mobilisation-escalation', new Date('2027-10-01T06:05:00Z'));
    await h.bot.housekeeping.run('retention', new Date('2027-11-02T05:00:00Z')); // 06:00 in Stockholm, 32 days later
    const leases = readRows<{ job: string }>(h.databaseFile, 'SELECT job FROM job_leases');
    assert.ok(!leases.some((l) => l.job === 'mobilisation-escalation'), 'the retention run pruned the finished leases of other jobs');
    await bothRun('2027-11-02T07:00:00Z');
    await bothRun('2027-12-15T07:00:00Z');
    assert.equal(of2027().length, 3, 'the year\'s reminder is still done');
  });

  it('When the bot was removed from a conversation (403), then the run counts it done and is not run again for it', async () => {
    h.connector.responder = (r) => {
      if (isReminder(r) && r.conversationId === THIRD) return { status: 403, body: { error: { code: 'BotNotInConversationRoster', message: 'gone' } } };
      if (isReminder(r)) accepted.set(r.conversationId, (accepted.get(r.conversationId) ?? 0) + 1);
      return { status: 201, body: { id: 'activity' } };
    };
    await bothRun('2026-10-01T06:05:00Z');
    await bothRun('2026-10-01T06:06:00Z');
    await bothRun('2026-11-15T10:00:00Z');
    assert.deepEqual([...accepted.entries()].sort(), [[CHANNEL, 1], [SECOND, 1]]);
    assert.equal(h.connector.received.filter((r) => isReminder(r) && r.conversationId === THIRD).length, 1, 'tried once, not every minute until the year ends');
  });
});

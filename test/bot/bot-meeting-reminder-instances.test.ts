import assert from 'node:assert/strict';
import { BotHarness, cardText } from '../support/bot-harness';
import { ANNA, CHANNEL, TENANT, botAdded } from '../support/teams-activities';

// The 1 October reminder of the strategic meeting (issue 12) with two instances of the bot on one SQLite
// file, as two app service instances share one database: each runs the housekeeping job at the same
// moment, and the fake Bot Connector counts what reaches the channel.

const JOB = 'strategic-meeting-reminder';
const PROMISE = {
  year: 2026, title: 'Trygg centrumkärna', text: '', commitment: 'Kvällsvandringar', organisations: 'polisen,kommunen', periodFrom: '2026-01-01', periodTo: '2026-12-31',
};

describe('the strategic meeting reminder with two instances on one database', function () {
  this.timeout(60_000);
  let h: BotHarness;
  let other: BotHarness;
  const reminders = () => h.connector.received.filter((r) => r.method === 'POST' && r.body.type === 'message'
    && JSON.stringify(r.body).includes('inget strategiskt möte är registrerat för 2026'));
  /** Both instances run the job at the same moment. */
  const bothRun = (at: string) => Promise.all([h, other].map((x) => x.bot.housekeeping.run(JOB, new Date(at))));

  beforeEach(async () => {
    h = await new BotHarness().start({ COORDINATORS: `${TENANT}/${ANNA.aadObjectId}` });
    h.clock.current = new Date('2026-03-10T10:00:00Z');
    await h.post(botAdded(h.where()));
    await h.press('promiseSave', PROMISE);
    await h.say('prenumerera');
    other = new BotHarness();
    other.databaseUrl = h.databaseUrl;
    // The channel's stored reference names the first harness's connector: both instances post there.
    await other.start({ COORDINATORS: `${TENANT}/${ANNA.aadObjectId}` });
    h.connector.clear();
  });
  afterEach(async () => {
    await other.stop();
    await h.stop();
  });

  it('When no meeting is recorded, then nothing is posted on 30 September or before 08:00 on 1 October, and from 08:00 the coordinator is reminded exactly once', async () => {
    await bothRun('2026-09-30T10:00:00Z');
    await bothRun('2026-09-30T21:59:00Z'); // 23:59 in Stockholm
    await bothRun('2026-10-01T05:59:00Z'); // 07:59
    assert.equal(reminders().length, 0, 'not before 1 October 08:00');
    await bothRun('2026-10-01T06:05:00Z'); // 08:05
    await bothRun('2026-10-01T06:06:00Z');
    await bothRun('2026-10-02T07:00:00Z');
    assert.equal(reminders().length, 1, 'exactly one reminder, whichever instance claimed it');
    const [reminder] = reminders();
    assert.equal(reminder!.conversationId, CHANNEL);
    assert.match(cardText(reminder!.body.attachments[0].content), /koordinatorn: inget strategiskt möte är registrerat för 2026\./);
  });

  it('When the meeting of the year is recorded, then neither instance reminds on 1 October', async () => {
    await h.press('meetingSave', { date: '2026-09-15', organisations: 'polisen,kommunen', decisions: 'Fokus på centrum' });
    await bothRun('2026-10-01T06:05:00Z');
    await bothRun('2026-10-05T06:05:00Z');
    assert.equal(reminders().length, 0);
  });
});

import assert from 'node:assert/strict';
import type { ConnectorAnswer, ReceivedActivity } from '../fakes/fake-bot-connector';
import { BotHarness, cardOf, cardText } from '../support/bot-harness';
import { until } from '../support/bot-instances';
import { CALL_OUT_T0, CARL, ERIK, FIA, isChatCreation, memberOf, person, startWithCallList } from '../support/call-out-harness';
import { button } from '../support/card-buttons';
import { cardOfUpdate, cardUpdates } from '../support/card-updates';
import { ANNA, CHANNEL, TENANT, type Speaker } from '../support/teams-activities';

// Every recipient of a call-out gets their personal copy exactly once, or is marked unreachable, or the
// call-out is closed first, whatever fails on the way. Two instances of the bot (the real HTTP server and
// store each) on one SQLite file run the scheduled job at the same moments; the fake Bot Connector
// answers 500 for a while, 403 for good, or holds a request as to an instance that died mid-call.

const JOB = 'mobilisation-escalation';
const THREAD_PREFIX = `${CHANNEL};messageid=`;
const T0 = CALL_OUT_T0;
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

const isPersonalCopy = (r: ReceivedActivity) => r.method === 'POST' && r.conversationId.startsWith('a:personal-');

describe('mobilisation: every recipient gets their personal copy once, with two instances and failures on the way', function () {
  this.timeout(60_000);
  let h: BotHarness;
  let other: BotHarness;
  /** How the connector answers the creation of a recipient's 1:1 chat; by default it is created. */
  let chatAnswer: (member: string) => ConnectorAnswer | Promise<ConnectorAnswer>;

  beforeEach(async () => {
    chatAnswer = (member) => ({ status: 201, body: { id: `a:personal-${member}` } });
    ({ h } = await startWithCallList(() => chatAnswer));
    // A second instance on the same database file; the channel's stored reference names the first one's connector.
    other = new BotHarness();
    other.databaseUrl = h.databaseUrl;
    await other.start({ COORDINATORS: `${TENANT}/${ANNA.aadObjectId}`, MOBILISATION_ESCALATE_MINUTES: '60' });
    other.clock.current = T0;
  });
  afterEach(async () => {
    await other.stop();
    await h.stop();
  });

  /** Both instances' clocks at `at`, and both run the scheduled job then (one of them gets its lease). */
  async function bothRun(at: Date): Promise<void> {
    h.clock.current = at;
    other.clock.current = at;
    await Promise.all([h, other].map((x) => x.bot.housekeeping.run(JOB, at)));
    await Promise.all([h, other].map((x) => x.bot.sharedCardsIdle()));
  }
  /** A call typed in the channel; its answer comes first, then the copies (awaited here) and the cards' updates. */
  async function call(text: string): Promise<Record<string, any>[]> {
    const replies = await h.say(text);
    await h.bot.afterAnswerIdle();
    await h.bot.sharedCardsIdle();
    return replies;
  }
  /** Personal copies posted to each recipient. */
  const copies = (s: Speaker) => h.connector.received.filter((r) => isPersonalCopy(r) && r.conversationId === `a:personal-${s.aadObjectId}`).length;
  /** Tries to reach a recipient (each begins by creating the 1:1 chat). */
  const tries = (s: Speaker) => h.connector.received.filter((r) => isChatCreation(r) && memberOf(r) === s.aadObjectId).length;
  const channelCard = () => cardText(cardOfUpdate(cardUpdates(h).filter((r) => r.conversationId.startsWith(THREAD_PREFIX)).at(-1)!));
  const deliveries = () => h.readDatabase((db) => Object.fromEntries((db.prepare('SELECT display_name, delivery, send_tries FROM callout_recipients ORDER BY display_name').all() as
    { display_name: string; delivery: string; send_tries: number }[]).map((r) => [r.display_name, `${r.delivery}/${r.send_tries}`])));

  it('When a copy gets 500, then a later run of the job sends it, exactly once, and a recipient Teams refuses (403) is marked unreachable and never tried again', async () => {
    let erikDown = true;
    chatAnswer = (member) => {
      if (member === ERIK.aadObjectId && erikDown) return { status: 500, body: { error: { code: 'ServiceError', message: 'down' } } };
      if (member === FIA.aadObjectId) return { status: 403, body: { error: { code: 'BotNotInConversationRoster' } } };
      return { status: 201, body: { id: `a:personal-${member}` } };
    };
    const answered = cardText(cardOf((await call('mobilisera Ängsskolan bråk vid entrén')).at(-1)!));
    assert.match(answered, /Skickas till: Carl Rektorsson, Erik Kurator, Fia Polis"/, 'the answer came before the copies');
    assert.deepEqual([copies(CARL), copies(ERIK), copies(FIA)], [1, 0, 0]);
    // The channel card (the answer's message) is updated once the copies were tried.
    const called = channelCard();
    assert.match(called, /Larmet har inte nått fram än, boten försöker igen: Erik Kurator/, 'the caller sees who the call has not reached yet');
    assert.match(called, /Kunde inte nås i Teams: Fia Polis\. Ring dem\./);
    assert.match(called, /Har inte svarat: Carl Rektorsson"/, 'only Carl is waited for: Erik has not got it');
    assert.doesNotMatch(called, /Skickas till/, 'every copy was tried');

    await bothRun(minutes(0.5));
    assert.equal(tries(ERIK), 1, 'not tried again before its time (a minute after the failure)');
    await bothRun(minutes(1.1));
    assert.equal(tries(ERIK), 2, 'tried again a minute later, by one of the two instances');
    erikDown = false;
    await bothRun(minutes(2));
    assert.equal(tries(ERIK), 2, 'the next try waits two minutes');
    await bothRun(minutes(3.2));
    assert.equal(copies(ERIK), 1, 'Erik got his copy once Teams answered');
    for (const at of [4, 5, 10, 30, 90]) await bothRun(minutes(at));

    assert.deepEqual([copies(CARL), copies(ERIK), copies(FIA)], [1, 1, 0], 'one copy each, nothing more in later runs');
    assert.equal(tries(FIA), 1, 'Fia (403) was tried once, never again');
    assert.deepEqual(deliveries(), { 'Carl Rektorsson': 'sent/0', 'Erik Kurator': 'sent/2', 'Fia Polis': 'unreachable/0' });
    const card = channelCard();
    assert.match(card, /Har inte svarat: Carl Rektorsson, Erik Kurator/, 'the channel card now waits for Erik too');
    assert.doesNotMatch(card, /försöker igen/);
    assert.match(card, /Kunde inte nås i Teams: Fia Polis/);
  });

  it('When the calling instance dies after the first copy, then the other instance\'s job sends the rest after the grace, exactly once each', async () => {
    // The instance calling hangs on Erik's chat (it died there: it never records or sends anything more).
    let release!: (answer: ConnectorAnswer) => void;
    const held = new Promise<ConnectorAnswer>((resolve) => { release = resolve; });
    let first = true;
    chatAnswer = (member) => {
      if (member === ERIK.aadObjectId && first) {
        first = false;
        return held;
      }
      return { status: 201, body: { id: `a:personal-${member}` } };
    };
    const calling = h.say('mobilisera Ängsskolan rök i trapphuset');
    await until('the call hanging on Erik', () => tries(ERIK) === 1 && copies(CARL) === 1, 10_000);
    assert.deepEqual([copies(CARL), copies(ERIK), copies(FIA)], [1, 0, 0]);

    await other.bot.housekeeping.run(JOB, minutes(1));
    assert.deepEqual([tries(ERIK), tries(FIA)], [1, 0], 'within the grace the job leaves the copies to the instance calling');
    other.clock.current = minutes(3);
    await other.bot.housekeeping.run(JOB, minutes(3));
    await other.bot.sharedCardsIdle();
    assert.deepEqual([copies(CARL), copies(ERIK), copies(FIA)], [1, 1, 1], 'the other instance sent Erik\'s and Fia\'s');

    // The hung request fails at last (the dead instance's connection): nothing more is sent by anyone.
    release({ status: 500, body: {} });
    await h.bot.afterAnswerIdle();
    for (const at of [4, 6, 10, 30]) await bothRun(minutes(at));
    assert.deepEqual([copies(CARL), copies(ERIK), copies(FIA)], [1, 1, 1], 'exactly once each');
    assert.deepEqual(deliveries(), { 'Carl Rektorsson': 'sent/0', 'Erik Kurator': 'sent/0', 'Fia Polis': 'sent/0' });
    // The caller was answered at once, while the copies hung; the channel card now shows everyone reached.
    const reply = (await calling).filter((m) => JSON.stringify(m).includes('Vad har hänt: rök i trapphuset')).at(-1)!;
    assert.match(cardText(cardOf(reply)), /Skickas till: Carl Rektorsson, Erik Kurator, Fia Polis"/);
    assert.match(channelCard(), /Har inte svarat: Carl Rektorsson, Erik Kurator, Fia Polis/);
  });

  it('When the next step is called and its copy gets 500, then the caller is told it is still being tried, and a later run sends it once', async () => {
    const GUSTAV = person('06061', 'Gustav Fritid');
    const school = (await h.bot.store.schools.list({ tenantId: TENANT }, 10))[0]!;
    await h.bot.store.callLists.put({ tenantId: TENANT }, school.id, { userId: GUSTAV.aadObjectId, chatUserId: null, name: GUSTAV.name, role: 'fritidsledare', step: 2 }, { actorId: ANNA.aadObjectId, now: T0 });
    let gustavDown = true;
    chatAnswer = (member) => (member === GUSTAV.aadObjectId && gustavDown ? { status: 500, body: {} } : { status: 201, body: { id: `a:personal-${member}` } });
    await call('mobilisera Ängsskolan bråk vid busshållplatsen');
    const before = h.connector.messages().length;
    await bothRun(minutes(60));
    const told = h.connector.messages().slice(before).map((m) => String(m.text ?? '')).join('\n');
    assert.match(told, /Larmet för Ängsskolan har gått vidare till: Gustav Fritid\. Larmad av Anna Andersson\. Larmet har inte nått fram än till Gustav Fritid; boten försöker igen\./);
    assert.doesNotMatch(told, /ingen på nästa steg kunde nås/, 'not "nobody could be reached": he is being tried');
    assert.match(channelCard(), /Larmet har inte nått fram än, boten försöker igen: Gustav Fritid/);
    gustavDown = false;
    for (const at of [61.1, 62, 63, 70]) await bothRun(minutes(at));
    assert.deepEqual([tries(GUSTAV), copies(GUSTAV)], [2, 1], 'tried again a minute later, and sent once');
    assert.match(channelCard(), /Har inte svarat: Carl Rektorsson, Erik Kurator, Fia Polis, Gustav Fritid/);
  });

  it('When a call-out is closed while a copy waits for its next try, then that copy is never sent', async () => {
    let erikDown = true;
    chatAnswer = (member) => (member === ERIK.aadObjectId && erikDown ? { status: 503, body: {} } : { status: 201, body: { id: `a:personal-${member}` } });
    const card = cardOf((await call('mobilisera Ängsskolan klotter på gaveln')).at(-1)!);
    assert.equal(tries(ERIK), 1);
    const id = String(button(card, 'mobiliseAnswer').data.id);
    h.clock.current = minutes(0.5);
    const form = await h.press('mobiliseOpenClose', { id });
    const closed = await h.press('mobiliseClose', { ...button(form, 'mobiliseClose').data, outcome: 'Falsklarm' });
    assert.match(cardText(closed), /Mobilisering avslutad – Ängsskolan/);
    assert.doesNotMatch(cardText(closed), /försöker igen/, 'a closed call-out tries nobody');
    erikDown = false;
    for (const at of [1.1, 3.2, 8, 20]) await bothRun(minutes(at));
    assert.deepEqual([tries(ERIK), copies(ERIK)], [1, 0], 'Erik was not tried again after the close');
    assert.deepEqual([copies(CARL), copies(FIA)], [1, 1]);
  });

  it('When Teams keeps failing for one recipient, then the copy is given up after five tries, the recipient shown unreachable with the reason in the timeline', async () => {
    chatAnswer = (member) => (member === ERIK.aadObjectId ? { status: 429, body: {} } : { status: 201, body: { id: `a:personal-${member}` } });
    await call('mobilisera Ängsskolan bråk i matsalen');
    for (let minute = 1; minute <= 40; minute++) await bothRun(minutes(minute));
    assert.equal(tries(ERIK), 5, 'five tries (at 0, 1, 3, 7 and 15 minutes), then no more');
    assert.equal(copies(ERIK), 0);
    assert.deepEqual(deliveries(), { 'Carl Rektorsson': 'sent/0', 'Erik Kurator': 'unreachable/5', 'Fia Polis': 'sent/0' });
    const card = channelCard();
    assert.match(card, /Kunde inte nås i Teams: Erik Kurator\. Ring dem\./);
    assert.match(card, /kl\. \d\d:\d\d: Erik Kurator kunde inte nås, 5 försök misslyckades i Teams/);
    assert.doesNotMatch(card, /försöker igen/);
    const attempts = h.connector.received.filter((r) => isChatCreation(r) && memberOf(r) === ERIK.aadObjectId);
    assert.equal(attempts.length, 5);
  });
});

import assert from 'node:assert/strict';
import type { ConnectorAnswer } from '../fakes/fake-bot-connector';
import { BotHarness, cardOf, cardText } from '../support/bot-harness';
import { until } from '../support/bot-instances';
import { CALL_OUT_T0, CARL, ERIK, FIA, isChatCreation, memberOf, startWithCallList } from '../support/call-out-harness';
import { button } from '../support/card-buttons';
import { cardOfUpdate, cardUpdates } from '../support/card-updates';
import { ANNA, TENANT, cardAction, channelMessage, type Speaker } from '../support/teams-activities';

// A call-out is answered at once, the personal copies go after the answer: Teams gives a card press about
// five seconds before it shows the caller an error and presses again. Real HTTP server and SQLite file;
// the fake Bot Connector holds each recipient's 1:1 chat creation for seconds, as a slow Connector does.
// A second press of the same card (Teams' retry, a double press) makes no second call-out.

const JOB = 'mobilisation-escalation';
const SLOW_MS = 2_500;
const T0 = CALL_OUT_T0;
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

const wait = (ms: number) => new Promise<void>((resolve) => { setTimeout(resolve, ms); });

describe('mobilisation: the caller is answered at once, the personal copies go after', function () {
  this.timeout(90_000);
  let h: BotHarness;
  /** How the connector answers the creation of a recipient's 1:1 chat: slowly, by default. */
  let chatAnswer: (member: string) => ConnectorAnswer | Promise<ConnectorAnswer>;
  let schoolId: string;

  beforeEach(async () => {
    chatAnswer = (member) => wait(SLOW_MS).then(() => ({ status: 201, body: { id: `a:personal-${member}` } }));
    ({ h, schoolId } = await startWithCallList(() => chatAnswer));
  });
  afterEach(async () => { await h.stop(); });

  /** Personal copies posted to the recipient (after their 1:1 chat was created). */
  const copies = (s: Speaker) => h.connector.received.filter((r) => r.method === 'POST' && r.conversationId === `a:personal-${s.aadObjectId}`).length;
  const everyCopy = () => [copies(CARL), copies(ERIK), copies(FIA)];
  const calloutsStored = () => h.readDatabase((db) => (db.prepare('SELECT COUNT(*) AS n FROM callouts').get() as { n: number }).n);
  const updatesOf = (message: string) => cardUpdates(h).filter((r) => r.path.endsWith(`/activities/${message}`));
  /** The mobilise card, filled in, pressed on the message `message` (Teams names it as the invoke's replyToId). */
  async function pressCall(form: Record<string, any>, message: string): Promise<{ ms: number; card: Record<string, any> }> {
    const started = Date.now();
    const res = await h.post({ ...cardAction('mobiliseCall', { ...button(form, 'mobiliseCall').data, schoolId, what: 'rök i trapphuset' }, h.where()), replyToId: message });
    const body = (await res.json()) as { statusCode: number; value: Record<string, any> };
    assert.equal(res.status, 200);
    assert.equal(body.statusCode, 200);
    return { ms: Date.now() - started, card: body.value };
  }
  async function settled(): Promise<void> {
    await h.bot.afterAnswerIdle();
    await h.bot.sharedCardsIdle();
  }

  it('When the Connector is slow, then the call\'s card press is answered before any copy goes, says they are being sent, and the shared card shows them reached once sent', async () => {
    const form = cardOf((await h.say('mobilisera')).at(-1)!);
    const { ms, card } = await pressCall(form, 'form-message-1');
    // Three recipients, each 1:1 chat held 2.5 s: sent before the answer, it would have taken 7.5 s.
    assert.ok(ms < SLOW_MS, `the press was answered in ${ms} ms, not after the copies`);
    assert.deepEqual(everyCopy(), [0, 0, 0], 'no copy had gone out when the caller was answered');
    const answered = cardText(card);
    assert.match(answered, /Mobilisering – Ängsskolan/);
    assert.match(answered, /Skickas till: Carl Rektorsson, Erik Kurator, Fia Polis"/);
    assert.doesNotMatch(answered, /försöker igen/, 'not yet tried is not "tried again"');
    assert.doesNotMatch(answered, /Alla som nåtts har svarat/);

    await until('every copy posted', () => everyCopy().every((c) => c === 1), 20_000);
    await settled();
    const shared = cardText(cardOfUpdate(updatesOf('form-message-1').at(-1)!));
    assert.match(shared, /Har inte svarat: Carl Rektorsson, Erik Kurator, Fia Polis"/, 'the pressed message now shows everyone reached');
    assert.doesNotMatch(shared, /Skickas till/);
    // Each recipient's copy shows the same.
    for (const s of [CARL, ERIK, FIA]) {
      const own = cardUpdates(h).filter((r) => r.conversationId === `a:personal-${s.aadObjectId}`).at(-1);
      assert.ok(own, `${s.name}'s copy was updated`);
      assert.match(cardText(cardOfUpdate(own)), /Har inte svarat: Carl Rektorsson, Erik Kurator, Fia Polis"/);
    }
  });

  it('When the same call card is pressed again (at once, and as Teams\' retry later), then one call-out is made, every press shows it, and each recipient gets one copy', async () => {
    const form = cardOf((await h.say('mobilisera')).at(-1)!);
    const [first, second] = await Promise.all([pressCall(form, 'form-message-2'), pressCall(form, 'form-message-2')]);
    const idOf = (card: Record<string, any>) => String(button(card, 'mobiliseAnswer').data.id);
    assert.equal(idOf(second.card), idOf(first.card), 'both presses show the same call-out');
    await wait(300);
    const retried = await pressCall(form, 'form-message-2');
    assert.equal(idOf(retried.card), idOf(first.card), 'Teams\' retry shows it too');
    assert.ok(retried.ms < SLOW_MS, 'and is answered at once');

    await until('every copy posted', () => everyCopy().every((c) => c >= 1), 20_000);
    await settled();
    // Past the grace the job finds nothing left to send.
    await h.bot.housekeeping.run(JOB, minutes(3));
    await settled();
    assert.equal(calloutsStored(), 1, 'one call-out stored');
    assert.deepEqual(everyCopy(), [1, 1, 1], 'each recipient got one copy');
    const tries = h.connector.received.filter((r) => isChatCreation(r)).map(memberOf).sort();
    assert.deepEqual(tries, [CARL, ERIK, FIA].map((s) => s.aadObjectId).sort(), 'each was called once');

    // A new card is a new call.
    const again = cardOf((await h.say('mobilisera')).at(-1)!);
    const other = await pressCall(again, 'form-message-3');
    assert.notEqual(idOf(other.card), idOf(first.card));
    await settled();
    assert.equal(calloutsStored(), 2);
  });

  it('When Teams delivers the same typed call twice, then one call-out is made and each recipient gets one copy', async () => {
    chatAnswer = (member) => ({ status: 201, body: { id: `a:personal-${member}` } });
    const message = channelMessage('mobilisera Ängsskolan bråk vid entrén', h.where());
    for (let i = 0; i < 2; i++) assert.equal((await h.post(message)).status, 200);
    await until('every copy posted', () => everyCopy().every((c) => c >= 1), 20_000);
    await settled();
    assert.equal(calloutsStored(), 1);
    assert.deepEqual(everyCopy(), [1, 1, 1]);
  });

  it('When the instance is stopped (SIGTERM) while a copy is on its way, then it finishes the copies before its store closes, and nobody gets one twice', async () => {
    let release!: (answer: ConnectorAnswer) => void;
    const held = new Promise<ConnectorAnswer>((resolve) => { release = resolve; });
    let first = true;
    chatAnswer = (member) => {
      if (member !== ERIK.aadObjectId || !first) return { status: 201, body: { id: `a:personal-${member}` } };
      first = false;
      return held;
    };
    await h.say('mobilisera Ängsskolan rök i trapphuset');
    await until('Erik\'s chat held', () => h.connector.received.some((r) => isChatCreation(r) && memberOf(r) === ERIK.aadObjectId), 10_000);
    assert.deepEqual(everyCopy(), [1, 0, 0]);
    // What main.ts runs on SIGTERM; the Connector answers Erik's chat while the bot is stopping.
    const stopping = h.bot.stop();
    await wait(300);
    release({ status: 201, body: { id: `a:personal-${ERIK.aadObjectId}` } });
    await stopping;
    assert.deepEqual(everyCopy(), [1, 1, 1], 'the stopping instance sent the rest');
    const rows = h.readDatabase((db) => db.prepare('SELECT display_name, delivery FROM callout_recipients ORDER BY display_name').all() as { display_name: string; delivery: string }[]);
    assert.deepEqual(rows.map((r) => `${r.display_name}: ${r.delivery}`), ['Carl Rektorsson: sent', 'Erik Kurator: sent', 'Fia Polis: sent'], 'and recorded them before its store closed');
    const other = new BotHarness();
    other.databaseUrl = h.databaseUrl;
    await other.start({ COORDINATORS: `${TENANT}/${ANNA.aadObjectId}`, MOBILISATION_ESCALATE_MINUTES: '60' });
    try {
      for (const at of [3, 10]) {
        other.clock.current = minutes(at);
        await other.bot.housekeeping.run(JOB, minutes(at));
      }
      assert.deepEqual(everyCopy(), [1, 1, 1], 'another instance\'s job sends nothing more');
    } finally {
      await other.stop();
    }
  });
});

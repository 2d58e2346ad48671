import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/logging/logger';
import { BotHarness, cardOf, cardText } from '../support/bot-harness';
import { button } from '../support/card-buttons';
import { BERIT, CHANNEL, TENANT, cardAction, channelMessage } from '../support/teams-activities';

// Duplicates and lost confirmations (issue 16): the same card, pressed again, at once, or replayed,
// saves at most one report; a report saved before its reply failed is not saved again on a retry.

const CHAT = { tenantId: TENANT, conversationId: CHANNEL };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const incident = {
  date: '2026-11-24', time: '21:15', newPlace: 'Stora torget', category: 'skadegorelse_glaskross',
  description: 'Krossad ruta vid busskuren', severity: 'medel', organisation: 'polisen',
};
const activity = { type: 'nattvandring', date: '2026-11-24', organisation: 'fritid', notes: 'Lugnt vid torget' };

describe('a report is saved once', () => {
  let h: BotHarness;
  let lines: Record<string, unknown>[];
  beforeEach(async () => {
    lines = [];
    const sink = new Writable({ write(chunk, _enc, done) { for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l)); done(); } });
    h = await new BotHarness().start({}, createLogger('info', sink));
  });
  afterEach(async () => { await h.stop(); });

  const count = (table: 'incidents' | 'activities') => h.readDatabase((db) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n);
  const created = () => h.readDatabase((db) => (db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'report.created'").get() as { n: number }).n);

  it('When the same incident form is pressed three times at once, then one report is saved and every press answers with it', async () => {
    const form = cardOf((await h.say('rapportera'))[0]!);
    const submit = button(form, 'submitIncident');
    assert.match(String(submit.data.submitKey), UUID, 'the form carries a random submit key');
    const answers = await Promise.all([1, 2, 3].map(() => h.press('submitIncident', { ...submit.data, ...incident })));
    for (const answer of answers) assert.match(cardText(answer), /Händelse H-2026-0001/);
    assert.equal(count('incidents'), 1);
    assert.equal(created(), 1, 'one report.created in the audit trail');
    assert.equal((await h.bot.store.reports.latest(CHAT, 10)).length, 1);

    const another = button(cardOf((await h.say('rapportera'))[0]!), 'submitIncident');
    assert.notEqual(another.data.submitKey, submit.data.submitKey, 'each drawn form has its own key');
    assert.match(cardText(await h.press('submitIncident', { ...another.data, ...incident })), /Händelse H-2026-0002/);
  });

  it('When a submit invoke is delivered again, then the saved card comes back and nothing new is saved', async () => {
    const submit = button(cardOf((await h.say('rapportera'))[0]!), 'submitIncident');
    const invoke = cardAction('submitIncident', { ...submit.data, ...incident }, h.where());
    const first = (await (await h.post(invoke)).json()) as { value: Record<string, any> };
    const again = (await (await h.post(invoke)).json()) as { value: Record<string, any> };
    assert.match(cardText(first.value), /Händelse H-2026-0001/);
    assert.deepEqual(again.value, first.value, 'the same saved card');
    assert.equal(count('incidents'), 1);
  });

  it('When an activity form is pressed twice, then one activity is saved', async () => {
    const submit = button(cardOf((await h.say('aktivitet'))[0]!), 'submitActivity');
    assert.match(String(submit.data.submitKey), UUID);
    const answers = await Promise.all([1, 2].map(() => h.press('submitActivity', { ...submit.data, ...activity })));
    for (const answer of answers) assert.match(cardText(answer), /Aktivitet A-2026-0001/);
    assert.equal(count('activities'), 1);
  });

  it('When a form comes back with an error, then it keeps its key: fixing and pressing again, twice, saves one report', async () => {
    const submit = button(cardOf((await h.say('rapportera'))[0]!), 'submitIncident');
    const refused = await h.press('submitIncident', { ...submit.data, ...incident, description: '' });
    assert.match(cardText(refused), /behöver rättas/);
    const again = button(refused, 'submitIncident');
    assert.equal(again.data.submitKey, submit.data.submitKey);
    await h.press('submitIncident', { ...again.data, ...incident });
    assert.match(cardText(await h.press('submitIncident', { ...submit.data, ...incident })), /Händelse H-2026-0001/);
    assert.equal(count('incidents'), 1);
  });

  it('When the quick report\'s confirmation card is pressed three times at once, then one incident is saved', async () => {
    const confirm = cardOf((await h.say('hotspot Kvarnbacken stökigt vid kiosken'))[0]!);
    const save = button(confirm, 'hotspotQuickSave');
    assert.match(String(save.data.submitKey), UUID);
    const choice = { ...save.data, placeId: 'new', category: 'ordningsstorning', organisation: 'fritid', description: 'stökigt vid kiosken' };
    const answers = await Promise.all([1, 2, 3].map(() => h.press('hotspotQuickSave', choice)));
    for (const answer of answers) assert.match(cardText(answer), /Händelse H-2026-0001 sparad/);
    assert.equal(count('incidents'), 1);
  });

  it('When a card\'s key is sent from another conversation, then nothing of the report it saved is shown there, and nothing is saved', async () => {
    const submit = button(cardOf((await h.say('rapportera'))[0]!), 'submitIncident');
    await h.press('submitIncident', { ...submit.data, ...incident });
    const elsewhere = await h.press('submitIncident', { ...submit.data, ...incident, description: 'Annan text' }, { from: BERIT, conversationType: 'personal' });
    assert.doesNotMatch(cardText(elsewhere), /H-2026-0001|Krossad ruta/);
    assert.equal(count('incidents'), 1);
  });

  it('When a key is not one the bot makes, then it is ignored and the report is saved as without one', async () => {
    assert.match(cardText(await h.press('submitIncident', { ...incident, submitKey: 'm-forged' })), /Händelse H-2026-0001/);
    assert.match(cardText(await h.press('submitIncident', { ...incident, submitKey: { $ne: null } })), /Händelse H-2026-0002/);
  });

  describe('when the reply to the channel fails after saving', function () {
    // The SDK retries a 5xx a few times, with back-off, before the send fails.
    this.timeout(60_000);
    /** The connector refuses every card with a 502 (after the SDK's own retries too); plain text gets through. */
    const cardsFail = () => {
      h.connector.responder = (req) => (req.body.type === 'message' && req.body.attachments?.length
        ? { status: 502, body: { error: { code: 'BadGateway', message: 'upstream' } } }
        : { status: 201, body: { id: 'ok' } });
    };
    const connectorWorks = () => {
      h.connector.responder = () => ({ status: 201, body: { id: 'ok' } });
    };
    /** A known reporter (organisation remembered) and a known place: "hotspot torget …" saves at once. */
    const knownReporterAndPlace = async () => {
      await h.press('submitIncident', incident);
      assert.equal(count('incidents'), 1);
    };

    it('Then the user is told the report is saved, with its number, never to try again; the redelivered message saves nothing new', async () => {
      await knownReporterAndPlace();
      cardsFail();
      const message = channelMessage('hotspot torget skadegörelse krossad ruta', h.where());
      const before = h.connector.messages().length;
      const res = await h.post(message);
      assert.equal(res.status, 200);
      const posted = h.connector.messages().slice(before);
      assert.equal(count('incidents'), 2);
      const texts = posted.map((m) => String(m.text ?? ''));
      assert.ok(texts.includes('Rapporten är sparad som H-2026-0002.'), `posted: ${JSON.stringify(texts)}`);
      assert.doesNotMatch(JSON.stringify(posted), /Försök igen|försök igen/);
      const logged = lines.find((l) => l.msg === 'reply not delivered after saving; posting the saved number instead');
      assert.equal(logged?.status, 502);

      // Teams delivers the same message again (or the user's client retries it): no second report.
      connectorWorks();
      const redelivered = h.connector.messages().length;
      assert.equal((await h.post(message)).status, 200);
      const [reply] = h.connector.messages().slice(redelivered);
      assert.match(cardText(cardOf(reply!)), /Händelse H-2026-0002 sparad/);
      assert.equal(count('incidents'), 2);
      assert.equal(created(), 2);
    });

    it('Then a failure to post even the number is logged, and the turn still ends without "try again"', async () => {
      await knownReporterAndPlace();
      // E.g. the bot was removed from the channel meanwhile: every post is refused.
      h.connector.responder = (req) => (req.body.type === 'message' ? { status: 403 } : { status: 201, body: { id: 'ok' } });
      const before = h.connector.messages().length;
      assert.equal((await h.post(channelMessage('hotspot torget klotter', h.where()))).status, 200);
      assert.doesNotMatch(JSON.stringify(h.connector.messages().slice(before)), /Något gick fel/);
      assert.ok(lines.some((l) => l.msg === 'saved-report notice not delivered either'));
      assert.equal(count('incidents'), 2);
    });
  });
});

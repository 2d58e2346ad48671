import assert from 'node:assert/strict';
import { messages } from '../../src/i18n/messages';
import { BotHarness, cardOf, cardText } from '../support/bot-harness';
import { BERIT, CHANNEL, extensionInvoke, messagePayload, type Speaker, type Where } from '../support/teams-activities';

// The message extension through the real HTTP server and the fake Bot Connector: a report made from a
// message (dialog: fetchTask with the message, then submitAction), the search command, report links
// unfolding (composeExtension/queryLink) only within the report's scope, and the link's browser page.

const BASE = 'https://bot.example.org';
const TENANT_B = '0b0b0b0b-1111-4222-8333-444455556666';
const BODIL: Speaker = { aadObjectId: '00000000-0000-0000-0000-0000000b0d11', name: 'Bodil Bengtsson' };
const CHANNEL_2 = '19:second-channel@thread.tacv2';
const inB: Partial<Where> = { tenantId: TENANT_B, conversationId: '19:b-channel@thread.tacv2', channelId: '19:b-channel@thread.tacv2', from: BODIL };
const inChannel2: Partial<Where> = { conversationId: CHANNEL_2, channelId: CHANNEL_2 };
const sv = messages('sv');

/** Every input of a card, by id, with its value. */
function inputs(card: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string') out[n.id] = n.value ?? '';
    for (const v of Object.values(n)) visit(v);
  };
  visit(card);
  return out;
}

/** The dialog's Action.Submit buttons. */
function submits(card: Record<string, any>): Record<string, any>[] {
  const out: Record<string, any>[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, any>;
    if (n.type === 'Action.Submit') out.push(n);
    for (const v of Object.values(n)) visit(v);
  };
  visit(card);
  return out;
}

describe('message extension: report from a message, search, report links', function () {
  this.timeout(120_000);
  let h: BotHarness;
  let placeId: string;
  let firstRef: string;

  /** Posts a message extension invoke; returns the invoke's answer and what the bot posted meanwhile. */
  async function ext(name: 'fetchTask' | 'submitAction' | 'query' | 'queryLink', value: Record<string, unknown>, extra: Partial<Where> = {}) {
    const before = h.connector.messages().length;
    const res = await h.post(extensionInvoke(name, value, h.where(extra)));
    assert.equal(res.status, 200, `${name} answered ${res.status}`);
    const raw = await res.text();
    const body = (raw ? JSON.parse(raw) : {}) as Record<string, any>;
    return { body, posted: h.connector.messages().slice(before) };
  }

  const dialogCard = (body: Record<string, any>) => {
    assert.equal(body.task?.type, 'continue', `a dialog: ${JSON.stringify(body).slice(0, 300)}`);
    assert.equal(body.task.value.card.contentType, 'application/vnd.microsoft.card.adaptive');
    return body.task.value.card.content as Record<string, any>;
  };

  /** What Teams sends when the dialog's button is pressed: the inputs, with the button's data. */
  const press = (card: Record<string, any>, values: Record<string, unknown>) => {
    const button = submits(card).find((b) => b.data?.verb !== 'cancel');
    assert.ok(button, 'the dialog has a submit button');
    return { commandId: 'reportIncident', commandContext: 'message', data: { ...inputs(card), ...values, ...button.data } };
  };

  before(async () => {
    h = await new BotHarness().start({ PUBLIC_BASE_URL: BASE, RATE_LIMIT_BURST: '10000', RATE_LIMIT_PER_MINUTE: '10000' });
    const saved = await h.press('submitIncident', {
      date: '2026-11-20', time: '18:00', newPlace: 'Glasbruksparken', category: 'skadegorelse_klotter', description: 'Klotter-hemligt-1',
      severity: 'medel', organisation: 'polisen',
    });
    firstRef = /H-\d{4}-\d{4}/.exec(cardText(saved))![0];
    const form = await h.press('openIncidentForm', {});
    const choice = (JSON.stringify(form).match(/"title":"Glasbruksparken","value":"([^"]+)"/));
    placeId = choice![1]!;
  });
  after(async () => { await h.stop(); });

  describe('"Rapportera som händelse" on a message', () => {
    const html = '<p>Krossad ruta vid <b>Glasbruksparken</b> ikväll &amp; mycket glas.</p><p>Ring 070-123 45 67</p>';
    let dialog: Record<string, any>;

    it('When the action is started on a message, then a dialog opens with the incident form filled from the message, with a personal-data warning', async () => {
      const { body, posted } = await ext('fetchTask', { commandId: 'reportIncident', commandContext: 'message', messagePayload: messagePayload({ content: html }) });
      dialog = dialogCard(body);
      assert.equal(body.task.value.title, 'Rapportera som händelse');
      assert.equal(posted.length, 0, 'nothing is posted before saving');
      const values = inputs(dialog);
      assert.equal(values.description, 'Krossad ruta vid Glasbruksparken ikväll & mycket glas.\nRing 070-123 45 67', 'plain text, without HTML');
      assert.equal(values.date, '2026-11-24');
      assert.equal(values.time, '21:15', 'the time of the message, in Stockholm');
      assert.equal(values.placeId, placeId, 'the place the message names, from the register');
      assert.equal(values.category, 'skadegorelse_glaskross', 'the category the message names');
      assert.match(cardText(dialog), /070/, 'the personal-data warning names what it found');
      assert.ok(cardText(dialog).includes(sv.personalDataKind.telefonnummer), 'the warning says it is a phone number');
      const buttons = submits(dialog);
      assert.ok(buttons.length > 0 && !cardText(dialog).includes('Action.Execute'), 'dialog buttons are Action.Submit');
      assert.ok(buttons.some((b) => b.data.verb === 'submitIncident' && b.data.maskingConfirmed === true && typeof b.data.fromMessage === 'string'));
    });

    it('When the dialog is submitted with an invalid date, then the dialog comes back with the error and every value kept, and nothing is saved', async () => {
      const count = () => h.readDatabase((db) => (db.prepare('SELECT COUNT(*) AS n FROM incidents').get() as { n: number }).n);
      const before = count();
      const { body, posted } = await ext('submitAction', press(dialog, { date: '2026-13-45' }));
      const again = dialogCard(body);
      assert.equal(inputs(again).description, inputs(dialog).description, 'the description is kept');
      assert.equal(inputs(again).date, '2026-13-45', 'the wrong value is kept, to be corrected');
      assert.ok(cardText(again).includes(sv.form.fixErrors));
      assert.equal(posted.length, 0);
      assert.equal(count(), before);
    });

    it('When the dialog is submitted, then the report is saved (masked), the dialog closes and the saved card is posted, linked to the message', async () => {
      const { body, posted } = await ext('submitAction', press(dialog, {}));
      assert.equal(body.task, undefined, `the dialog closes: ${JSON.stringify(body).slice(0, 300)}`);
      assert.equal(posted.length, 1, 'the saved card is posted into the conversation');
      const card = cardOf(posted[0]!);
      assert.match(cardText(card), /Händelse H-2026-\d{4}/);
      assert.ok(cardText(card).includes('https://teams.microsoft.com/l/message/'), 'a button opens the original message');
      assert.ok(!cardText(card).includes('070-123 45 67'), 'the phone number is masked');
      const row = h.readDatabase((db) => db.prepare('SELECT description, category, place_name, occurred_at, conversation_id FROM incidents ORDER BY ref DESC LIMIT 1').get()) as Record<string, string>;
      assert.equal(row.category, 'skadegorelse_glaskross');
      assert.equal(row.place_name, 'Glasbruksparken');
      assert.ok(!String(row.description).includes('070-123 45 67'));
      assert.equal(row.conversation_id, CHANNEL, 'saved in the conversation of the message');
    });

    it('When the dialog is cancelled, then it closes and nothing happens', async () => {
      const cancel = submits(dialog).find((b) => b.data?.verb === 'cancel');
      assert.ok(cancel);
      const { body, posted } = await ext('submitAction', { commandId: 'reportIncident', data: { ...cancel.data } });
      assert.equal(body.task, undefined);
      assert.equal(posted.length, 0);
    });
  });

  it('"Logga som aktivitet": the activity form filled from the message, saved and posted', async () => {
    const text = 'Trygghetsvandring i Glasbruksparken med föräldrar.';
    const { body } = await ext('fetchTask', { commandId: 'logActivity', commandContext: 'message', messagePayload: messagePayload({ content: text, contentType: 'text' }) });
    const dialog = dialogCard(body);
    assert.equal(body.task.value.title, 'Logga som aktivitet');
    assert.equal(inputs(dialog).notes, text);
    assert.equal(inputs(dialog).placeId, placeId);
    assert.equal(inputs(dialog).date, '2026-11-24');
    const values = { ...inputs(dialog), type: 'trygghetsvandring', organisation: 'polisen' };
    const button = submits(dialog).find((b) => b.data.verb === 'submitActivity')!;
    const saved = await ext('submitAction', { commandId: 'logActivity', commandContext: 'message', data: { ...values, ...button.data } });
    assert.equal(saved.body.task, undefined);
    assert.match(cardText(cardOf(saved.posted[0]!)), /Aktivitet A-2026-\d{4}/);
  });

  describe('"Sök rapport"', () => {
    const search = (query: string, extra: Partial<Where> = {}) => ext('query', { commandId: 'searchReports', parameters: [{ name: 'query', value: query }] }, extra);

    it('When a report number is searched, then that report of the conversation is the result, as a card to insert', async () => {
      const { body } = await search(firstRef.toLowerCase());
      assert.equal(body.composeExtension.type, 'result');
      assert.equal(body.composeExtension.attachments.length, 1);
      const attachment = body.composeExtension.attachments[0];
      assert.ok(cardText(attachment.content).includes(firstRef));
      assert.equal(attachment.preview.content.title, firstRef);
      assert.ok(!cardText(attachment).includes('Klotter-hemligt-1'), 'a result holds no free text');
    });

    it('When a place or a category is searched, then the matching reports come back', async () => {
      const byPlace = (await search('glasbruk')).body.composeExtension;
      assert.ok(byPlace.attachments.length >= 2, 'both incidents at the place');
      const byCategory = (await search('glaskross')).body.composeExtension;
      assert.equal(byCategory.attachments.length, 1);
      const byLabel = (await search('klotter')).body.composeExtension;
      assert.ok(cardText(byLabel).includes(firstRef));
    });

    it('When the same number is searched in another channel or another tenant, then nothing is found', async () => {
      for (const where of [inChannel2, inB]) {
        const { body } = await search(firstRef, where);
        assert.equal(body.composeExtension.type, 'message');
        assert.ok(!cardText(body).includes(firstRef) && !cardText(body).includes('Glasbruksparken'));
      }
    });
  });

  describe('report links', () => {
    const link = (ref: string, base = BASE) => `${base}/r/${ref}`;

    it('When a link to a report is pasted in its own conversation, then it unfolds to a brief Adaptive Card 1.3 without personal data', async () => {
      const { body } = await ext('queryLink', { url: link(firstRef) });
      const [attachment] = body.composeExtension.attachments;
      assert.ok(attachment, 'the link unfolds');
      assert.equal(attachment.content.version, '1.3');
      const text = cardText(attachment.content);
      for (const shown of [firstRef, 'Glasbruksparken', sv.category.skadegorelse_klotter, sv.status.ny]) assert.ok(text.includes(shown), `shows ${shown}`);
      for (const hidden of ['Klotter-hemligt-1', 'Anna', 'Andersson']) assert.ok(!text.includes(hidden), `hides ${hidden}`);
    });

    it('When the link is pasted in another tenant or another channel, then it unfolds to nothing, with no hint', async () => {
      for (const where of [inB, inChannel2]) {
        const { body } = await ext('queryLink', { url: link(firstRef) }, where);
        assert.deepEqual(body.composeExtension.attachments, []);
        assert.ok(!cardText(body).includes('Glasbruksparken'));
      }
      const missing = await ext('queryLink', { url: link('H-2026-9999') });
      assert.deepEqual(missing.body.composeExtension.attachments, [], 'a number that does not exist reads the same');
    });

    it('When the link is on another host, or is not a report link, then it unfolds to nothing', async () => {
      for (const url of [link(firstRef, 'https://evil.example.com'), `${BASE}/r/../healthz`, `${BASE}/x/${firstRef}`, 'not a url']) {
        const { body } = await ext('queryLink', { url });
        assert.deepEqual(body.composeExtension.attachments, [], url);
      }
    });

    it('When the link is opened in a browser, then a page says to open it in Teams, the same whether the report exists or not, with no data', async () => {
      const page = await fetch(`${h.baseUrl}/r/${firstRef}`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type') ?? '', /text\/html/);
      assert.equal(page.headers.get('cache-control'), 'no-store');
      const html = await page.text();
      assert.ok(html.includes(sv.extension.linkPage.title));
      for (const hidden of ['Glasbruksparken', 'Klotter', 'Anna']) assert.ok(!html.includes(hidden), `the page shows ${hidden}`);
      const other = await (await fetch(`${h.baseUrl}/r/H-2026-9999`)).text();
      assert.equal(other, html, 'the page does not tell whether the report exists');
      const english = await (await fetch(`${h.baseUrl}/r/${firstRef}`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } })).text();
      assert.ok(english.includes('Open in Teams'));
    });
  });

  it('When a report has more than 500 newer ones in the conversation, then its number, its place, its category and its link still find it', async () => {
    const store = h.bot.store;
    const origin = h.readDatabase((db) => db.prepare('SELECT tenant_id AS tenantId, conversation_id AS conversationId FROM incidents WHERE ref = ?').get(firstRef)) as { tenantId: string; conversationId: string };
    const now = h.clock.now();
    const reporter = { userId: BERIT.aadObjectId, name: BERIT.name };
    const old = await store.places.findOrCreate(origin, 'Kvarnbacken', now);
    const oldest = await store.incidents.create({
      fields: { occurredAt: now, placeId: old.id, placeName: old.name, category: 'narkotika', description: 'Gammal', severity: 'lag', organisation: 'polisen', school: null, youthInvolved: null, policeReportNumber: null, schoolId: null, concernReported: null },
      reporter, origin, organisationConfirmed: false, refYear: 2026, now: new Date(now.getTime() - 86_400_000),
    });
    const newer = await store.places.findOrCreate(origin, 'Torggatan', now);
    for (let i = 0; i < 505; i++) {
      await store.incidents.create({
        fields: { occurredAt: now, placeId: newer.id, placeName: newer.name, category: 'brand', description: 'Ny', severity: 'lag', organisation: 'polisen', school: null, youthInvolved: null, policeReportNumber: null, schoolId: null, concernReported: null },
        reporter, origin, organisationConfirmed: false, refYear: 2026, now: new Date(now.getTime() + i),
      });
    }
    const search = async (query: string) => cardText((await ext('query', { commandId: 'searchReports', parameters: [{ name: 'query', value: query }] })).body);
    assert.ok((await search(oldest.ref)).includes(oldest.ref), 'by number');
    assert.ok((await search('kvarnback')).includes(oldest.ref), 'by place');
    assert.ok((await search(sv.category.narkotika)).includes(oldest.ref), 'by category');
    const { body } = await ext('queryLink', { url: `${BASE}/r/${oldest.ref}` });
    assert.ok(cardText(body.composeExtension.attachments[0]?.content ?? {}).includes(oldest.ref), 'its link unfolds');
  });

  it('A message action from another tenant fills nothing from tenant A\'s register', async () => {
    const { body } = await ext('fetchTask', {
      commandId: 'reportIncident', commandContext: 'message', messagePayload: messagePayload({ content: 'Krossad ruta vid Glasbruksparken' }),
    }, { ...inB, from: BERIT });
    const dialog = dialogCard(body);
    assert.ok(!inputs(dialog).placeId && !inputs(dialog).newPlace, 'tenant B has no such place: none is filled in');
    assert.equal(inputs(dialog).category, 'skadegorelse_glaskross', 'the category words are the same everywhere');
    assert.ok(!cardText(dialog).includes(placeId));
  });
});

import assert from 'node:assert/strict';
import { assertValidCard } from '../support/adaptive-card-check';
import { BotHarness, cardOf, cardText } from '../support/bot-harness';
import { ANNA, botAdded, CHANNEL, TENANT } from '../support/teams-activities';

describe('bot commands in a Teams channel', () => {
  let h: BotHarness;
  beforeEach(async () => { h = await new BotHarness().start(); });
  afterEach(async () => { await h.stop(); });

  it('When the bot is added to a team, then it greets in Swedish with the main buttons and remembers the channel', async () => {
    const res = await h.post(botAdded(h.where()));
    assert.equal(res.status, 200);
    const [welcome] = h.connector.messages();
    const card = cardOf(welcome!);
    assertValidCard(card);
    assert.match(cardText(card), /Hej! Jag är Trygghetsboten/);
    assert.deepEqual(card.actions.map((a: any) => a.verb), ['openIncidentForm', 'openActivityForm', 'showLatest', 'showHelp']);
    const stored = await h.bot.store.conversations.get({ tenantId: TENANT, conversationId: CHANNEL });
    assert.equal(stored?.tenantId, TENANT);
    assert.equal(stored?.serviceUrl, h.connector.url);
    assert.equal(stored?.teamId, '19:team-general@thread.tacv2');
  });

  it('When someone writes "hjälp" with an @mention, then the help card lists the commands', async () => {
    const [reply] = await h.say('Hjälp');
    const card = cardOf(reply!);
    assertValidCard(card);
    assert.match(cardText(card), /Det här kan jag/);
    for (const cmd of ['rapportera', 'aktivitet', 'senaste']) assert.match(cardText(card), new RegExp(cmd));
  });

  it('When the client is English, then the answer is in English', async () => {
    const [reply] = await h.say('help', { locale: 'en-US' });
    assert.match(cardText(cardOf(reply!)), /What I can do/);
  });

  it('When someone writes "rapportera", then the incident card opens with today and now filled in', async () => {
    const [reply] = await h.say('rapportera');
    const card = cardOf(reply!);
    assertValidCard(card);
    const text = cardText(card);
    assert.match(text, /Rapportera en händelse/);
    assert.match(text, /"id":"date","label":"Datum","value":"2026-11-25"/);
    assert.match(text, /"id":"time","label":"Tid \(ungefär\)","value":"11:00"/);
  });

  it('When someone writes "aktivitet", then the activity card opens', async () => {
    const [reply] = await h.say('AKTIVITET');
    const card = cardOf(reply!);
    assertValidCard(card);
    assert.match(cardText(card), /Logga en aktivitet/);
  });

  it('When someone writes something else, then a short Swedish hint lists the commands', async () => {
    const [reply] = await h.say('vad händer?');
    assert.equal(reply!.attachments, undefined);
    assert.match(reply!.text, /Det förstod jag inte.*rapportera.*aktivitet.*senaste.*hjälp/);
  });

  it('When the channel has no reports, then "senaste" says so kindly; later it lists them newest first', async () => {
    const [empty] = await h.say('senaste');
    assert.match(cardText(cardOf(empty!)), /Inga rapporter än/);

    for (const description of ['Klotter på muren', 'Krossad ruta']) {
      await h.press('submitIncident', { date: '2026-11-24', time: '20:00', newPlace: 'Stora torget', category: 'skadegorelse_klotter', description, severity: 'medel', organisation: 'polisen' });
      h.clock.current = new Date(h.clock.current.getTime() + 60_000);
    }
    const [list] = await h.say('senaste');
    const text = cardText(cardOf(list!));
    assert.ok(text.indexOf('H-2026-0002') < text.indexOf('H-2026-0001'), 'newest first');
    assert.match(text, /Skadegörelse – klotter · Stora torget/);
  });

  it('When a message comes from another channel, then its "senaste" does not show this channel’s reports', async () => {
    await h.press('submitIncident', { date: '2026-11-24', newPlace: 'Parken', category: 'brand', description: 'Brand i papperskorg', organisation: 'raddningstjanst' });
    const [other] = await h.say('senaste', { conversationId: '19:other@thread.tacv2' });
    assert.match(cardText(cardOf(other!)), /Inga rapporter än/);
    assert.equal(ANNA.name, 'Anna Andersson');
  });
});

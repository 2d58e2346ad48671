import assert from 'node:assert/strict';
import { assertValidCard } from '../support/adaptive-card-check';
import { actionsOf, BotHarness, cardOf, cardText } from '../support/bot-harness';
import { ANNA, BERIT, CHANNEL, TENANT, type Speaker } from '../support/teams-activities';

const incident = {
  date: '2026-11-24', time: '21:15', newPlace: 'Stora torget', category: 'skadegorelse_glaskross',
  description: 'Krossad ruta vid busskuren', severity: 'hog', organisation: 'polisen', school: '', youthInvolved: '3',
  policeReportNumber: 'K123456-26',
};
const activity = {
  type: 'hotspot_besok', date: '2026-11-24', newPlace: 'Stora torget', organisation: 'kommunen',
  organisations: 'polisen,socialtjanst', notes: 'Pratade med butiksägare', peopleMet: '12', followUpDate: '2026-12-08',
};
/** The municipality's coordinator, named in COORDINATORS: the one who confirms who belongs to which organisation. */
const SAMORDNARE: Speaker = { aadObjectId: '00000000-0000-0000-0000-00000000dddd', name: 'Sara Samordnare' };
/** The channel the harness talks in, as the scope to read back what the bot stored. */
const CHAT = { tenantId: TENANT, conversationId: CHANNEL };
const INJECTIONS = ["'); DROP TABLE incidents;--", '<script>alert(1)</script>', '**fet** [klick](http://evil.example)', '${reporter.name} {{DATE(2026-01-01T00:00:00Z)}}'];

describe('reporting through cards', () => {
  let h: BotHarness;
  beforeEach(async () => { h = await new BotHarness().start({ COORDINATORS: `${TENANT}/${SAMORDNARE.aadObjectId}` }); });
  afterEach(async () => { await h.stop(); });

  /** The coordinator confirms, by @mention, that someone who has used the bot belongs to an organisation. */
  const confirm = async (who: Speaker, organisation: string) => {
    const [reply] = await h.say(`organisation ${organisation}`, { from: SAMORDNARE }, [who]);
    assert.match(cardText(cardOf(reply!)), new RegExp(`${who.name} tillhör nu`));
  };

  const action = (card: Record<string, any>, verb: string, status?: string) =>
    actionsOf(card).find((a) => a.verb === verb && (!status || a.data.status === status))!;

  it('When a valid incident is submitted, then the card becomes the saved report and it is stored', async () => {
    const card = await h.press('submitIncident', incident);
    assertValidCard(card);
    const text = cardText(card);
    assert.match(text, /Händelse H-2026-0001/);
    assert.match(text, /Sparad\./);
    assert.match(text, /Stora torget/);
    assert.match(text, /Skadegörelse – glaskross/);
    // Anna's membership of the police is not confirmed by a coordinator: the card says so.
    assert.match(text, /Rapporterad av: Anna Andersson, Polisen \(organisation ej bekräftad\), 25 nov\.? 2026 11:00/);
    assert.deepEqual(actionsOf(card).map((a) => a.title), ['Ändra', 'Markera som hanteras', 'Jag tar den']);

    const stored = await h.bot.store.incidents.get(CHAT, action(card, 'openEdit').data.id);
    assert.equal(stored?.description, 'Krossad ruta vid busskuren');
    assert.equal(stored?.occurredAt.toISOString(), '2026-11-24T20:15:00.000Z');
    assert.equal(stored?.youthInvolved, 3);
    assert.equal(stored?.policeReportNumber, 'K123456-26');
    assert.equal(stored?.origin.conversationId, CHANNEL);
  });

  it('When the card is submitted empty, then the same card comes back with an error at each required field', async () => {
    const card = await h.press('submitIncident', {});
    assertValidCard(card);
    const text = cardText(card);
    assert.match(text, /Något behöver rättas/);
    assert.equal((text.match(/Fyll i det här fältet\./g) ?? []).length >= 4, true);
    assert.equal(await h.bot.store.reports.latest(CHAT, 10).then((r) => r.length), 0);
  });

  it('When some values are wrong, then every typed value is kept and only the wrong ones are marked', async () => {
    const card = await h.press('submitIncident', { ...incident, youthInvolved: 'tre', date: '2026-02-30' });
    const text = cardText(card);
    assert.match(text, /Ange ett heltal, till exempel 3 \(du skrev \\"tre\\"\)/);
    assert.match(text, /"value":"Krossad ruta vid busskuren"/);
    assert.match(text, /"value":"Stora torget"/);
    assert.match(text, /Ange ett heltal/);
    assert.match(text, /Ange ett datum som ÅÅÅÅ-MM-DD/);
    assert.doesNotMatch(text, /Fyll i det här fältet\.","wrap/);
  });

  it('When text fields hold SQL or script injection, then they are stored verbatim and shown as plain text', async () => {
    for (const evil of INJECTIONS) {
      const card = await h.press('submitIncident', { ...incident, description: evil, newPlace: `Torget ${evil}`.slice(0, 80), school: evil.slice(0, 80) });
      const stored = await h.bot.store.incidents.get(CHAT, action(card, 'openEdit').data.id);
      assert.equal(stored?.description, evil);
      assert.equal(stored?.school, evil.slice(0, 80));
      const shown = cardText(card);
      assert.doesNotMatch(shown, /\*\*fet\*\*|\[klick\]\(/, 'markdown must be escaped');
      assert.doesNotMatch(shown, /\{\{DATE/, 'date functions must be neutralised');
    }
    assert.equal((await h.bot.store.reports.latest(CHAT, 10)).length, INJECTIONS.length);
  });

  it('When the reporter edits, then the stored report and the card change in place; the next user is defaulted to their organisation', async () => {
    const saved = await h.press('submitIncident', incident);
    const form = await h.press('openEdit', action(saved, 'openEdit').data);
    assertValidCard(form);
    assert.match(cardText(form), /Ändra händelse H-2026-0001/);
    assert.match(cardText(form), /"value":"Krossad ruta vid busskuren"/);
    const submit = actionsOf(form).find((a) => a.verb === 'saveIncidentEdit')!;
    const updated = await h.press('saveIncidentEdit', { ...submit.data, ...incident, description: 'Två krossade rutor' });
    assert.match(cardText(updated), /Ändringen är sparad/);
    assert.match(cardText(updated), /Två krossade rutor/);
    const stored = await h.bot.store.incidents.get(CHAT, submit.data.id);
    assert.equal(stored?.description, 'Två krossade rutor');
    assert.equal(stored?.version, 2);

    const [reply] = await h.say('rapportera');
    assert.match(cardText(reply), /"id":"organisation","label":"Rapporterande organisation","style":"compact","value":"polisen"/);
  });

  it('When someone from another organisation tries to edit, then they are politely refused and nothing changes', async () => {
    const saved = await h.press('submitIncident', incident);
    await h.press('submitActivity', { ...activity, organisation: 'skola', organisations: '' }, { from: BERIT });
    await confirm(BERIT, 'skola');
    const refused = await h.press('openEdit', action(saved, 'openEdit').data, { from: BERIT });
    assert.match(cardText(refused), /Du har inte behörighet att göra det/);
    assert.doesNotMatch(cardText(refused), /Krossad ruta/, 'a refusal does not show the report');
    const sneaky = await h.press('saveIncidentEdit', { ...action(saved, 'openEdit').data, ...incident, description: 'ändrat' }, { from: BERIT });
    assert.match(cardText(sneaky), /Du har inte behörighet att göra det/);
    assert.equal((await h.bot.store.incidents.get(CHAT, action(saved, 'openEdit').data.id))?.description, incident.description);
  });

  it('When the status moves and someone takes the report, then the card shows it; a stale card is told someone was first', async () => {
    // Moving a report along is for confirmed members of its organisation: Anna and Berit are both police.
    const saved = await h.press('submitIncident', incident);
    await h.press('submitIncident', { ...incident, description: 'Klotter på väggen' }, { from: BERIT });
    await confirm(ANNA, 'polisen');
    await confirm(BERIT, 'polisen');
    const handling = await h.press('setStatus', action(saved, 'setStatus', 'hanteras').data);
    assert.match(cardText(handling), /"title":"Status","value":"Hanteras"/);
    const stale = await h.press('assignToMe', action(saved, 'assignToMe').data, { from: BERIT });
    assert.match(cardText(stale), /Någon annan hann ändra rapporten/);
    const taken = await h.press('assignToMe', action(handling, 'assignToMe').data, { from: BERIT });
    assert.match(cardText(taken), /"title":"Hanteras av","value":"Berit Berg"/);
    const asked = await h.press('setStatus', action(taken, 'setStatus', 'atgardad').data);
    assert.match(cardText(asked), /Vad gjordes\?/);
    const done = await h.press('closeReport', { ...action(asked, 'closeReport').data, resolution: 'Rutan bytt' });
    assert.match(cardText(done), /"value":"Åtgärdad"/);
    assert.deepEqual(actionsOf(done).map((a) => a.title), ['Ändra', 'Markera som hanteras']);
  });

  it('When a button refers to a report that no longer exists, then the user is told so', async () => {
    const missing = { kind: 'incident', id: '00000000-0000-0000-0000-000000000000', version: 1 };
    for (const verb of ['openEdit', 'assignToMe', 'showReport']) {
      assert.match(cardText(await h.press(verb, missing)), /Det finns inget sådant här\. Det kan ha tagits bort/);
    }
    assert.match(cardText(await h.press('saveIncidentEdit', { ...missing, ...incident })), /Det finns inget sådant här/);
    assert.match(cardText(await h.press('setStatus', { ...missing, status: 'hanteras' })), /Det finns inget sådant här/);
  });

  it('When an activity is logged, then it gets an A-number and its organisations; an invalid one comes back marked', async () => {
    const card = await h.press('submitActivity', activity);
    assertValidCard(card);
    const text = cardText(card);
    assert.match(text, /Aktivitet A-2026-0001/);
    assert.match(text, /Kommunen\/säkerhetssamordnare, Polisen, Socialtjänst/);
    assert.match(text, /"title":"Personer mötta","value":"12"/);
    const bad = await h.press('submitActivity', { ...activity, type: '', followUpDate: '2026-11-01' });
    assert.match(cardText(bad), /Uppföljningen kan inte ligga före/);
    assert.match(cardText(bad), /"value":"Pratade med butiksägare"/);
  });

  it('When an unknown or cancel button is pressed, then the card says what happened', async () => {
    assert.match(cardText(await h.press('cancel', {})), /Avbrutet\. Inget sparades/);
    assert.match(cardText(await h.press('selfDestruct', {})), /känns inte igen/);
  });
});

describe('an unexpected failure behind a button', () => {
  it('When something breaks inside the bot, then the card says so in Swedish and no stack trace reaches the user', async () => {
    const h = await new BotHarness().start();
    try {
      (h.bot.store.incidents as { get: unknown }).get = async () => { throw new TypeError('internal detail at foo.ts:12'); };
      const card = await h.press('showReport', { kind: 'incident', id: 'x' });
      assert.match(cardText(card), /Något gick fel hos mig/);
      assert.doesNotMatch(cardText(card), /internal detail|foo\.ts/);
    } finally {
      await h.stop();
    }
  });
});

import assert from 'node:assert/strict';
import { assertValidCard } from '../support/adaptive-card-check';
import { actionsOf, BotHarness, cardText } from '../support/bot-harness';
import { CHANNEL, TENANT } from '../support/teams-activities';

/** The channel the harness talks in, as the scope to read back what the bot stored. */
const CHAT = { tenantId: TENANT, conversationId: CHANNEL };

const incident = {
  date: '2026-11-24', time: '21:15', newPlace: 'Stora torget', category: 'hot_vald', severity: 'hog', organisation: 'polisen',
};

describe('personal data in reports', () => {
  let h: BotHarness;
  beforeEach(async () => { h = await new BotHarness().start(); });
  afterEach(async () => { await h.stop(); });

  it('When a description holds a personal identity number and a phone number, then the card warns first and saving again stores them masked', async () => {
    const description = 'Eleven 20050101-1233 hotade, ring mamma 070-123 45 67';
    const warned = await h.press('submitIncident', { ...incident, description });
    assertValidCard(warned);
    const text = cardText(warned);
    assert.match(text, /Texten innehåller personuppgifter: personnummer 20050101-\*\*\*\*, telefonnummer 070-\*\*\* \*\* \*\*/);
    assert.match(text, /"value":"Eleven 20050101-1233 hotade, ring mamma 070-123 45 67"/, 'the typed text is kept so the reporter can fix it');
    assert.equal((await h.bot.store.reports.latest(CHAT, 10)).length, 0, 'nothing stored before the reporter decides');

    const submit = actionsOf(warned).find((a) => a.verb === 'submitIncident')!;
    assert.equal(submit.data.maskingConfirmed, true);
    const saved = await h.press('submitIncident', { ...submit.data, ...incident, description });
    const id = actionsOf(saved).find((a) => a.verb === 'openEdit')!.data.id;
    const stored = await h.bot.store.incidents.get(CHAT, id);
    assert.equal(stored?.description, 'Eleven 20050101-**** hotade, ring mamma 070-*** ** **');
    assert.doesNotMatch(cardText(saved), /1233|45 67/);
  });

  it('When the text holds only dates, times and a K-nummer, then it is saved at once and unchanged', async () => {
    const description = 'Hände 2026-11-24 kl 21:15, anmält som K123456-26, 12 ungdomar';
    const saved = await h.press('submitIncident', { ...incident, description, policeReportNumber: 'K123456-26' });
    assert.match(cardText(saved), /Sparad\./);
    const id = actionsOf(saved).find((a) => a.verb === 'openEdit')!.data.id;
    assert.equal((await h.bot.store.incidents.get(CHAT, id))?.description, description);
  });

  it('When an activity note holds an e-mail address and a registration number, then both are masked', async () => {
    const notes = 'Kontakt: asa.berg@kungsor.se, bilen ABC123 stod kvar';
    const warned = await h.press('submitActivity', { type: 'nattvandring', date: '2026-11-24', organisation: 'fritid', notes });
    assert.match(cardText(warned), /e-postadress \[e-post\], registreringsnummer \[reg\.nr\]/);
    const saved = await h.press('submitActivity', { type: 'nattvandring', date: '2026-11-24', organisation: 'fritid', notes, maskingConfirmed: true });
    const id = actionsOf(saved).find((a) => a.verb === 'openEdit')!.data.id;
    assert.equal((await h.bot.store.activities.get(CHAT, id))?.notes, 'Kontakt: [e-post], bilen [reg.nr] stod kvar');
    assert.doesNotMatch(cardText(saved), /kungsor\.se|ABC123/);
  });
});

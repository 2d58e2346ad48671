import assert from 'node:assert/strict';
import { assertValidCard } from '../support/adaptive-card-check';
import { BotHarness, cardOf, cardText } from '../support/bot-harness';
import { button } from '../support/card-buttons';
import { ANNA, CHANNEL, TENANT, type Speaker } from '../support/teams-activities';

// Issue 16: the personal-data guard on every free-text field, through the bot as Teams drives it —
// hot spot analysis, measures and the place register warn first, keep what was typed, and save masked
// on "Spara" again; the K-nummer field accepts only police case numbers and says so.

const SAMORDNARE: Speaker = { aadObjectId: '00000000-0000-0000-0000-00000000dddd', name: 'Sara Samordnare' };
const CHAT = { tenantId: TENANT, conversationId: CHANNEL };
const TENANT_SCOPE = { tenantId: TENANT };

const incident = (extra: Record<string, string> = {}) => ({
  date: '2026-11-24', time: '21:15', newPlace: 'Stora torget', category: 'skadegorelse_glaskross', description: 'Krossad ruta',
  severity: 'medel', organisation: 'polisen', school: '', youthInvolved: '', policeReportNumber: '', ...extra,
});

describe('personal data on every free-text field, through the bot', () => {
  let h: BotHarness;
  beforeEach(async () => { h = await new BotHarness().start({ COORDINATORS: `${TENANT}/${SAMORDNARE.aadObjectId}` }); });
  afterEach(async () => { await h.stop(); });

  const placeId = async (name: string) => (await h.bot.store.places.findOrCreate(TENANT_SCOPE, name, h.clock.now())).id;

  /** Anna, confirmed for the police, starts a hot spot at Stora torget; its card. */
  const hotspot = async () => {
    await h.press('submitIncident', incident());
    const [reply] = await h.say('organisation polisen', { from: SAMORDNARE }, [ANNA]);
    assert.match(cardText(cardOf(reply!)), / tillhör nu /);
    return h.press('hotspotStart', { placeId: await placeId('Stora torget') });
  };

  it('When a hot spot analysis holds a phone number, then the form warns and keeps the text, and saving again stores it masked', async () => {
    const card = await hotspot();
    const form = await h.press('hotspotOpenAnalysis', button(card, 'hotspotOpenAnalysis').data);
    const typed = { who: 'Pojke, pappa 070-123 45 67', what: 'Glaskross', when: 'Fredagar', why: 'Mörkt' };
    const warned = await h.press('hotspotSaveAnalysis', { ...button(form, 'hotspotSaveAnalysis').data, ...typed });
    assertValidCard(warned);
    assert.match(cardText(warned), /Texten innehåller personuppgifter: telefonnummer 070-\*\*\* \*\* \*\*/);
    assert.match(cardText(warned), /"value":"Pojke, pappa 070-123 45 67"/, 'what was typed is kept');
    const id = button(card, 'hotspotOpenAnalysis').data.id;
    assert.equal((await h.bot.store.hotspots.get(TENANT_SCOPE, id))?.analysis.who, null, 'nothing stored before the user decides');

    const submit = button(warned, 'hotspotSaveAnalysis');
    assert.equal(submit.data.maskingConfirmed, true);
    const saved = await h.press('hotspotSaveAnalysis', { ...submit.data, ...typed });
    assert.doesNotMatch(cardText(saved), /123 45 67/);
    assert.equal((await h.bot.store.hotspots.get(TENANT_SCOPE, id))?.analysis.who, 'Pojke, pappa 070-*** ** **');
  });

  it('When a measure names a personal identity number, then the form warns in English too, and saving again stores it masked', async () => {
    const card = await hotspot();
    await h.press('hotspotNext', button(card, 'hotspotNext').data);
    const id = button(card, 'hotspotNext').data.id;
    const form = await h.press('hotspotOpenMeasure', { id });
    const typed = { what: 'Samtal med 811218-9876 och föräldrar', organisation: 'socialtjanst', dueDate: '2026-12-10' };
    const warned = await h.press('hotspotAddMeasure', { ...button(form, 'hotspotAddMeasure').data, ...typed }, { locale: 'en-GB' });
    assertValidCard(warned);
    assert.match(cardText(warned), /The text contains personal data: personal identity number 811218-\*\*\*\*/);
    assert.match(cardText(warned), /"value":"Samtal med 811218-9876 och föräldrar"/);
    assert.deepEqual(await h.bot.store.hotspots.measures(TENANT_SCOPE, [id]), []);

    await h.press('hotspotAddMeasure', { ...button(warned, 'hotspotAddMeasure').data, ...typed });
    const [measure] = await h.bot.store.hotspots.measures(TENANT_SCOPE, [id]);
    assert.equal(measure?.what, 'Samtal med 811218-**** och föräldrar');
  });

  it('When a place is renamed or given an alias with personal data, then the place card warns with the typed values kept, and saving again stores them masked', async () => {
    const torget = await placeId('Stora torget');
    const typed = { name: 'Stora torget', kind: 'torg', lat: '', lon: '', parentId: 'none', alias: 'Kiosken, ring 070-1234567' };
    const warned = await h.press('placeSave', { id: torget, ...typed }, { from: SAMORDNARE });
    assertValidCard(warned);
    assert.match(cardText(warned), /Texten innehåller personuppgifter: telefonnummer 070-\*\*\*\*\*\*\*/);
    assert.match(cardText(warned), /"id":"alias"[^}]*"value":"Kiosken, ring 070-1234567"/);
    assert.deepEqual((await h.bot.store.placeRegister.get(TENANT_SCOPE, torget))?.aliases, []);

    const save = button(warned, 'placeSave');
    assert.equal(save.data.maskingConfirmed, true);
    await h.press('placeSave', { ...save.data, ...typed }, { from: SAMORDNARE });
    assert.deepEqual((await h.bot.store.placeRegister.get(TENANT_SCOPE, torget))?.aliases, ['Kiosken, ring 070-*******']);

    const renamed = await h.press('placeSave', { id: torget, ...typed, name: 'Torget vid ABC123', alias: '' }, { from: SAMORDNARE });
    assert.match(cardText(renamed), /registreringsnummer \[reg\.nr\]/);
    assert.equal((await h.bot.store.placeRegister.get(TENANT_SCOPE, torget))?.name, 'Stora torget');
  });

  it('When a place name holds invisible characters, then it is stored without them', async () => {
    const torget = await placeId('Stora torget');
    await h.press('placeSave', { id: torget, name: 'Stora\u200B torget\u202E', kind: 'torg', lat: '', lon: '', parentId: 'none', alias: 'Tor\u200Bget' }, { from: SAMORDNARE });
    const stored = await h.bot.store.placeRegister.get(TENANT_SCOPE, torget);
    assert.equal(stored?.name, 'Stora torget');
    assert.deepEqual(stored?.aliases, ['Torget']);
  });

  it('When the K-nummer field holds a personnummer, then the card refuses it with the expected format and saves nothing; a real one is saved', async () => {
    const refused = await h.press('submitIncident', incident({ policeReportNumber: '811218-9876' }));
    assertValidCard(refused);
    assert.match(cardText(refused), /Ange ett K-nummer som K100234-26 eller 5000-K100234-26/);
    assert.match(cardText(refused), /"id":"policeReportNumber"[^}]*"value":"811218-9876"/);
    assert.equal((await h.bot.store.reports.latest(CHAT, 10)).length, 0);
    const english = await h.press('submitIncident', incident({ policeReportNumber: 'ABC 123' }), { locale: 'en-US' });
    assert.match(cardText(english), /Enter a police case number \(K-nummer\) like K100234-26 or 5000-K100234-26/);

    const saved = await h.press('submitIncident', incident({ policeReportNumber: '5000 - k123456-26' }));
    const id = button(saved, 'openEdit').data.id;
    assert.equal((await h.bot.store.incidents.get(CHAT, id))?.policeReportNumber, '5000-K123456-26');
  });

  it('When a report is dated 1999 or next year, then the card says so, keeps the values and saves nothing', async () => {
    const early = await h.press('submitIncident', incident({ date: '1999-11-24' }));
    assert.match(cardText(early), /Datumet ligger före år 2000 \(du skrev \\"1999-11-24\\"\)/);
    const ahead = await h.press('submitActivity', { type: 'nattvandring', date: '2027-11-24', organisation: 'fritid', notes: 'Lugnt' }, { locale: 'en-US' });
    assert.match(cardText(ahead), /That is in the future \(you typed \\"2027-11-24\\"\)/);
    assert.match(cardText(ahead), /"value":"Lugnt"/);
    assert.equal((await h.bot.store.reports.latest(CHAT, 10)).length, 0);
  });
});

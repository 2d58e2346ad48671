import assert from 'node:assert/strict';
import { BotHarness, cardOf, cardText } from '../support/bot-harness';
import { button } from '../support/card-buttons';
import { ANNA, BERIT, CHANNEL, TENANT, type Speaker } from '../support/teams-activities';

/** The municipality's coordinator, named in COORDINATORS. */
const SAMORDNARE: Speaker = { aadObjectId: '00000000-0000-0000-0000-00000000dddd', name: 'Sara Samordnare' };
const TENANT_SCOPE = { tenantId: TENANT };

const incident = (newPlace: string) => ({
  date: '2026-11-24', time: '21:15', newPlace, category: 'skadegorelse_glaskross', description: 'Krossad ruta',
  severity: 'medel', organisation: 'polisen', school: '', youthInvolved: '', policeReportNumber: '',
});

describe('hot spot and place changes in the log', () => {
  let h: BotHarness;
  beforeEach(async () => { h = await new BotHarness().start({ COORDINATORS: `${TENANT}/${SAMORDNARE.aadObjectId}` }); });
  afterEach(async () => { await h.stop(); });

  const placeId = async (name: string) => (await h.bot.store.places.findOrCreate(TENANT_SCOPE, name, h.clock.now())).id;
  const log = async (locale?: string) => cardText(cardOf((await h.say('logg', { from: SAMORDNARE, ...(locale ? { locale } : {}) }))[0]!));

  it('When a hot spot is worked on and places are curated, then "logg" names who did each step, in Swedish and English, without their text', async () => {
    await h.press('submitIncident', incident('Stora torget'));
    await h.press('submitIncident', { ...incident('Torget i Kungsör') }, { from: BERIT });
    // The log names people by the name their profile keeps: the coordinator has one once she has reported.
    await h.press('submitIncident', { ...incident('Parken'), organisation: 'kommunen' }, { from: SAMORDNARE });
    const [confirmed] = await h.say('organisation polisen', { from: SAMORDNARE }, [ANNA]);
    assert.match(cardText(cardOf(confirmed!)), / tillhör nu /);
    const torget = await placeId('Stora torget');

    let card = await h.press('hotspotStart', { placeId: torget });
    card = await h.press('hotspotNext', button(card, 'hotspotNext').data);
    card = await h.press('hotspotSaveAnalysis', { ...button(await h.press('hotspotOpenAnalysis', button(card, 'hotspotOpenAnalysis').data), 'hotspotSaveAnalysis').data,
      who: 'Unga 15–17 år', what: 'Glaskross', when: 'Fredagskvällar', why: 'Hemligt mörker vid busskuren' });
    card = await h.press('hotspotNext', button(card, 'hotspotNext').data);
    card = await h.press('hotspotAddMeasure', { ...button(await h.press('hotspotOpenMeasure', button(card, 'hotspotOpenMeasure').data), 'hotspotAddMeasure').data,
      what: 'Hemlig belysningsåtgärd', organisation: 'kommunen', dueDate: '2026-12-10' });
    card = await h.press('hotspotSetFollowUp', { ...button(await h.press('hotspotOpenFollowUp', button(card, 'hotspotOpenFollowUp').data), 'hotspotSetFollowUp').data, followUpDate: '2026-12-23' });
    card = await h.press('hotspotMeasureDone', button(card, 'hotspotMeasureDone').data);
    assert.match(cardText(card), /– klar/);

    // Created from a report as a torg already (its name says so): the curation changes only the coordinates.
    const saved = await h.press('placeSave', { id: torget, name: 'Stora torget', kind: 'torg', lat: '59.25', lon: '16.15', parentId: '', alias: 'Hemligtorget' }, { from: SAMORDNARE });
    assert.doesNotMatch(cardText(saved), /Du har inte behörighet/);
    const merged = await h.press('placeMerge', { id: torget, mergeId: await placeId('Torget i Kungsör') }, { from: SAMORDNARE });
    assert.doesNotMatch(cardText(merged), /Du har inte behörighet/);

    const sv = await log();
    for (const line of [
      /Anna Andersson startade hot spot \(Polisen\)/, /Anna Andersson flyttade hot spot \(Analyseras\)/, /Anna Andersson sparade analysen för hot spot \(vem, vad, när, varför\)/,
      /Anna Andersson lade till åtgärd \(Kommunen\/säkerhetssamordnare\)/, /Anna Andersson satte uppföljningsdag för hot spot \(23 dec\. 2026\)/,
      /Anna Andersson markerade som klar: åtgärd \(Kommunen\/säkerhetssamordnare\)/, /Sara Samordnare ändrade plats \(latitud, longitud\)/, /Sara Samordnare lade till ett annat namn för plats/, /Sara Samordnare slog ihop en annan plats med plats \(/,
    ]) assert.match(sv, line);
    assert.doesNotMatch(sv, /Hemlig|Kungsör/, 'no analysis, measure, alias or place name text in the log');

    const en = await log('en-US');
    for (const line of [/Anna Andersson started hot spot \(Police\)/, /Anna Andersson added measure \(Municipality[^)]*\)/, /Sara Samordnare merged another place into place \(/]) assert.match(en, line);
  });

  it('When exports are made and a hot spot gets a follow-up day, then "logg" says so in Swedish words and Swedish dates', async () => {
    h.clock.current = new Date('2026-11-25T10:00:00Z'); // Wednesday of week 48
    await h.press('submitIncident', incident('Parken'), { from: SAMORDNARE }); // the log names her by her profile
    await h.say('export vecka 48', { from: SAMORDNARE });
    await h.say('export 2026', { from: SAMORDNARE });
    const sv = await log();
    assert.match(sv, /Sara Samordnare exporterade lägesbild vecka 48 2026/);
    assert.match(sv, /Sara Samordnare exporterade lägesbild 2026"/, 'a year export is named by its year alone');
    assert.match(sv, /"title":"25 nov\. 2026 11:00"/, 'the time in Swedish style, Stockholm time');
    assert.doesNotMatch(sv, /week|year|2026-11-2\d/, 'no codes or ISO dates');
    const en = await log('en-GB');
    assert.match(en, /Sara Samordnare exported lägesbild week 48 2026/);
  });

  it('When a user keeps acting, then retention keeps their profile; one not seen for RETENTION_MONTHS loses it', async () => {
    await h.press('submitIncident', incident('Stora torget'));
    await h.press('submitIncident', incident('Parken'), { from: BERIT });
    assert.equal((await h.bot.store.users.get(TENANT_SCOPE, BERIT.aadObjectId))?.displayName, BERIT.name);

    // Anna only looks at hot spots now and then; Berit is not seen again.
    for (const day of ['2027-06-01', '2028-06-01', '2029-06-01']) {
      h.clock.current = new Date(`${day}T09:00:00Z`);
      await h.say('hotspots');
    }
    await h.bot.housekeeping.run('retention', new Date('2030-01-01T02:15:00Z'));
    assert.equal((await h.bot.store.users.get(TENANT_SCOPE, ANNA.aadObjectId))?.displayName, ANNA.name);
    assert.equal(await h.bot.store.users.get(TENANT_SCOPE, BERIT.aadObjectId), null);
    const chat = { tenantId: TENANT, conversationId: CHANNEL };
    assert.ok((await h.bot.store.reports.latest(chat, 5)).length === 2, 'the reports stay, anonymised');
  });
});

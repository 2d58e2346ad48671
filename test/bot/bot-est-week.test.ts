import assert from 'node:assert/strict';
import { BotHarness, cardOf, cardText } from '../support/bot-harness';
import { button } from '../support/card-buttons';
import { ANNA, BERIT, TENANT, personalChatIdOf, type Speaker } from '../support/teams-activities';

// The EST week through the bot, as Teams sends it: an area's weekly assessment on a small form (bad
// input answered in Swedish with what was typed kept, personal data caught before storing), the
// rapportör list a coordinator keeps, the 1:1 nudge the day before the meeting with its one-tap
// "inget att rapportera", and priority areas at the top of the lägesbild.

const SAMORDNARE: Speaker = { aadObjectId: '00000000-0000-0000-0000-00000000dddd', name: 'Sara Samordnare' };
const TENANT_SCOPE = { tenantId: TENANT };
const incident = (newPlace: string, organisation = 'polisen') => ({
  date: '2026-11-24', time: '21:15', newPlace, category: 'skadegorelse_glaskross', description: 'Krossad ruta',
  severity: 'medel', organisation, school: '', youthInvolved: '', policeReportNumber: '',
});

describe('the EST week in the channel', function () {
  this.timeout(60_000);
  let h: BotHarness;
  let centrum: string;

  beforeEach(async () => {
    h = await new BotHarness().start({ COORDINATORS: `${TENANT}/${SAMORDNARE.aadObjectId}` });
    // Anna and Berit have reported (so the bot knows them); Anna is confirmed police, Berit is confirmed nowhere.
    await h.press('submitIncident', incident('Kvarnbacken'));
    await h.press('submitIncident', incident('Kvarnbacken', 'skola'), { from: BERIT });
    assert.match(cardText(cardOf((await h.say('organisation polisen', { from: SAMORDNARE }, [ANNA]))[0]!)), / tillhör nu /);
    // Centrum is an area of the register: Stora torget lies in it.
    const store = h.bot.store;
    centrum = (await store.places.findOrCreate(TENANT_SCOPE, 'Centrum', h.clock.now())).id;
    const torget = await store.places.findOrCreate(TENANT_SCOPE, 'Stora torget', h.clock.now());
    await store.placeRegister.update(TENANT_SCOPE, { id: torget.id, parentId: centrum }, { actorId: SAMORDNARE.aadObjectId, now: h.clock.now() });
  });
  afterEach(async () => { await h.stop(); });

  const assessments = () => h.readDatabase((db) => db.prepare('SELECT level, reason FROM area_assessments').all());

  it('When a confirmed member saves an assessment without a level, then the form says so in Swedish, keeps the reason typed, and stores nothing', async () => {
    const areas = await h.press('estAreas', {});
    assert.equal(button(areas, 'estOpenAssessment').title, 'Bedöm området');
    const form = await h.press('estOpenAssessment', { placeId: centrum });
    assert.match(cardText(form), /Bedöm Centrum, vecka 48/);
    const again = await h.press('estSaveAssessment', { placeId: centrum, level: '', reason: 'Klotter ökar vid busskuren' });
    const text = cardText(again);
    assert.match(text, /Något behöver rättas, se nedan\. Det du skrev finns kvar\./);
    assert.match(text, /Fyll i det här\./);
    assert.equal(JSON.stringify(again).includes('"value":"Klotter ökar vid busskuren"'), true, 'the reason typed is kept in its field');
    assert.deepEqual(assessments(), []);
    const tooLong = await h.press('estSaveAssessment', { placeId: centrum, level: '7', reason: 'x'.repeat(201) });
    assert.match(cardText(tooLong), /Välj ett läge\./);
    assert.match(cardText(tooLong), /Högst 200 tecken\./);
    assert.deepEqual(assessments(), []);
  });

  it('When the reason holds a personal identity number, then it is pointed out first and stored masked only on a second Save', async () => {
    const warned = await h.press('estSaveAssessment', { placeId: centrum, level: '3', reason: 'Bråk, se 811218-9876' });
    assert.match(cardText(warned), /811218-\*\*\*\*/);
    assert.deepEqual(assessments(), [], 'nothing stored before the confirmation');
    const confirm = button(warned, 'estSaveAssessment').data as Record<string, unknown>;
    assert.equal(confirm.maskingConfirmed, true, 'Save on the warned form confirms the masking');
    const saved = await h.press('estSaveAssessment', { ...confirm, level: '3', reason: 'Bråk, se 811218-9876' });
    assert.match(cardText(saved), /Centrum är bedömd röd för vecka 48/);
    assert.deepEqual(assessments(), [{ level: 3, reason: 'Bråk, se 811218-****' }]);
  });

  it('When an assessment is saved, then the lägesbild shows the area\'s weeks; someone not confirmed is refused', async () => {
    await h.press('estSaveAssessment', { placeId: centrum, level: '2', reason: 'Mer klotter' });
    const lagesbild = cardText(cardOf((await h.say('lägesbild'))[0]!));
    assert.match(lagesbild, /Områden – läget de senaste 8 veckorna/);
    assert.match(lagesbild, /\*\*Centrum\*\* ⚪ ⚪ ⚪ ⚪ ⚪ ⚪ ⚪ 🟡/);
    assert.match(lagesbild, /Centrum: Mer klotter/);
    const refused = await h.press('estSaveAssessment', { placeId: centrum, level: '1', reason: 'Lugnt' }, { from: BERIT });
    assert.doesNotMatch(cardText(refused), /Lugnt/);
    assert.deepEqual(assessments(), [{ level: 2, reason: 'Mer klotter' }]);
  });

  it('When a coordinator chooses priority areas, then they head the lägesbild; others may not choose', async () => {
    const refused = await h.press('estSavePriorities', { area1: centrum }, { from: BERIT });
    assert.match(cardText(refused), /koordinator/i);
    const overview = await h.press('estSavePriorities', { area1: centrum, area2: 'not-an-area' }, { from: SAMORDNARE });
    assert.match(cardText(overview), /1\. \*\*Centrum\*\*: ingen aktiv hot spot/);
    const lagesbild = cardText(cardOf((await h.say('lägesbild'))[0]!));
    assert.match(lagesbild, /Prioriterade områden tertial 3 2026 \(september–december\)/);
    assert.ok(lagesbild.indexOf('Centrum') < lagesbild.indexOf('Händelser'), 'priority areas at the top');
  });

  it('When a coordinator keeps the rapportör list and the day before the meeting comes, then a rapportör of a silent organisation gets a 1:1 nudge, and "inget att rapportera" counts', async () => {
    assert.match(JSON.stringify(await h.say('rapportörer', { from: BERIT })), /koordinator/i, 'only coordinators keep the list');
    const added = cardText(cardOf((await h.say('rapportörer lägg till polisen', { from: SAMORDNARE }, [ANNA]))[0]!));
    assert.match(added, /Anna Andersson är nu rapportör för Polisen/);
    await h.say('prenumerera', { from: SAMORDNARE });
    h.connector.clear();
    // Monday 7 December 2026, 13:00 in Stockholm: the day before the default Tuesday 09:00 meeting; Anna's
    // report of 25 November was the week before, so Polisen has reported nothing this week.
    h.clock.current = new Date('2026-12-07T12:00:00Z');
    await h.bot.housekeeping.run('est-nudges', h.clock.now());
    const opened = h.connector.received.filter((r) => r.method === 'POST' && /\/v3\/conversations$/.test(r.path));
    assert.equal(opened.length, 1, 'one 1:1 chat opened');
    assert.deepEqual(opened[0]!.body.members, [{ id: `29:${ANNA.aadObjectId}` }]);
    const nudge = h.connector.messages().find((m) => JSON.stringify(m).includes('Inget att rapportera'));
    assert.ok(nudge, 'the nudge card was posted');
    assert.match(JSON.stringify(nudge), /Polisen har inte rapporterat något inför EST-mötet/);
    const data = nudge.attachments[0].content.actions.find((a: { verb: string }) => a.verb === 'estNothingToReport').data;
    const noted = await h.press('estNothingToReport', data, { conversationType: 'personal', conversationId: personalChatIdOf(ANNA) });
    assert.match(cardText(noted), /Noterat: inget att rapportera från Polisen/);
    assert.deepEqual(h.readDatabase((db) => db.prepare('SELECT organisation, meeting_day FROM est_nothing_to_report').all()), [{ organisation: 'polisen', meeting_day: '2026-12-08' }]);
    const refused = await h.press('estNothingToReport', { ...data, organisation: 'skola' }, { from: BERIT, conversationType: 'personal', conversationId: personalChatIdOf(BERIT) });
    assert.doesNotMatch(cardText(refused), /Noterat/, 'only a rapportör of the organisation answers for it');
    h.connector.clear();
    await h.bot.housekeeping.run('est-nudges', new Date('2026-12-07T12:15:00Z'));
    assert.equal(h.connector.messages().length, 0, 'nudged once');
  });

  it('When EST_SCALE names the levels, then the form, the answer and the lägesbild use those words', async () => {
    await h.stop();
    h = await new BotHarness().start({ COORDINATORS: `${TENANT}/${SAMORDNARE.aadObjectId}`, EST_SCALE: 'lugnt,oroligt,allvarligt' });
    await h.press('submitIncident', incident('Kvarnbacken'));
    await h.say('organisation polisen', { from: SAMORDNARE }, [ANNA]);
    const store = h.bot.store;
    const area = (await store.places.findOrCreate(TENANT_SCOPE, 'Centrum', h.clock.now())).id;
    const torget = await store.places.findOrCreate(TENANT_SCOPE, 'Stora torget', h.clock.now());
    await store.placeRegister.update(TENANT_SCOPE, { id: torget.id, parentId: area }, { actorId: SAMORDNARE.aadObjectId, now: h.clock.now() });
    assert.match(JSON.stringify(await h.press('estOpenAssessment', { placeId: area })), /🔴 allvarligt/);
    assert.match(cardText(await h.press('estSaveAssessment', { placeId: area, level: '3', reason: 'Bränder' })), /Centrum är bedömd allvarligt/);
    assert.match(cardText(cardOf((await h.say('lägesbild'))[0]!)), /🟢 lugnt · 🟡 oroligt · 🔴 allvarligt/);
  });
});

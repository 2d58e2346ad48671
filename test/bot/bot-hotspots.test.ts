import assert from 'node:assert/strict';
import { assertValidCard } from '../support/adaptive-card-check';
import { actionsOf, BotHarness, cardOf, cardText } from '../support/bot-harness';
import { button } from '../support/card-buttons';
import { ANNA, BERIT, CHANNEL, TENANT, type Speaker } from '../support/teams-activities';

/** The municipality's coordinator, named in COORDINATORS: the one who confirms who belongs to which organisation. */
const SAMORDNARE: Speaker = { aadObjectId: '00000000-0000-0000-0000-00000000dddd', name: 'Sara Samordnare' };
/** The channel the harness talks in, and its tenant: the scopes to read back what the bot stored. */
const CHAT = { tenantId: TENANT, conversationId: CHANNEL };
const TENANT_SCOPE = { tenantId: TENANT };

const incident = (newPlace: string, organisation = 'polisen') => ({
  date: '2026-11-24', time: '21:15', newPlace, category: 'skadegorelse_glaskross', description: 'Krossad ruta',
  severity: 'medel', organisation, school: '', youthInvolved: '', policeReportNumber: '',
});


describe('hot spots in the channel', () => {
  let h: BotHarness;
  beforeEach(async () => { h = await new BotHarness().start({ COORDINATORS: `${TENANT}/${SAMORDNARE.aadObjectId}` }); });
  afterEach(async () => { await h.stop(); });

  const placeId = async (name: string) => (await h.bot.store.places.findOrCreate(TENANT_SCOPE, name, h.clock.now())).id;

  /**
   * The coordinator confirms that someone belongs to an organisation: by @mention when the person has
   * used the bot, else by their Entra object id.
   */
  const confirm = async (who: Speaker, organisation: string, by: 'mention' | 'objectId' = 'mention') => {
    const [reply] = by === 'mention'
      ? await h.say(`organisation ${organisation}`, { from: SAMORDNARE }, [who])
      : await h.say(`organisation ${organisation} ${who.aadObjectId}`, { from: SAMORDNARE });
    assert.match(cardText(cardOf(reply!)), / tillhör nu /);
  };

  describe('quick reporting', () => {
    it('When a known reporter writes "hotspot torget skadegörelse …", then the incident is saved at Stora torget and can be undone', async () => {
      await h.press('submitIncident', incident('Stora torget'));
      const [reply] = await h.say('hotspot torget skadegörelse krossad ruta vid busskuren');
      const card = cardOf(reply!);
      assertValidCard(card);
      assert.match(cardText(card), /Händelse H-2026-0002 sparad/);
      assert.match(cardText(card), /Stora torget · Skadegörelse – övrigt/);
      assert.deepEqual(actionsOf(card).map((a) => a.title), ['Ändra', 'Ångra']);
      const { id } = button(card, 'openEdit').data;
      const stored = await h.bot.store.incidents.get(CHAT, id);
      assert.equal(stored?.description, 'krossad ruta vid busskuren');
      assert.equal(stored?.organisation, 'polisen');

      const edit = await h.press('openEdit', button(card, 'openEdit').data);
      assert.match(cardText(edit), /Ändra händelse H-2026-0002/);
      assert.match(cardText(edit), /krossad ruta vid busskuren/);

      const refused = await h.press('hotspotUndo', button(card, 'hotspotUndo').data, { from: BERIT });
      assert.match(cardText(refused), /Du har inte behörighet att göra det/);
      assert.ok(await h.bot.store.incidents.get(CHAT, id), 'still there after the refused undo');
      const undone = await h.press('hotspotUndo', button(card, 'hotspotUndo').data);
      assert.match(cardText(undone), /H-2026-0002 är borttagen/);
      assert.equal(await h.bot.store.incidents.get(CHAT, id), null);
    });

    it('When "ångra" is pressed after the undo window, then the report stays and the user is told to edit instead', async () => {
      await h.press('submitIncident', incident('Stora torget'));
      const card = cardOf((await h.say('hotspot stora torget klotter'))[0]!);
      h.clock.current = new Date(h.clock.current.getTime() + 6 * 60_000);
      const late = await h.press('hotspotUndo', button(card, 'hotspotUndo').data);
      assert.match(cardText(late), /första 5 minuterna/);
      assert.ok(await h.bot.store.incidents.get(CHAT, button(card, 'hotspotUndo').data.id));
    });

    it('When the place fits two places, then a card offers both and a new place, and nothing is saved until one is chosen', async () => {
      await h.press('submitIncident', incident('Norra parken'));
      await h.press('submitIncident', incident('Södra parken'));
      const card = cardOf((await h.say('hotspot parken klotter på bänken'))[0]!);
      assertValidCard(card);
      const text = cardText(card);
      assert.match(text, /Flera platser passar \\"Parken\\". Välj en av de närmaste platserna/);
      assert.match(text, /Norra parken/);
      assert.match(text, /Södra parken/);
      assert.match(text, /Ny plats: Parken/);
      assert.equal((await h.bot.store.reports.latest(CHAT, 10)).length, 2);

      const save = button(card, 'hotspotQuickSave');
      const saved = await h.press('hotspotQuickSave', { ...save.data, placeId: await placeId('Södra parken'), category: 'skadegorelse_klotter', organisation: 'polisen', description: 'klotter på bänken' });
      assert.match(cardText(saved), /Södra parken · Skadegörelse – klotter/);
    });

    it('When the place is unknown and no category is named, then the card asks for both and can create the place', async () => {
      const card = cardOf((await h.say('hotspot Kvarnbacken stökigt vid kiosken'))[0]!);
      assert.match(cardText(card), /hittar inte \\"Kvarnbacken\\"/);
      assert.match(cardText(card), /Välj kategori/);
      assert.match(cardText(card), /"id":"placeId"[^}]*"value":"new"/, 'the new place, the only choice, is already chosen');
      const saved = await h.press('hotspotQuickSave', { typedPlace: 'Kvarnbacken', placeId: 'new', category: 'ordningsstorning', organisation: 'fritid', description: 'stökigt vid kiosken' });
      assert.match(cardText(saved), /Kvarnbacken · Ordningsstörning/);
      assert.equal((await h.bot.store.placeRegister.all(TENANT_SCOPE, 10)).map((p) => p.name).includes('Kvarnbacken'), true);
    });

    it('When "hotspot" comes alone, then the incident card opens with the place first', async () => {
      await h.press('submitIncident', incident('Stora torget'));
      const card = cardOf((await h.say('hotspot'))[0]!);
      assertValidCard(card);
      const firstInput = (card.body as Record<string, any>[]).find((el) => String(el.type).startsWith('Input.') || el.type === 'ColumnSet');
      assert.equal(firstInput?.id, 'placeId');
    });

    it('When the place name is 500 characters or "hotspot visa" has no place, then a clear answer comes back', async () => {
      const [long] = await h.say(`hotspot ${'x'.repeat(500)} klotter`);
      assert.match(long!.text, /Platsnamnet är för långt – högst 80 tecken/);
      const [none] = await h.say('hotspot visa');
      assert.match(none!.text, /Skriv platsen efter kommandot/);
      const [english] = await h.say(`hotspot ${'x'.repeat(500)}`, { locale: 'en-US' });
      assert.match(english!.text, /The place name is too long/);
      assert.equal((await h.bot.store.reports.latest(CHAT, 10)).length, 0);
    });
  });

  describe('the SARA lifecycle', () => {
    it('When a hot spot is created, analysed, acted on, visited, followed up and closed, then each step shows on its card', async () => {
      await h.press('submitIncident', incident('Stora torget'));
      await confirm(ANNA, 'polisen');
      const torget = await placeId('Stora torget');
      let card = await h.press('hotspotStart', { placeId: torget });
      assertValidCard(card);
      assert.match(cardText(card), /Hot spot: Stora torget/);
      assert.match(cardText(card), /Kartläggs/);
      assert.match(cardText(card), /Anna Andersson \(Polisen\)/);

      card = await h.press('hotspotNext', button(card, 'hotspotNext').data);
      assert.match(cardText(card), /Analyseras/);
      const analysisForm = await h.press('hotspotOpenAnalysis', button(card, 'hotspotOpenAnalysis').data);
      assertValidCard(analysisForm);
      card = await h.press('hotspotSaveAnalysis', { ...button(analysisForm, 'hotspotSaveAnalysis').data, who: 'Unga 15–17 år', what: 'Glaskross', when: 'Fredagskvällar', why: 'Mörkt vid busskuren' });
      assert.match(cardText(card), /Mörkt vid busskuren/);

      card = await h.press('hotspotNext', button(card, 'hotspotNext').data);
      assert.match(cardText(card), /Åtgärdas/);
      const measureForm = await h.press('hotspotOpenMeasure', button(card, 'hotspotOpenMeasure').data);
      assertValidCard(measureForm);
      const invalid = await h.press('hotspotAddMeasure', { ...button(measureForm, 'hotspotAddMeasure').data, what: '', organisation: 'kommunen' });
      assert.match(cardText(invalid), /Fyll i det här fältet/);
      card = await h.press('hotspotAddMeasure', { ...button(measureForm, 'hotspotAddMeasure').data, what: 'Bättre belysning vid busskuren', organisation: 'kommunen', dueDate: '2026-12-10' });
      assert.match(cardText(card), /åtgärd: Bättre belysning vid busskuren \(Kommunen\/säkerhetssamordnare\), klar senast 10 dec/);

      const visitForm = await h.press('hotspotLogVisit', button(card, 'hotspotLogVisit').data);
      assert.match(cardText(visitForm), /"value":"hotspot_besok"/);
      await h.press('submitActivity', { type: 'hotspot_besok', date: '2026-11-25', placeId: torget, organisation: 'polisen', notes: 'Pratade med butiksägare', peopleMet: '6' });
      card = await h.press('hotspotShow', { id: button(card, 'hotspotNext').data.id });
      assert.match(cardText(card), /Hot spot-besök A-2026-0001 – 6 personer mötta/);
      assert.match(cardText(card), /händelse H-2026-0001/);

      const followForm = await h.press('hotspotOpenFollowUp', button(card, 'hotspotOpenFollowUp').data);
      card = await h.press('hotspotSetFollowUp', { ...button(followForm, 'hotspotSetFollowUp').data, followUpDate: '2026-12-23' });
      assert.match(cardText(card), /23 dec\.? 2026/);

      h.clock.current = new Date('2026-12-30T10:00:00Z');
      card = await h.press('hotspotNext', button(card, 'hotspotNext').data);
      assert.match(cardText(card), /Följs upp/);
      assert.match(cardText(card), /På platsen: 1 händelse de 4 veckorna före första åtgärden eller insatsen, 0 efter\./);
      assert.match(cardText(card), /Insatser på platsen och i området: 0 aktiviteter före, 1 efter\./);
      card = await h.press('hotspotMeasureDone', button(card, 'hotspotMeasureDone').data);
      assert.match(cardText(card), /klar senast 10 dec\.? 2026 – klar/);

      const list = cardOf((await h.say('hotspots'))[0]!);
      assertValidCard(list);
      assert.match(cardText(list), /Stora torget/);
      assert.match(cardText(list), /Följs upp · Polisen/);

      card = await h.press('hotspotNext', button(card, 'hotspotNext').data);
      assert.match(cardText(card), /Avslutad/);
      assert.match(cardText(cardOf((await h.say('hotspots'))[0]!)), /Inga aktiva hot spots/);
      assert.match(cardText(cardOf((await h.say('hotspot visa torget'))[0]!)), /Hot spot: Stora torget/);
    });

    it('When someone of another organisation moves it, or two people press at once, then nothing is lost and each is told why', async () => {
      await h.press('submitIncident', incident('Stora torget'));
      await h.press('submitIncident', incident('Ängsskolan', 'skola'), { from: BERIT });
      await confirm(ANNA, 'polisen');
      await confirm(BERIT, 'skola');
      const card = await h.press('hotspotStart', { placeId: await placeId('Stora torget') });
      const next = button(card, 'hotspotNext').data;

      const forbidden = await h.press('hotspotNext', next, { from: BERIT });
      assert.match(cardText(forbidden), /Du har inte behörighet att göra det/);
      assert.equal((await h.bot.store.hotspots.get(TENANT_SCOPE, next.id))?.state, 'kartlaggs', 'the refused press moved nothing');

      const first = await h.press('hotspotNext', next);
      assert.match(cardText(first), /Analyseras/);
      const second = await h.press('hotspotOpenMeasure', next).then((form) => h.press('hotspotAddMeasure', { ...button(form, 'hotspotAddMeasure').data, what: 'Väktare', organisation: 'polisen' }));
      assert.match(cardText(second), /Någon annan hann ändra hot spoten/);
      assert.doesNotMatch(cardText(second), /Väktare/);
      const stored = await h.bot.store.hotspots.get(TENANT_SCOPE, next.id);
      assert.equal(stored?.state, 'analyseras');
      assert.equal(stored?.version, 2);
    });
  });

  describe('emerging hot spots', () => {
    it('When a place has a spike this week, then "hotspots förslag" proposes it in words with "skapa hot spot"', async () => {
      const now = h.clock.now().getTime();
      const hoursAgo = (hours: number) => new Date(now - hours * 3_600_000);
      const torget = (await h.bot.store.places.findOrCreate(TENANT_SCOPE, 'Stora torget', hoursAgo(24 * 7 * 12))).id;
      await h.bot.store.places.findOrCreate(TENANT_SCOPE, 'Parken', hoursAgo(24 * 7 * 12));
      // One incident a week two to five weeks ago, then five in the last week.
      for (const hours of [346, 514, 682, 850, 1, 2, 3, 4, 5]) {
        await h.bot.store.incidents.create({
          fields: { ...incidentFields(torget), occurredAt: hoursAgo(hours) },
          reporter: { userId: 'u', name: 'U' }, origin: CHAT, organisationConfirmed: false, refYear: 2026, now: new Date(now),
        });
      }
      const card = cardOf((await h.say('hotspots förslag'))[0]!);
      assertValidCard(card);
      assert.match(cardText(card), /Stora torget – ny/);
      assert.match(cardText(card), /5 händelser hittills denna vecka, i snitt 0,5 per vecka de 8 veckorna före\./);
      assert.doesNotMatch(cardText(card), /Parken/);

      // Anna has not used the bot and belongs to no confirmed organisation: she may not start one yet, so
      // her card offers no "Skapa hot spot", and a press made anyway is refused on the server.
      assert.doesNotMatch(JSON.stringify(card), /hotspotStart|Skapa hot spot/);
      const refused = await h.press('hotspotStart', { placeId: torget });
      assert.match(cardText(refused), /Du har inte behörighet att göra det/);
      assert.equal(await h.bot.store.hotspots.byPlace(TENANT_SCOPE, torget), null);
      await confirm(ANNA, 'kommunen', 'objectId');
      const offered = cardOf((await h.say('hotspots förslag'))[0]!);
      assertValidCard(offered);
      assert.equal(button(offered, 'hotspotStart').title, 'Skapa hot spot');
      const created = await h.press('hotspotStart', button(offered, 'hotspotStart').data);
      assert.match(cardText(created), /Hot spot: Stora torget/);
      assert.match(cardText(created), /Anna Andersson \(Kommunen\/säkerhetssamordnare\)/);
      const again = cardOf((await h.say('hotspots förslag', { locale: 'en-GB' }))[0]!);
      assert.match(cardText(again), /Already a hot spot \(Scanning\)/);
      assert.match(cardText(again), /5 incidents so far this week, on average 0.5 a week in the 8 weeks before\./);
    });
  });
});

function incidentFields(placeId: string) {
  return {
    occurredAt: new Date(), placeId, placeName: 'Stora torget', category: 'skadegorelse_glaskross' as const, description: 'x',
    severity: 'medel' as const, organisation: 'polisen' as const, school: null, youthInvolved: null, policeReportNumber: null, schoolId: null, concernReported: null,
  };
}

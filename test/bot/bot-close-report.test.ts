import assert from 'node:assert/strict';
import { assertValidCard } from '../support/adaptive-card-check';
import { actionsOf, BotHarness, cardOf, cardText } from '../support/bot-harness';
import { incidentsCsv } from '../../src/http/export-routes';
import { button } from '../support/card-buttons';
import { ANNA, CHANNEL, TENANT, type Speaker } from '../support/teams-activities';

// Closing an incident asks "vad gjordes?"; activities have no incident status; a count not given is
// "okänt antal", never 0.

const incident = {
  date: '2026-11-24', time: '21:15', newPlace: 'Stora torget', category: 'skadegorelse_klotter',
  description: 'Klotter på skolans vägg', severity: 'medel', organisation: 'polisen', school: 'Kungsörs skola', youthInvolved: '',
};
const activity = {
  type: 'nattvandring', date: '2026-11-24', newPlace: 'Stora torget', organisation: 'polisen', organisations: 'polisen', notes: 'Lugn kväll', peopleMet: '',
};
const SAMORDNARE: Speaker = { aadObjectId: '00000000-0000-0000-0000-00000000dddd', name: 'Sara Samordnare' };
const CHAT = { tenantId: TENANT, conversationId: CHANNEL };
const PNR = '811218-9876';

describe('closing a report, activities without status, unknown counts', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await new BotHarness().start({ COORDINATORS: `${TENANT}/${SAMORDNARE.aadObjectId}` });
  });
  afterEach(async () => { await h.stop(); });

  const confirmAnna = async () => {
    const [reply] = await h.say('organisation polisen', { from: SAMORDNARE }, [ANNA]);
    assert.match(cardText(cardOf(reply!)), /Anna Andersson tillhör nu/);
  };
  const status = (card: Record<string, any>, to: string) => button(card, 'setStatus', (d) => d.status === to).data;

  it('When an incident is marked as åtgärdad, then it is asked what was done, and the answer is required, guarded, stored and shown', async () => {
    const saved = await h.press('submitIncident', incident);
    await confirmAnna();
    const handling = await h.press('setStatus', status(saved, 'hanteras'));

    const asked = await h.press('setStatus', status(handling, 'atgardad'));
    assertValidCard(asked);
    assert.match(cardText(asked), /Stänga H-2026-0001\?/);
    assert.match(cardText(asked), /"label":"Vad gjordes\?"/);
    const id = button(asked, 'closeReport').data.id as string;
    assert.equal((await h.bot.store.incidents.get(CHAT, id))?.status, 'hanteras', 'nothing changes before the answer');

    const empty = await h.press('closeReport', { ...button(asked, 'closeReport').data, resolution: '  ' });
    assert.match(cardText(empty), /Fyll i det här fältet/);
    assert.equal((await h.bot.store.incidents.get(CHAT, id))?.status, 'hanteras');

    const typed = `Pratade med eleven ${PNR}, klottret sanerat`;
    const warned = await h.press('closeReport', { ...button(asked, 'closeReport').data, resolution: typed });
    assert.match(cardText(warned), /personnummer/i);
    assert.ok(cardText(warned).includes(`"value":"${typed}"`), 'what was typed is kept');
    assert.equal((await h.bot.store.incidents.get(CHAT, id))?.status, 'hanteras', 'not saved before the warning is confirmed');

    const closed = await h.press('closeReport', { ...button(warned, 'closeReport').data, resolution: typed });
    assert.match(cardText(closed), /"title":"Status","value":"Åtgärdad"/);
    assert.match(cardText(closed), /"title":"Vad gjordes","value":"Pratade med eleven [^"]*, klottret sanerat"/);
    assert.doesNotMatch(cardText(closed), new RegExp(PNR));
    const stored = await h.bot.store.incidents.get(CHAT, id);
    assert.equal(stored?.status, 'atgardad');
    assert.match(stored?.resolution ?? '', /^Pratade med eleven .+, klottret sanerat$/);
    assert.ok(!stored?.resolution?.includes(PNR), 'stored masked');

    // The export holds the answer, masked as stored.
    const rows = await h.bot.store.lagesbild.incidentsForExport(CHAT, { from: new Date('2000-01-01'), to: new Date('2100-01-01') }, 10);
    const csv = incidentsCsv(rows, 'sv', 'Europe/Stockholm').split('\r\n');
    assert.match(csv[0]!, /;Status;Vad gjordes;K-nummer;/);
    assert.match(csv[1]!, /;Åtgärdad;Pratade med eleven [^;]*, klottret sanerat;/);
    assert.doesNotMatch(csv.join('\n'), new RegExp(PNR));
  });

  it('When an activity is saved, then its card has no status and no status buttons, and a status button for it is refused clearly', async () => {
    const card = await h.press('submitActivity', activity);
    assertValidCard(card);
    assert.doesNotMatch(cardText(card), /"title":"Status"/);
    assert.deepEqual(actionsOf(card).map((a) => a.verb).filter((v) => v === 'setStatus'), []);
    const ref = button(card, 'openEdit').data;
    await confirmAnna(); // one who may work the report: the refusal is about activities, not rights

    const refused = await h.press('setStatus', { ...ref, status: 'hanteras' });
    assert.match(cardText(refused), /Aktiviteter har ingen status/);
    const notClosed = await h.press('closeReport', { ...ref, resolution: 'Klart' });
    assert.match(cardText(notClosed), /Aktiviteter har ingen status/);
    assert.equal((await h.bot.store.activities.get(CHAT, ref.id))?.status, 'ny', 'nothing changed');

    const latest = cardOf((await h.say('senaste'))[0]!);
    assert.match(cardText(latest), /"text":"Aktivitet"/);
    assert.doesNotMatch(cardText(latest), /"text":"Ny"/);
  });

  it('When an incident at a school gives no number of young people, then its card says "okänt antal", not 0', async () => {
    const card = await h.press('submitIncident', incident);
    assert.match(cardText(card), /"title":"Unga inblandade","value":"okänt antal"/);
    const counted = await h.press('submitIncident', { ...incident, youthInvolved: '0' });
    assert.match(cardText(counted), /"title":"Unga inblandade","value":"0"/, 'a zero given is a zero');
  });
});

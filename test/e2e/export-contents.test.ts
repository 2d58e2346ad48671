import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { BotHarness, cardOf } from '../support/bot-harness';
import { button } from '../support/card-buttons';
import { ANNA, TENANT, type Speaker } from '../support/teams-activities';

// An export holds the channel's whole work, not only its incidents: activities, hot spots with their
// measures and effect, each as a CSV file in a zip and as a section of the printable report. Only the
// export's own channel: what another channel of the tenant did stays out.

const SAMORDNARE: Speaker = { aadObjectId: '00000000-0000-0000-0000-00000000dddd', name: 'Sara Samordnare' };
const OTHER_CHANNEL = '19:other-channel@thread.tacv2';
const TENANT_SCOPE = { tenantId: TENANT };

const incident = (newPlace: string, description: string) => ({
  date: '2026-11-24', time: '21:15', newPlace, category: 'skadegorelse_glaskross', description, severity: 'medel', organisation: 'polisen',
});

describe('an export holds activities, hot spots, measures and effect of its channel only', function () {
  this.timeout(60_000);
  let h: BotHarness;
  beforeEach(async () => {
    h = await new BotHarness().start({ SCHEDULER_CRON: 'off', COORDINATORS: `${TENANT}/${SAMORDNARE.aadObjectId}` });
    h.clock.current = new Date('2026-11-25T10:00:00Z'); // Wednesday of week 48
  });
  afterEach(async () => { await h.stop(); });

  const placeId = async (name: string) => (await h.bot.store.places.findOrCreate(TENANT_SCOPE, name, h.clock.now())).id;

  /** A hot spot at the place, started in the channel, with one measure. */
  async function hotspotWithMeasure(place: string, measure: string, where: { conversationId?: string } = {}) {
    const id = await placeId(place);
    let card = await h.press('hotspotStart', { placeId: id }, where);
    card = await h.press('hotspotNext', button(card, 'hotspotNext').data, where);
    card = await h.press('hotspotNext', button(card, 'hotspotNext').data, where);
    const form = await h.press('hotspotOpenMeasure', button(card, 'hotspotOpenMeasure').data, where);
    await h.press('hotspotAddMeasure', { ...button(form, 'hotspotAddMeasure').data, what: measure, organisation: 'kommunen', dueDate: '2026-12-10' }, where);
    return id;
  }

  /** The coordinator's export of this week: the links her own view of the export card shows. */
  async function exportLinks(): Promise<{ zip: string; html: string }> {
    const [reply] = await h.say('export denna vecka', { from: SAMORDNARE });
    const own = await h.refresh(cardOf(reply!), { from: SAMORDNARE });
    const urls = (JSON.stringify(own).match(/http:\/\/localhost:\d+\/exports\/[A-Za-z0-9_-]{43}\/[a-z.]+/g) ?? [])
      .map((u) => u.replace(/^http:\/\/localhost:\d+/, h.baseUrl));
    return { zip: urls.find((u) => u.endsWith('/export.zip'))!, html: urls.find((u) => u.endsWith('/report.html'))! };
  }

  it('When the coordinator downloads the export, then the zip and the report hold them all, and nothing of another channel', async () => {
    await h.press('submitIncident', incident('Stora torget', 'Krossad ruta vid kiosken'));
    await h.say('organisation polisen', { from: SAMORDNARE }, [ANNA]);
    const torget = await hotspotWithMeasure('Stora torget', 'Bättre belysning vid kiosken');
    await h.press('submitActivity', { type: 'nattvandring', date: '2026-11-24', placeId: torget, organisation: 'polisen', notes: 'Lugnt vid kiosken', peopleMet: '6' });
    // Another channel of the same tenant: its activity and hot spot are not this channel's.
    const elsewhere = { conversationId: OTHER_CHANNEL, channelId: OTHER_CHANNEL };
    await h.press('submitIncident', incident('Hamnen', 'Annan kanals händelse'), elsewhere);
    await hotspotWithMeasure('Hamnen', 'Annan kanals åtgärd', elsewhere);
    await h.press('submitActivity', { type: 'trygghetsvandring', date: '2026-11-24', newPlace: 'Hamnen', organisation: 'polisen', notes: 'Annan kanals vandring' }, elsewhere);

    const links = await exportLinks();
    const zipAnswer = await h.download(links.zip);
    assert.equal(zipAnswer.status, 200);
    assert.match(zipAnswer.headers.get('content-type')!, /application\/zip/);
    assert.match(zipAnswer.headers.get('content-disposition')!, /attachment; filename="lagesbild-2026-W48\.zip"/);
    const zip = await JSZip.loadAsync(await zipAnswer.arrayBuffer());
    assert.deepEqual(Object.keys(zip.files).sort(), ['activities.csv', 'effect.csv', 'hotspots.csv', 'incidents.csv', 'measures.csv']);
    const file = async (name: string) => (await zip.file(name)!.async('string')).replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);

    assert.deepEqual(await file('activities.csv'), [
      // Activities have no status (issue 15).
      'Referens;Datum;Typ;Plats;Organisation;Fler organisationer;Personer mötta;Uppföljning;Uppföljning gjord;Anteckningar',
      'A-2026-0001;2026-11-24;Nattvandring;Stora torget;Polisen;;6;;;Lugnt vid kiosken',
    ]);
    assert.deepEqual(await file('hotspots.csv'), [
      'Plats;Läge;Ansvarig organisation;Nästa uppföljning;Startad', 'Stora torget;Åtgärdas;Polisen;;2026-11-25',
    ]);
    assert.deepEqual(await file('measures.csv'), [
      'Plats;Åtgärd;Organisation;Klar senast;Klar', 'Stora torget;Bättre belysning vid kiosken;Kommunen/säkerhetssamordnare;2026-12-10;',
    ]);
    const effect = await file('effect.csv');
    assert.equal(effect.length, 1, 'no effect before the hot spot is followed up');
    assert.match(effect[0]!, /^Plats;Veckor före\/efter;Första åtgärden;Platsen före;Platsen efter/);
    assert.match((await file('incidents.csv')).join('\n'), /Krossad ruta vid kiosken/);
    const everything = (await Promise.all(Object.keys(zip.files).map(file))).flat().join('\n');
    assert.doesNotMatch(everything, /Annan kanals|Hamnen/, 'nothing of the other channel');

    const html = await (await h.download(links.html)).text();
    for (const heading of ['Aktiviteter', 'Hot spots (aktiva, startade här)', 'Åtgärder', 'Effekt (före och efter första åtgärden)']) assert.ok(html.includes(`<h2>${heading}</h2>`), heading);
    assert.match(html, /Lugnt vid kiosken/);
    assert.match(html, /Bättre belysning vid kiosken/);
    assert.doesNotMatch(html, /Annan kanals|Hamnen/);
  });

  it('When a hot spot is followed up, then the export holds its effect: incidents before and after the first measure', async () => {
    await h.press('submitIncident', incident('Stora torget', 'Krossad ruta'));
    await h.say('organisation polisen', { from: SAMORDNARE }, [ANNA]);
    await hotspotWithMeasure('Stora torget', 'Belysning');
    const [hotspot] = await h.bot.store.hotspots.listActive(TENANT_SCOPE);
    h.clock.current = new Date('2026-12-30T10:00:00Z');
    await h.press('hotspotNext', { id: hotspot!.id, version: (await h.bot.store.hotspots.get(TENANT_SCOPE, hotspot!.id))!.version });
    const links = await exportLinks();
    const zip = await JSZip.loadAsync(await (await h.download(links.zip)).arrayBuffer());
    const effect = (await zip.file('effect.csv')!.async('string')).split('\r\n').filter(Boolean);
    assert.equal(effect[1], 'Stora torget;4;2026-11-25;1;0;;;', 'one incident in the 4 weeks before, none after, the after period over');
  });
});

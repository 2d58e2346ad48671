import assert from 'node:assert/strict';
import { assertValidCard } from '../support/adaptive-card-check';
import { BotHarness, cardOf, cardText } from '../support/bot-harness';
import { button } from '../support/card-buttons';
import { CHANNEL, TENANT } from '../support/teams-activities';

// The harness clock stands at Wednesday 25 November 2026, 11:00 in Stockholm.

const CHAT = { tenantId: TENANT, conversationId: CHANNEL };
const TENANT_SCOPE = { tenantId: TENANT };

/** A report from the card: puts Stora torget in the register and makes the reporter's organisation known. */
const firstReport = {
  date: '2026-11-24', time: '21:15', newPlace: 'Stora torget', category: 'skadegorelse_klotter', description: 'Klotter',
  severity: 'medel', organisation: 'polisen', school: '', youthInvolved: '', policeReportNumber: '',
};

describe('one-line reports understand time and words', () => {
  let h: BotHarness;
  beforeEach(async () => { h = await new BotHarness().start(); });
  afterEach(async () => { await h.stop(); });

  it('When "hotspot torget krossad ruta i natt" is written in the morning, then it is saved for last night, the card shows that time and "Ändra" corrects it', async () => {
    await h.press('submitIncident', firstReport);
    const card = cardOf((await h.say('hotspot torget krossad ruta i natt'))[0]!);
    assertValidCard(card);
    assert.match(cardText(card), /Stora torget · Skadegörelse – glaskross · 25 nov\.? 2026 01:00/);
    const { id } = button(card, 'openEdit').data;
    const stored = await h.bot.store.incidents.get(CHAT, id);
    assert.equal(stored?.occurredAt.toISOString(), '2026-11-25T00:00:00.000Z', '01:00 Stockholm time, not the 11:00 it was typed');
    assert.equal(stored?.category, 'skadegorelse_glaskross');

    const edit = await h.press('openEdit', button(card, 'openEdit').data);
    assert.match(cardText(edit), /"id":"date"[^}]*"value":"2026-11-25"/);
    assert.match(cardText(edit), /"id":"time"[^}]*"value":"01:00"/);
    const updated = await h.press('saveIncidentEdit', {
      ...button(edit, 'saveIncidentEdit').data, date: '2026-11-24', time: '23:40', placeId: stored!.placeId, category: stored!.category,
      description: stored!.description, severity: 'medel', organisation: 'polisen', school: '', youthInvolved: '', policeReportNumber: '',
    });
    assert.match(cardText(updated), /Ändringen är sparad/);
    assert.equal((await h.bot.store.incidents.get(CHAT, id))?.occurredAt.toISOString(), '2026-11-24T22:40:00.000Z');
  });

  it('When an unknown place is written with a time, then the card says it will be a new place (no list to choose from), shows the time and saves both', async () => {
    await h.press('submitIncident', firstReport);
    const card = cardOf((await h.say('hotspot vid stationen igår 22 sprayat på väggen'))[0]!);
    assertValidCard(card);
    const text = cardText(card);
    assert.match(text, /Jag hittar inte \\"Stationen\\" i platsregistret. Den sparas som en ny plats/);
    assert.doesNotMatch(text, /närmaste/);
    assert.match(text, /När: 24 nov\.? 2026 22:00/);
    assert.match(text, /Ny plats: Stationen/);

    const saved = await h.press('hotspotQuickSave', { ...button(card, 'hotspotQuickSave').data, placeId: 'new', category: 'skadegorelse_klotter', organisation: 'polisen', description: 'på väggen' });
    assert.match(cardText(saved), /Stationen · Skadegörelse – klotter · 24 nov\.? 2026 22:00/);
    const { id } = button(saved, 'openEdit').data;
    assert.equal((await h.bot.store.incidents.get(CHAT, id))?.occurredAt.toISOString(), '2026-11-24T21:00:00.000Z');
    const stationen = (await h.bot.store.placeRegister.all(TENANT_SCOPE, 10)).find((p) => p.name === 'Stationen');
    assert.equal(stationen?.kind, 'station');
  });

  it('When a new school is reported in one line, then the place is registered as a school', async () => {
    await h.press('submitIncident', firstReport);
    const card = cardOf((await h.say('hotspot kvarnbackaskolan bråk på rasten'))[0]!);
    assert.match(cardText(card), /Ny plats: Kvarnbackaskolan/);
    const saved = await h.press('hotspotQuickSave', { ...button(card, 'hotspotQuickSave').data, placeId: 'new', category: 'ordningsstorning', organisation: 'skola', description: 'på rasten' });
    assert.match(cardText(saved), /Kvarnbackaskolan · Ordningsstörning/);
    const school = (await h.bot.store.placeRegister.all(TENANT_SCOPE, 10)).find((p) => p.name === 'Kvarnbackaskolan');
    assert.equal(school?.kind, 'skola');
  });

  it('When the line names the category in English and the time as "yesterday 22", then it is saved at once with that time', async () => {
    await h.press('submitIncident', firstReport);
    const card = cardOf((await h.say('hotspot torget broken window yesterday 22', { locale: 'en-US' }))[0]!);
    assert.match(cardText(card), /Stora torget · Vandalism – broken glass · 24 Nov 2026 22:00/);
    const stored = await h.bot.store.incidents.get(CHAT, button(card, 'openEdit').data.id);
    assert.equal(stored?.category, 'skadegorelse_glaskross');
    assert.equal(stored?.occurredAt.toISOString(), '2026-11-24T21:00:00.000Z');
  });
});

import assert from 'node:assert/strict';
import { BotHarness, cardText } from '../support/bot-harness';
import { CHANNEL, TENANT } from '../support/teams-activities';

// The store no longer looks a report's place up again before the insert when the reporting service has
// just read it from the submitting tenant's register (NewReport.placeReadInTenant, issue 14). These hold
// that the guarantee stays: a place id from another tenant, or one that is no place, saves nothing.

const OTHER_TENANT = { tenantId: '11111111-2222-3333-4444-555555555555' };
const CHAT = { tenantId: TENANT, conversationId: CHANNEL };
const incident = {
  date: '2026-11-24', time: '21:15', category: 'skadegorelse_glaskross', description: 'Krossad ruta vid busskuren',
  severity: 'medel', organisation: 'polisen', school: '', youthInvolved: '',
};

describe('reporting: the place of a submitted report is one of the tenant\'s own', () => {
  let h: BotHarness;
  beforeEach(async () => { h = await new BotHarness().start(); });
  afterEach(async () => { await h.stop(); });

  it('When an incident names a place of another tenant\'s register, then the place field is refused and nothing is stored', async () => {
    const theirs = await h.bot.store.places.findOrCreate(OTHER_TENANT, 'Stora torget', h.clock.now());
    const card = await h.press('submitIncident', { ...incident, placeId: theirs.id });
    assert.match(cardText(card), /Välj ett av alternativen i listan\./);
    assert.doesNotMatch(cardText(card), /Sparad\./);
    assert.deepEqual(await h.bot.store.reports.latest(CHAT, 10), []);
  });

  it('When an incident names a place id that is no place, then it is refused the same way', async () => {
    const card = await h.press('submitIncident', { ...incident, placeId: '00000000-0000-0000-0000-000000000000' });
    assert.match(cardText(card), /Välj ett av alternativen i listan\./);
    assert.deepEqual(await h.bot.store.reports.latest(CHAT, 10), []);
  });

  it('When an incident names a place of its own tenant\'s register, then it is saved at that place', async () => {
    const ours = await h.bot.store.places.findOrCreate(CHAT, 'Stora torget', h.clock.now());
    const card = await h.press('submitIncident', { ...incident, placeId: ours.id });
    assert.match(cardText(card), /Sparad\./);
    const [saved] = await h.bot.store.reports.latest(CHAT, 10);
    assert.equal(saved?.placeName, 'Stora torget');
  });
});

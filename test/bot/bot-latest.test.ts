import assert from 'node:assert/strict';
import { BotHarness, cardOf, cardText } from '../support/bot-harness';
import { button } from '../support/card-buttons';
import { ANNA, BERIT, CHANNEL, TENANT, type Speaker } from '../support/teams-activities';

const OTHER_CHANNEL = '19:other@thread.tacv2';

const incident = (date: string, time: string, newPlace: string, category: string, school = '') => ({
  date, time, newPlace, category, description: 'Det hände', severity: 'medel', organisation: 'skola', school, youthInvolved: '', policeReportNumber: '',
});

/** The refs a "senaste" answer lists, in the order shown. */
const refsIn = (text: string) => [...text.matchAll(/H-2026-\d{4}/g)].map((m) => m[0]);

describe('"senaste" by when things happened, narrowed', () => {
  let h: BotHarness;
  beforeEach(async () => { h = await new BotHarness().start(); });
  afterEach(async () => { await h.stop(); });

  const latest = async (text: string, from: Speaker = ANNA, locale?: string) => {
    const [reply] = await h.say(text, { from, ...(locale ? { locale } : {}) });
    return reply!.attachments ? cardText(cardOf(reply!)) : String(reply!.text);
  };

  /** Registered in this order; they happened on 20, 24 and 22 November. H-0002 is done; H-0003 is Berit's; H-0004 is in another channel. */
  beforeEach(async () => {
    await h.press('submitIncident', incident('2026-11-20', '20:00', 'Ängsskolan', 'skadegorelse_klotter', 'Ängsskolan'));
    const done = await h.press('submitIncident', incident('2026-11-24', '22:00', 'Stora torget', 'brand'));
    // Done by a coordinator's hand; who may close a report is not what this test is about.
    const { id } = button(done, 'openEdit').data;
    await h.bot.store.incidents.update({ tenantId: TENANT, conversationId: CHANNEL }, { id, actorId: ANNA.aadObjectId, expectedVersion: 1, status: 'atgardad', now: h.clock.now() });
    await h.press('submitIncident', incident('2026-11-22', '18:30', 'Parken', 'ordningsstorning'), { from: BERIT });
    await h.press('submitIncident', incident('2026-11-23', '12:00', 'Ängsskolan', 'skadegorelse_klotter', 'Ängsskolan'), { conversationId: OTHER_CHANNEL });
  });

  it('When "senaste" is written, then the reports are listed by when they happened, with that time', async () => {
    const text = await latest('senaste');
    assert.deepEqual(refsIn(text), ['H-2026-0002', 'H-2026-0003', 'H-2026-0001']);
    assert.match(text, /Brand\/anlagd brand · Stora torget · 24 nov\.? 2026 22:00/);
    assert.doesNotMatch(text, /Visar:/);
  });

  it('When "senaste öppna" or "latest open" is written, then the done report is left out and the card says what it shows', async () => {
    const text = await latest('senaste öppna');
    assert.deepEqual(refsIn(text), ['H-2026-0003', 'H-2026-0001']);
    assert.match(text, /Visar: öppna/);
    const english = await latest('latest open', ANNA, 'en-US');
    assert.deepEqual(refsIn(english), ['H-2026-0003', 'H-2026-0001']);
    assert.match(english, /Showing: open/);
  });

  it('When "senaste mina" is written, then each user sees the reports they made', async () => {
    assert.deepEqual(refsIn(await latest('senaste mina')), ['H-2026-0002', 'H-2026-0001']);
    assert.deepEqual(refsIn(await latest('senaste mina', BERIT)), ['H-2026-0003']);
    assert.deepEqual(refsIn(await latest('latest mine open', ANNA, 'en-US')), ['H-2026-0001']);
  });

  it('When "senaste skola ängsskolan" is written, then only that school\'s reports of this channel are listed', async () => {
    const text = await latest('senaste skola ängsskolan');
    assert.deepEqual(refsIn(text), ['H-2026-0001'], 'not H-2026-0004 of the other channel');
    assert.match(text, /Visar: skola ängsskolan/);
    assert.deepEqual(refsIn(await latest('latest school Ängsskolan', ANNA, 'en-US')), ['H-2026-0001']);
    assert.match(await latest('senaste skola Okändskolan'), /Inga rapporter passar/);
    const [other] = await h.say('senaste skola ängsskolan', { conversationId: OTHER_CHANNEL });
    assert.deepEqual(refsIn(cardText(cardOf(other!))), ['H-2026-0004']);
  });

  it('When a filter is not understood, then the answer says which ones there are and lists nothing', async () => {
    const text = await latest('senaste gamla');
    assert.match(text, /Skriv "senaste", "senaste öppna", "senaste mina" eller "senaste skola"/);
    assert.deepEqual(refsIn(text), []);
  });
});

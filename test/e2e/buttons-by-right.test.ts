import assert from 'node:assert/strict';
import { HOTSPOT_VERBS } from '../../src/cards/hotspot-verbs';
import { BotHarness, cardText } from '../support/bot-harness';
import { buttons } from '../support/card-buttons';
import { ANNA, BERIT, TENANT, type Speaker } from '../support/teams-activities';

// A card answered to one user shows only the buttons that user may use: the place card's edit and merge
// form is a coordinator's. The server still checks every press (test/e2e/registry-isolation.test.ts).

const SAMORDNARE: Speaker = { aadObjectId: '00000000-0000-0000-0000-00000000dddd', name: 'Sara Samordnare' };

describe('buttons a user may not use are not shown to them', function () {
  this.timeout(30_000);
  let h: BotHarness;
  beforeEach(async () => { h = await new BotHarness().start({ SCHEDULER_CRON: 'off', COORDINATORS: `${TENANT}/${SAMORDNARE.aadObjectId}` }); });
  afterEach(async () => { await h.stop(); });

  const verbsOf = (card: unknown) => buttons(card).map((b) => String(b.verb));

  it('When a member opens a place of the register, then the card shows the place without the edit and merge form; a coordinator gets both', async () => {
    const report = (newPlace: string) => h.press('submitIncident', {
      date: '2026-11-24', time: '21:00', newPlace, category: 'skadegorelse_klotter', description: 'Klotter', severity: 'medel', organisation: 'polisen',
    });
    await report('Stora torget');
    await report('Torget i Kungsör');
    const place = await h.bot.store.places.findOrCreate({ tenantId: TENANT }, 'Stora torget', h.clock.now());

    for (const member of [ANNA, BERIT]) {
      const seen = await h.press(HOTSPOT_VERBS.showPlace, { id: place.id }, { from: member });
      assert.match(cardText(seen), /Plats: Stora torget/);
      assert.deepEqual(verbsOf(seen).filter((v) => v === HOTSPOT_VERBS.savePlace || v === HOTSPOT_VERBS.mergePlace), [], `${member.name} sees no curating button`);
      assert.doesNotMatch(cardText(seen), /"id":"name"|"id":"mergeId"/, `${member.name} sees no curating field`);
    }

    const curated = await h.press(HOTSPOT_VERBS.showPlace, { id: place.id }, { from: SAMORDNARE });
    assert.ok(verbsOf(curated).includes(HOTSPOT_VERBS.savePlace) && verbsOf(curated).includes(HOTSPOT_VERBS.mergePlace), 'the coordinator curates');
    assert.match(cardText(curated), /"id":"name"/);
  });
});

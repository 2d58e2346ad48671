import assert from 'node:assert/strict';
import { BotHarness, cardOf, cardText } from '../support/bot-harness';
import { ANNA, TENANT, type Speaker } from '../support/teams-activities';

// The scheduled lägesbild carries the EST week's part as the `lägesbild` command's card does (issue 12):
// the tertial's priority areas at the top and each area's last eight weeks. The bot's real HTTP server
// and SQLite file, the fake Bot Connector, and the scheduler's tick called at the subscribed minute.

const SAMORDNARE: Speaker = { aadObjectId: '00000000-0000-0000-0000-00000000dddd', name: 'Sara Samordnare' };
const OTHER_CHANNEL = '19:other-channel@thread.tacv2';

describe('end to end: the EST part in the scheduled lägesbild', function () {
  this.timeout(60_000);
  let h: BotHarness;
  beforeEach(async () => {
    h = await new BotHarness().start({ SCHEDULER_CRON: 'off', COORDINATORS: `${TENANT}/${SAMORDNARE.aadObjectId}` });
    h.clock.current = new Date('2026-11-25T10:00:00Z'); // Wednesday, week 48
  });
  afterEach(async () => { await h.stop(); });

  const digestsAt = async (when: string) => {
    h.connector.clear();
    h.clock.current = new Date(when);
    await h.bot.digests.tick(h.clock.now());
    return h.connector.received.filter((r) => r.body.type === 'message');
  };

  it('When a channel has priority areas and assessed areas, then its scheduled digest shows them as the command does; a channel without EST data gets no EST block', async () => {
    // Centrum is an area of the register (Stora torget lies in it); Anna is confirmed police, so she may assess.
    const store = h.bot.store;
    const centrum = (await store.places.findOrCreate({ tenantId: TENANT }, 'Centrum', h.clock.now())).id;
    const torget = await store.places.findOrCreate({ tenantId: TENANT }, 'Stora torget', h.clock.now());
    await store.placeRegister.update({ tenantId: TENANT }, { id: torget.id, parentId: centrum }, { actorId: SAMORDNARE.aadObjectId, now: h.clock.now() });
    await h.press('submitIncident', {
      date: '2026-11-24', time: '21:15', newPlace: 'Stora torget', category: 'skadegorelse_glaskross', description: 'Krossad ruta', severity: 'medel', organisation: 'polisen',
    });
    await h.say('organisation polisen', { from: SAMORDNARE }, [ANNA]);
    await h.press('estSaveAssessment', { placeId: centrum, level: '2', reason: 'Mer klotter' });
    await h.press('estSavePriorities', { area1: centrum }, { from: SAMORDNARE });
    await h.say('prenumerera', { from: SAMORDNARE });
    await h.say('prenumerera', { from: SAMORDNARE, conversationId: OTHER_CHANNEL, channelId: OTHER_CHANNEL });
    const command = cardText(cardOf((await h.say('lägesbild'))[0]!));

    const posted = await digestsAt('2026-11-30T06:30:00Z'); // Monday 07:30 in Stockholm
    assert.equal(posted.length, 2, 'one digest per subscribed channel');
    const ours = cardText(cardOf(posted.find((p) => p.conversationId !== OTHER_CHANNEL)!.body));
    assert.match(ours, /Prioriterade områden tertial 3 2026 \(september–december\)/);
    assert.match(ours, /Områden – läget de senaste 8 veckorna/);
    assert.match(ours, /\*\*Centrum\*\* ⚪ ⚪ ⚪ ⚪ ⚪ ⚪ 🟡 ⚪/, 'week 48 assessed, week 49 not yet');
    assert.match(ours, /Centrum: Mer klotter/);
    assert.ok(ours.indexOf('Prioriterade områden') < ours.indexOf('Händelser'), 'priority areas at the top');
    for (const line of [/Prioriterade områden tertial 3 2026/, /Centrum: Mer klotter/]) assert.match(command, line, 'the command shows the same part');

    const other = cardText(cardOf(posted.find((p) => p.conversationId === OTHER_CHANNEL)!.body));
    assert.match(other, /Lokal lägesbild/);
    assert.doesNotMatch(other, /Prioriterade områden|Områden – läget|Bedöm områden/, 'no empty EST block');
  });
});

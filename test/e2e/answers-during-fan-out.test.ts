import assert from 'node:assert/strict';
import { subscription } from '../lagesbild/digest-fixtures';
import { conversationRecord } from '../store/store-fixtures';
import { BotHarness } from '../support/bot-harness';
import { until } from '../support/bot-instances';
import { budgetSlots, busiestSecond } from '../support/budget-slots';
import { CHANNEL, TENANT } from '../support/teams-activities';

// The digests of many channels share the tenant's posting budget with the bot's answers to users
// (issue 14): an answer goes out at once, however many digests wait for their slot, and is counted in
// the budget so that the digests after it leave it room. Real HTTP, SQLite file and fake connector.

const DUE = new Date('2026-12-07T06:30:00Z'); // Monday 07:30 in Stockholm
const CHANNELS = Array.from({ length: 8 }, (_, i) => `19:fan-out-${i}@thread.tacv2`);

describe('end to end: an answer to a user during a digest fan-out', function () {
  this.timeout(60_000);
  let h: BotHarness;
  beforeEach(async () => {
    // 2 a second, one left for answers: 8 digests take 8 seconds, long enough for a question in between.
    h = await new BotHarness().start({ SCHEDULER_CRON: 'off', POSTS_PER_SECOND: '2' });
    for (const id of CHANNELS) {
      await h.bot.store.conversations.save(conversationRecord({
        conversationId: id, channelId: id, tenantId: TENANT, serviceUrl: h.connector.url,
        reference: { bot: { id: '28:bot', name: 'Trygghetsboten' }, conversation: { id, isGroup: true, conversationType: 'channel', tenantId: TENANT }, channelId: 'msteams', serviceUrl: h.connector.url },
      }));
      await h.bot.store.digestSubscriptions.save(subscription({ conversationId: id, tenantId: TENANT, weekday: 1, time: '07:30' }));
    }
    h.clock.current = DUE;
  });
  afterEach(async () => { await h.stop(); });

  const digestsPosted = () => h.connector.received.filter((r) => r.method === 'POST' && CHANNELS.includes(r.conversationId)).length;

  it('When a user asks while digests wait for the budget, then the answer comes before the rest of the digests, and every post is counted within the budget', async () => {
    const fanOut = h.bot.digests.tick(DUE);
    await until('the first digest', () => digestsPosted() >= 1);
    await h.say('hjälp');
    const digestsWhenAnswered = digestsPosted();
    assert.equal(h.connector.received.filter((r) => r.conversationId.startsWith(CHANNEL)).length, 1, 'the question was answered in its channel');
    assert.ok(digestsWhenAnswered < CHANNELS.length, `answered while digests still waited (${digestsWhenAnswered} of ${CHANNELS.length} posted), not after them`);

    await fanOut;
    assert.equal(digestsPosted(), CHANNELS.length, 'every digest posted once');
    const slots = budgetSlots(h.databaseFile, TENANT);
    assert.equal(slots.reduce((sum, s) => sum + s.interactive, 0), 1, 'the answer counted in the tenant\'s budget');
    assert.equal(slots.reduce((sum, s) => sum + s.used, 0), CHANNELS.length, 'each digest took a slot');
    assert.ok(busiestSecond(slots) <= 2, `at most 2 posts of both kinds in any second: ${busiestSecond(slots)}`);
  });
});

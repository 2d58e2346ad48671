import assert from 'node:assert/strict';
import { BotHarness, cardOf, cardText } from '../support/bot-harness';
import { ANNA, CHANNEL, TENANT } from '../support/teams-activities';

// DEFAULT_LOCALE is the language when the client names none, and of posts nobody's client asked for.
// A client that names Swedish or English is answered in it whatever the setting.

describe('DEFAULT_LOCALE: the tenant\'s language when the client names none', function () {
  this.timeout(30_000);
  let h: BotHarness;
  afterEach(async () => { await h.stop(); });

  const start = (DEFAULT_LOCALE: string) => new BotHarness().start({ SCHEDULER_CRON: 'off', COORDINATORS: `${TENANT}/${ANNA.aadObjectId}`, DEFAULT_LOCALE });
  const answer = async (text: string, locale: string | null) => cardText(cardOf((await h.say(text, { locale }))[0]!));

  it('When DEFAULT_LOCALE=en and a message comes without locale, then the answer is English; a Swedish client still gets Swedish', async () => {
    h = await start('en');
    assert.match(await answer('help', null), /What I can do/);
    assert.match(await answer('hjälp', 'sv-SE'), /Det här kan jag/);
    assert.match(await answer('help', 'de-DE'), /What I can do/, 'a language the bot does not speak falls back to the setting');
  });

  it('When DEFAULT_LOCALE=sv,<tenant>=en, then only that tenant gets English without a locale', async () => {
    h = await start(`sv,${TENANT}=en`);
    assert.match(await answer('help', null), /What I can do/);
    const elsewhere = cardText(cardOf((await h.say('hjälp', { locale: null, tenantId: '9d2f1b2a-0000-4000-8000-000000000001' }))[0]!));
    assert.match(elsewhere, /Det här kan jag/);
  });

  it('When DEFAULT_LOCALE=en and the subscription is made without locale, then the scheduled digest is posted in English', async () => {
    h = await start('en');
    h.clock.current = new Date('2026-11-25T10:00:00Z');
    assert.match(await answer('subscribe', null), /every Monday at 07:30/);
    h.connector.clear();
    h.clock.current = new Date('2026-11-30T06:30:00Z'); // Monday 07:30 in Stockholm
    await h.bot.digests.tick(h.clock.now());
    const posted = h.connector.received.filter((r) => r.body.type === 'message' && r.conversationId === CHANNEL);
    assert.equal(posted.length, 1);
    const digest = cardText(cardOf(posted[0]!.body));
    assert.match(digest, /Local situation picture/);
    assert.doesNotMatch(digest, /Lokal lägesbild/);
  });

  it('When DEFAULT_LOCALE is not set and a message comes without locale, then the answer is Swedish', async () => {
    h = await new BotHarness().start({ SCHEDULER_CRON: 'off' });
    assert.match(await answer('hjälp', null), /Det här kan jag/);
  });
});

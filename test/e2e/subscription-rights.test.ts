import assert from 'node:assert/strict';
import { LAGESBILD_VERBS } from '../../src/cards/lagesbild-verbs';
import { actionsOf, BotHarness, cardOf, cardText } from '../support/bot-harness';
import { ANNA, BERIT, chatIdOf, TENANT } from '../support/teams-activities';

// Only coordinators change or end a channel's subscription. Everyone may see it; the card in the channel
// shows no change button, and the coordinator who asked gets their own view with one (Universal Actions
// refresh). The server checks the right whatever a card shows.

describe('the lägesbild subscription: coordinators change it, everyone sees it', function () {
  this.timeout(30_000);
  let h: BotHarness;
  beforeEach(async () => {
    h = await new BotHarness().start({ SCHEDULER_CRON: 'off', COORDINATORS: `${TENANT}/${ANNA.aadObjectId}` });
  });
  afterEach(async () => { await h.stop(); });

  const said = async (text: string, from = ANNA) => cardOf((await h.say(text, { from }))[0]!);
  const titles = (card: Record<string, any>) => actionsOf(card).map((a) => String(a.title));

  it('When a member who is not a coordinator subscribes, then they are told only a coordinator can, and nothing is subscribed', async () => {
    const refused = cardText(await said('prenumerera dagligen 08:00', BERIT));
    assert.match(refused, /bara en koordinator kan det/);
    assert.match(cardText(await said('prenumeration', BERIT)), /Kanalen prenumererar inte på lägesbilden/);
  });

  it('When a member who is not a coordinator ends the subscription, by command or button, then it is refused and the subscription stays', async () => {
    await said('prenumerera');
    assert.match(cardText(await said('avsluta prenumeration', BERIT)), /bara en koordinator kan det/);
    assert.match(cardText(await h.press(LAGESBILD_VERBS.unsubscribe, {}, { from: BERIT })), /bara en koordinator kan det/);
    assert.match(cardText(await said('prenumeration', BERIT)), /varje måndag kl\. 07:30/);
  });

  it('When the channel sees the subscription card, then it has no "Avsluta prenumeration"; the coordinator\'s own view has it, a member\'s not', async () => {
    const posted = await said('prenumerera');
    assert.deepEqual(titles(posted), ['Visa lägesbild nu'], 'the card everyone sees');
    assert.deepEqual(posted.refresh?.userIds, [chatIdOf(ANNA)], 'the coordinator who asked gets their own view');
    assert.equal(posted.refresh.action.verb, LAGESBILD_VERBS.subscriptionView);

    const annasView = await h.press(LAGESBILD_VERBS.subscriptionView, {}, { from: ANNA });
    assert.deepEqual(titles(annasView), ['Visa lägesbild nu', 'Avsluta prenumeration']);
    const beritsView = await h.press(LAGESBILD_VERBS.subscriptionView, {}, { from: BERIT });
    assert.deepEqual(titles(beritsView), ['Visa lägesbild nu']);

    const asked = await said('prenumeration', BERIT);
    assert.equal(asked.refresh, undefined, 'a member who asks gets no view with change buttons');
    assert.match(cardText(await h.press(LAGESBILD_VERBS.unsubscribe, {}, { from: ANNA })), /Prenumerationen är avslutad/);
  });
});

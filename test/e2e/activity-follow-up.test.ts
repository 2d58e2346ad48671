import assert from 'node:assert/strict';
import { BotHarness, cardText } from '../support/bot-harness';
import { button, buttons } from '../support/card-buttons';
import { cardOfUpdate as putCard, cardUpdates } from '../support/card-updates';
import { BERIT, TENANT, cardAction, type Speaker } from '../support/teams-activities';

// Issue 15 follow-up: activities have no status, so an activity's follow-up is marked done
// ("Uppföljning gjord"); that takes it off the lägesbild's overdue follow-ups and updates the shared card.

const SAMORDNARE: Speaker = { aadObjectId: '00000000-0000-0000-0000-00000000dddd', name: 'Sara Samordnare' };

/** A walk on 10 Nov with its follow-up on 20 Nov; the harness clock stands at 25 Nov. */
const walk = {
  type: 'trygghetsvandring', date: '2026-11-10', newPlace: 'Stora torget', organisation: 'polisen', organisations: '',
  notes: 'Mörkt vid busskuren', peopleMet: '', followUpDate: '2026-11-20',
};

describe('an activity\'s follow-up marked done', function () {
  let h: BotHarness;
  beforeEach(async () => { h = await new BotHarness().start({ COORDINATORS: `${TENANT}/${SAMORDNARE.aadObjectId}` }); });
  afterEach(async () => { await h.stop(); });

  const verbs = (card: Record<string, any>) => buttons(card).map((b) => b.verb);
  const lagesbild = async () => (await h.say('lägesbild', { from: SAMORDNARE })).map((a) => cardText(a.attachments?.[0]?.content ?? a)).join('\n');

  /** A press on the posted message `replyToId`, as Teams sends it. */
  async function press(verb: string, data: Record<string, unknown>, replyToId: string, from?: Speaker) {
    const res = await h.post({ ...cardAction(verb, data, h.where(from ? { from } : {})), replyToId });
    assert.equal(res.status, 200);
    return ((await res.json()) as { value: Record<string, any> }).value;
  }

  it('When the follow-up day has passed, then the lägesbild lists it; when a coordinator presses "Uppföljning gjord", then it leaves the list and every card says it was done', async () => {
    await h.say('hjälp', { from: SAMORDNARE }); // known to the bot, so named in the shared card's refresh
    const saved = await press('submitActivity', walk, 'form-1');
    assert.match(cardText(saved), /Uppföljning/);
    assert.match(cardText(saved), /20 nov\. 2026/);
    assert.match(await lagesbild(), /A-2026-0001/, 'the overdue follow-up is listed');

    const shared = putCard(cardUpdates(h).at(-1)!);
    assert.ok(!verbs({ ...shared, refresh: undefined }).includes('markFollowUpDone'), 'not a button for everyone');
    const forBerit = await h.refresh(shared, { from: BERIT });
    assert.ok(!verbs(forBerit).includes('markFollowUpDone'), 'a member without the right gets no button');
    const forSara = await h.refresh(shared, { from: SAMORDNARE });
    assert.match(cardText(button(forSara, 'markFollowUpDone')), /Uppföljning gjord/);

    // A forged press by Berit changes nothing.
    const before = cardUpdates(h).length;
    const refused = await press('markFollowUpDone', button(forSara, 'markFollowUpDone').data, 'form-1', BERIT);
    assert.doesNotMatch(cardText(refused), /Uppföljning gjord/);
    await h.bot.sharedCardsIdle();
    assert.equal(cardUpdates(h).length, before, 'a refused press updates no card');
    assert.match(await lagesbild(), /A-2026-0001/, 'still overdue after the refused press');

    h.clock.current = new Date('2026-12-13T09:00:00Z');
    const done = await press('markFollowUpDone', button(forSara, 'markFollowUpDone').data, 'form-1', SAMORDNARE);
    assert.match(cardText(done), /Uppföljning gjord/);
    assert.match(cardText(done), /13 dec\. 2026/);
    assert.ok(!verbs(done).includes('markFollowUpDone'), 'the button is gone once done');
    await h.bot.sharedCardsIdle();
    const updated = putCard(cardUpdates(h).at(-1)!);
    assert.equal(cardUpdates(h).length, before + 1, 'the shared card is updated for everyone');
    assert.match(cardText(updated), /Uppföljning gjord.*13 dec\. 2026/s);
    assert.doesNotMatch(await lagesbild(), /A-2026-0001/, 'no longer overdue');

    // A second press from the card drawn before is a conflict and does not record it again.
    const again = await press('markFollowUpDone', button(forSara, 'markFollowUpDone').data, 'form-1', SAMORDNARE);
    assert.match(cardText(again), /Någon annan hann ändra/);
  });

  it('When an activity has no follow-up day, then its card offers no "Uppföljning gjord" and a forged press is refused', async () => {
    const saved = await press('submitActivity', { ...walk, followUpDate: '' }, 'form-1', SAMORDNARE);
    assert.ok(!verbs(saved).includes('markFollowUpDone'));
    const data = button(saved, 'openEdit').data;
    const refused = await press('markFollowUpDone', data, 'form-1', SAMORDNARE);
    assert.match(cardText(refused), /ingen uppföljning att markera/);
  });
});

import assert from 'node:assert/strict';
import { messages } from '../../src/i18n/messages';
import { BotHarness, cardOf, cardText } from '../support/bot-harness';
import { until } from '../support/bot-instances';
import { button } from '../support/card-buttons';
import { cardOfUpdate, cardUpdates } from '../support/card-updates';
import { ANNA, BERIT, CHANNEL, TENANT, cardAction, chatIdOf, type Speaker } from '../support/teams-activities';

// A whole mobilisation (issue 11) through the real HTTP server, SQLite file and the fake Bot Connector:
// the call, the personal copies, three answers shown live to everyone (the channel card and each copy
// updated), an escalation, a recipient Teams refuses, the close; and the rights around it.

const person = (tail: string, name: string): Speaker => ({ aadObjectId: `00000000-0000-0000-0000-0000000${tail}`, name });
const CARL = person('0c0c1', 'Carl Rektorsson');
const ERIK = person('0e0e1', 'Erik Kurator');
const FIA = person('0f0f1', 'Fia Polis');
const GUSTAV = person('06061', 'Gustav Fritid');
const DORA = person('0d0d1', 'Dora Bergsskolan');
const TENANT_B = '0b0b0b0b-1111-4222-8333-444455556666';
const THREAD_PREFIX = `${CHANNEL};messageid=`;
const sv = messages('sv');

describe('mobilisation: a call-out whose answers the whole group sees live', function () {
  this.timeout(120_000);
  let h: BotHarness;
  let school: { id: string };
  let n = 0;

  beforeEach(async () => {
    h = await new BotHarness().start({ COORDINATORS: `${TENANT}/${ANNA.aadObjectId}`, MOBILISATION_ESCALATE_MINUTES: '10' });
    // Teams: a 1:1 chat is created (POST /v3/conversations) and the card posted in it; Fia has removed the bot.
    h.connector.responder = (r) => {
      if (r.method === 'POST' && /\/v3\/conversations\/?$/.test(r.path)) {
        const member = String(r.body.members?.[0]?.id ?? '');
        return member === chatIdOf(FIA) ? { status: 403, body: { error: { code: 'BotNotInConversationRoster' } } } : { status: 201, body: { id: `a:personal-${member}` } };
      }
      return { status: 201, body: { id: `msg-${++n}` } };
    };
    const tenant = { tenantId: TENANT };
    const by = { actorId: ANNA.aadObjectId, now: h.clock.now() };
    const added = await h.bot.store.schools.add(tenant, { name: 'Ängsskolan', stages: ['7-9'], placeId: null, contacts: [{ userId: CARL.aadObjectId, name: CARL.name, role: 'skola' }] }, by);
    const other = await h.bot.store.schools.add(tenant, { name: 'Bergskolan', stages: ['f-6'], placeId: null, contacts: [{ userId: DORA.aadObjectId, name: DORA.name, role: 'skola' }] }, by);
    assert.ok(added.ok && other.ok);
    school = added.school;
    // The channel is known to the bot (its reference is kept with the first message).
    await h.say('hjälp');
  });
  afterEach(async () => { await h.stop(); });

  /** The personal copies of the call just answered have been sent, and the cards updated with who was reached. */
  const copiesSent = async () => {
    await until('a personal copy posted', () => personalPosts().length > 0, 10_000);
    await h.bot.afterAnswerIdle();
    await h.bot.sharedCardsIdle();
  };
  const personalPosts = () => h.connector.received.filter((r) => r.method === 'POST' && /\/v3\/conversations\/a%3Apersonal|\/v3\/conversations\/a:personal/.test(r.path));
  const putsTo = (prefix: string) => cardUpdates(h).filter((r) => r.conversationId.startsWith(prefix));
  const lastPutTo = (prefix: string) => cardText(cardOfUpdate(putsTo(prefix).at(-1)!));

  /** Anna (a coordinator) puts Carl on the list from the card, and three more by @mention. */
  async function fillCallList(): Promise<void> {
    const list = cardOf((await h.say('ringlista Ängsskolan'))[0]!);
    const add = button(list, 'callListAdd');
    const added = await h.press('callListAdd', { ...add.data, userId: CARL.aadObjectId, role: 'rektor', step: '1' });
    assert.match(cardText(added), /Carl Rektorsson – Rektor, kallas först/);
    await h.say('ringlista Ängsskolan kurator 1', {}, [ERIK]);
    await h.say('ringlista Ängsskolan polis 1', {}, [FIA]);
    const last = cardOf((await h.say('ringlista Ängsskolan fritidsledare 2', {}, [GUSTAV]))[0]!);
    assert.match(cardText(last), /Gustav Fritid – Fritidsledare, vid första eskaleringen/);
  }

  it('When a school is called, answered three times, escalated and closed, then everyone sees every answer and the timeline is kept', async () => {
    await fillCallList();
    const answer = await h.say('mobilisera Ängsskolan bråk vid busshållplatsen efter skolan');
    const answered = cardText(cardOf(answer.at(-1)!));
    assert.match(answered, /Mobilisering – Ängsskolan/);
    assert.match(answered, /bråk vid busshållplatsen efter skolan/);
    // The caller is answered before the personal copies go: the card says they are being sent.
    assert.match(answered, /Skickas till: Carl Rektorsson, Erik Kurator, Fia Polis"/);
    await copiesSent();
    const channelCard = lastPutTo(THREAD_PREFIX);
    // Step 1 was called: Carl and Erik got their personal copy; Fia's chat was refused (403), and the caller sees it.
    assert.deepEqual(personalPosts().map((r) => r.conversationId).sort(), [`a:personal-${CARL.aadObjectId}`, `a:personal-${chatIdOf(ERIK)}`].sort());
    assert.match(channelCard, /Kunde inte nås i Teams: Fia Polis/);
    assert.ok(!channelCard.includes('Gustav'), 'step 2 is not called yet');
    const calloutId = String(button(cardOf(answer.at(-1)!), 'mobiliseAnswer').data.id);

    // Erik answers "kan inte" in his own chat: the channel card and both personal copies show it.
    await h.press('mobiliseAnswer', { id: calloutId, answer: 'kan_inte', note: 'sjuk idag' }, { conversationType: 'personal', from: ERIK });
    await h.bot.sharedCardsIdle();
    assert.match(lastPutTo(THREAD_PREFIX), /Erik Kurator \(Kurator\): Kan inte – sjuk idag/);
    for (const chat of [`a:personal-${CARL.aadObjectId}`, `a:personal-${chatIdOf(ERIK)}`]) assert.match(lastPutTo(chat), /Erik Kurator \(Kurator\): Kan inte/, `the copy in ${chat}`);
    assert.match(lastPutTo(THREAD_PREFIX), /Har inte svarat: Carl Rektorsson/);

    // Nine minutes: nothing yet. Eleven: nobody said "kommer", so step 2 is called and the caller told.
    h.clock.current = new Date(h.clock.current.getTime() + 9 * 60_000);
    await h.bot.housekeeping.run('mobilisation-escalation', h.clock.now());
    assert.ok(!personalPosts().some((r) => r.conversationId.includes(GUSTAV.aadObjectId)));
    h.clock.current = new Date(h.clock.current.getTime() + 2 * 60_000);
    const before = h.connector.messages().length;
    await h.bot.housekeeping.run('mobilisation-escalation', h.clock.now());
    await h.bot.sharedCardsIdle();
    assert.ok(personalPosts().some((r) => r.conversationId === `a:personal-${chatIdOf(GUSTAV)}`), 'Gustav (step 2) got the call');
    const told = h.connector.messages().slice(before).map((m) => String(m.text ?? '')).join('\n');
    assert.match(told, /Ingen har svarat "kommer" på 10 minuter\. Larmet för Ängsskolan har gått vidare till: Gustav Fritid\. Larmad av Anna Andersson\./);
    assert.match(lastPutTo(THREAD_PREFIX), /ingen kom – steg 2 larmades/);

    // Carl's note holds a personal identity number: warned, his text kept, nothing changed for anyone.
    h.clock.current = new Date(h.clock.current.getTime() + 60_000);
    const puts = cardUpdates(h).length;
    const warned = await h.press('mobiliseAnswer', { id: calloutId, answer: 'hanterat', note: 'pratat med 811218-9876' }, { conversationType: 'personal', from: CARL });
    assert.match(cardText(warned), /personnummer 811218-\*\*\*\*/);
    assert.match(cardText(warned), /pratat med 811218-9876/, 'what he typed is kept on his card');
    await h.bot.sharedCardsIdle();
    assert.equal(cardUpdates(h).length, puts, 'a warned answer updates nobody');
    await h.press('mobiliseAnswer', { ...button(warned, 'mobiliseAnswer', (d) => d.answer === 'hanterat').data, note: 'pratat med 811218-9876' }, { conversationType: 'personal', from: CARL });
    // Gustav answers "kommer" on the channel card itself: that message is updated in the turn, the copies after it.
    h.clock.current = new Date(h.clock.current.getTime() + 60_000);
    const channelMessage = decodeURIComponent(putsTo(THREAD_PREFIX)[0]!.path.split('/activities/')[1]!);
    const res = await h.post({ ...cardAction('mobiliseAnswer', { id: calloutId, answer: 'kommer', note: '10 min bort' }, h.where({ from: GUSTAV })), replyToId: channelMessage });
    assert.equal(res.status, 200);
    await h.bot.sharedCardsIdle();
    assert.ok(putsTo(THREAD_PREFIX).at(-1)!.path.endsWith(`/activities/${encodeURIComponent(channelMessage)}`), 'the pressed channel message is the one updated');
    const live = lastPutTo(THREAD_PREFIX);
    assert.match(live, /Carl Rektorsson \(Rektor\): Hanterat – pratat med 811218-[\\*]+ kl\. 11:12/);
    assert.match(live, /Gustav Fritid \(Fritidsledare\): Kommer – 10 min bort/);
    assert.ok(!live.includes('811218-9876'), 'the number is stored masked');
    assert.match(lastPutTo(`a:personal-${chatIdOf(GUSTAV)}`), /Gustav Fritid \(Fritidsledare\): Kommer/);
    assert.match(lastPutTo(`a:personal-${CARL.aadObjectId}`), /Gustav Fritid \(Fritidsledare\): Kommer/);

    // The text for parents: the school and what happened, no names; marked sent by the caller.
    const external = await h.press('mobiliseExternal', { id: calloutId });
    assert.match(cardText(external), /Information från Ängsskolan: bråk vid busshållplatsen efter skolan\./);
    for (const name of ['Anna', 'Carl', 'Erik', 'Gustav', 'Fia']) assert.ok(!cardText(external).includes(name), `the text for parents names ${name}`);
    await h.press('mobiliseExternalSent', { id: calloutId });

    // A contact of another school cannot close it; the caller does, with an outcome saved as an activity.
    const refused = await h.invoke('mobiliseClose', { id: calloutId, outcome: 'Lugnt igen' }, { from: DORA });
    assert.ok(refused.text.includes(sv.trust.forbidden.slice(0, 30)));
    const fromB = await h.invoke('mobiliseClose', { id: calloutId, outcome: 'Kapad' }, { tenantId: TENANT_B, conversationId: '19:b@thread.tacv2', channelId: '19:b@thread.tacv2', from: BERIT });
    assert.ok(fromB.text.includes(sv.trust.unavailable));
    const closeForm = await h.press('mobiliseOpenClose', { id: calloutId });
    const closed = await h.press('mobiliseClose', { ...button(closeForm, 'mobiliseClose').data, outcome: 'Lugnt igen, föräldrar informerade' });
    assert.match(cardText(closed), /Mobilisering avslutad – Ängsskolan/);
    assert.match(cardText(closed), /Utfall: Lugnt igen, föräldrar informerade/);
    await h.bot.sharedCardsIdle();
    assert.match(lastPutTo(`a:personal-${chatIdOf(ERIK)}`), /Mobilisering avslutad/);

    const stored = h.readDatabase((db) => ({
      callout: db.prepare('SELECT state, outcome, activity_id, external_sent_at FROM callouts WHERE id = ?').get(calloutId) as Record<string, any>,
      events: (db.prepare('SELECT kind FROM callout_events WHERE callout_id = ? ORDER BY at, rowid').all(calloutId) as { kind: string }[]).map((e) => e.kind),
      activity: db.prepare("SELECT type, notes FROM activities WHERE type = 'mobilisering'").get() as Record<string, any>,
    }));
    assert.equal(stored.callout.state, 'closed');
    assert.ok(stored.callout.external_sent_at);
    assert.equal(stored.activity.type, 'mobilisering');
    assert.match(stored.activity.notes, /Lugnt igen, föräldrar informerade/);
    for (const kind of ['called', 'unreachable', 'answered', 'escalated', 'external_sent', 'closed']) assert.ok(stored.events.includes(kind), `the timeline has ${kind}`);
    assert.equal(stored.events.filter((k) => k === 'answered').length, 3);
  });

  it('When the call is made on the mobilise card, then that message becomes the call-out\'s card and shows the answers', async () => {
    await fillCallList();
    const form = cardOf((await h.say('mobilisera')).at(-1)!);
    assert.match(cardText(form), /Ängsskolan/);
    const formMessage = 'form-message-1';
    const res = await h.post({ ...cardAction('mobiliseCall', { ...button(form, 'mobiliseCall').data, schoolId: school.id, what: 'rök i trapphuset' }, h.where()), replyToId: formMessage });
    const called = ((await res.json()) as { value: Record<string, any> }).value;
    assert.match(cardText(called), /Vad har hänt: rök i trapphuset/);
    await h.bot.sharedCardsIdle();
    await h.press('mobiliseAnswer', { id: String(button(called, 'mobiliseAnswer').data.id), answer: 'kommer', note: '' }, { conversationType: 'personal', from: CARL });
    await h.bot.sharedCardsIdle();
    const update = cardUpdates(h).filter((r) => r.path.endsWith(`/activities/${formMessage}`)).at(-1);
    assert.ok(update, 'the pressed message is updated with the answer');
    assert.match(cardText(cardOfUpdate(update)), /Carl Rektorsson \(Rektor\): Kommer/);
  });

  it('When what happened holds a personal identity number, then nobody is called until the caller confirms, and it is stored masked', async () => {
    await fillCallList();
    const warned = cardOf((await h.say('mobilisera Ängsskolan eleven 811218-9876 hotad')).at(-1)!);
    assert.match(cardText(warned), /personnummer 811218-\*\*\*\*/);
    assert.match(cardText(warned), /eleven 811218-9876 hotad/, 'the typed text is kept on the card');
    assert.equal(personalPosts().length, 0, 'nobody is called yet');
    const called = await h.press('mobiliseCall', { ...button(warned, 'mobiliseCall').data, schoolId: school.id, what: 'eleven 811218-9876 hotad' });
    assert.match(cardText(called), /eleven 811218-[\\*]+ hotad/);
    assert.ok(!cardText(called).includes('9876'));
    await until('step 1 called once confirmed', () => personalPosts().length === 2, 10_000);
    await h.bot.afterAnswerIdle();
    assert.equal(personalPosts().length, 2, 'step 1 is called once confirmed, each once');
  });

  it('When an answer\'s comment holds a phone number, then the warning names the answer buttons (not "Spara"), keeps the comment, and the answer again saves it masked', async () => {
    await fillCallList();
    const called = cardOf((await h.say('mobilisera Ängsskolan bråk vid entrén')).at(-1)!);
    const id = String(button(called, 'mobiliseAnswer').data.id);
    await h.bot.sharedCardsIdle();
    const warned = await h.press('mobiliseAnswer', { id, answer: 'kommer', note: 'ring mig 070-123 45 67' }, { conversationType: 'personal', from: CARL });
    const text = cardText(warned);
    assert.match(text, /Kommentaren innehåller personuppgifter: telefonnummer 070-[^.]*\. Ta bort dem, eller tryck ditt svar igen \(Kommer \/ Kan inte \/ Hanterat\) så sparas kommentaren maskerad\./);
    assert.doesNotMatch(text, /Spara igen/);
    assert.match(text, /ring mig 070-123 45 67/, 'the comment stays on the card');
    assert.doesNotMatch(text, /Carl Rektorsson \(Rektor\): Kommer/, 'not answered yet');
    // Teams sends the card's input (the comment, still as typed) with the pressed button's data.
    const again = await h.press('mobiliseAnswer', { ...button(warned, 'mobiliseAnswer', (d) => d.answer === 'kommer').data, note: 'ring mig 070-123 45 67' }, { conversationType: 'personal', from: CARL });
    assert.ok(!JSON.stringify(again).includes('45 67'));
    assert.match(cardText(again), /Carl Rektorsson \(Rektor\): Kommer – ring mig 070-/);
  });

  it('When the school does not exist, then the caller is told in Swedish and nobody is called', async () => {
    const replies = await h.say('mobilisera Påhittadskolan brand i papperskorgen');
    assert.match(JSON.stringify(replies), /Jag hittar ingen skola i skolregistret som \\"Påhittadskolan\\" börjar med\. Inget larm skickades\./);
    assert.equal(personalPosts().length, 0);
    assert.equal(h.readDatabase((db) => (db.prepare('SELECT COUNT(*) AS n FROM callouts').get() as { n: number }).n), 0);
  });

  it('When the school\'s call list is empty, then the caller is told so and nothing is posted or stored', async () => {
    const replies = await h.say('mobilisera Bergskolan brand i papperskorgen');
    assert.match(JSON.stringify(replies), /Bergskolan har ingen ringlista än, så inget larm skickades/);
    assert.equal(personalPosts().length, 0);
    assert.equal(h.readDatabase((db) => (db.prepare('SELECT COUNT(*) AS n FROM callouts').get() as { n: number }).n), 0);
  });

  it('When someone who is neither a coordinator nor a contact of the school adds to its list, then it is refused', async () => {
    const answer = await h.invoke('callListAdd', { schoolId: school.id, userId: CARL.aadObjectId, role: 'rektor', step: '1' }, { from: BERIT });
    assert.ok(answer.text.includes(sv.trust.forbidden.slice(0, 30)));
    const byMention = await h.say('ringlista Ängsskolan kurator 1', { from: DORA }, [ERIK]);
    assert.match(JSON.stringify(byMention), new RegExp(sv.trust.forbidden.slice(0, 30)));
    assert.equal(h.readDatabase((db) => (db.prepare('SELECT COUNT(*) AS n FROM call_list_entries').get() as { n: number }).n), 0);
  });
});

import assert from 'node:assert/strict';
import { actionsOf, BotHarness, cardOf, cardText } from '../support/bot-harness';
import { ANNA, BERIT, TENANT, type Speaker } from '../support/teams-activities';

const CAMILLA: Speaker = { aadObjectId: '00000000-0000-0000-0000-00000000cccc', name: 'Camilla Carlsson' };
const incident = { date: '2026-11-24', newPlace: 'Stora torget', category: 'nedskrapning', description: 'Mycket skräp vid bänkarna', organisation: 'polisen' };

describe('roles: coordinators, organisations and the audit log', () => {
  let h: BotHarness;
  // Anna is a coordinator by configuration; Berit (skola) and Camilla (fritid) are not. A user's
  // organisation is theirs only once a coordinator has confirmed it (`organisation @namn skola`).
  beforeEach(async () => { h = await new BotHarness().start({ COORDINATORS: `${TENANT}/${ANNA.aadObjectId}` }); });
  afterEach(async () => { await h.stop(); });

  const text = async (words: string, from: Speaker, mentioning: Speaker[] = []) => cardText(cardOf((await h.say(words, { from }, mentioning))[0]!));
  const report = (from: Speaker, organisation: string) => h.press('submitIncident', { ...incident, organisation }, { from });
  /** The coordinator confirms, by @mention, the organisation of someone who has used the bot. */
  const confirm = async (who: Speaker, organisation: string) => assert.match(await text(`organisation ${organisation}`, ANNA, [who]), new RegExp(`${who.name} tillhör nu`));

  it('When someone from another organisation moves a report’s status, then they are refused; the coordinator may close any report', async () => {
    const saved = await report(ANNA, 'polisen');
    await report(BERIT, 'skola');
    await confirm(BERIT, 'skola');
    const next = actionsOf(saved).find((a) => a.verb === 'setStatus')!;
    assert.match(cardText(await h.press('setStatus', next.data, { from: BERIT })), /Du har inte behörighet att göra det/);
    const polis = await report(CAMILLA, 'fritid');
    const closeByCoordinator = actionsOf(polis).find((a) => a.verb === 'setStatus')!;
    assert.match(cardText(await h.press('setStatus', closeByCoordinator.data, { from: ANNA })), /"value":"Hanteras"/);
  });

  it('When a user reports for another organisation than their own, then the organisation field says why it is refused', async () => {
    await report(BERIT, 'skola');
    await confirm(BERIT, 'skola');
    const refused = await report(BERIT, 'polisen');
    assert.match(cardText(refused), /Du är registrerad för en annan organisation/);
    assert.match(cardText(refused), /"value":"Mycket skräp vid bänkarna"/);
  });

  it('When a non-coordinator asks for the log or names a coordinator, then they are politely refused', async () => {
    await report(BERIT, 'skola');
    assert.match(await text('logg', BERIT), /Du har inte behörighet att göra det/);
    assert.match(await text('koordinator', BERIT, [CAMILLA]), /Du har inte behörighet att göra det/);
  });

  it('When the coordinator names a colleague by @mention, then the colleague can read the log, which holds no report text', async () => {
    await report(ANNA, 'polisen');
    await report(BERIT, 'skola');
    assert.match(await text('koordinator', ANNA, [CAMILLA]), /Jag känner inte igen Camilla Carlsson än/);
    assert.match(await text('koordinator', ANNA, [BERIT]), /Berit Berg är nu koordinator/);
    const log = await text('logg', BERIT);
    assert.match(log, /Logg – senaste händelserna/);
    assert.match(log, /Anna Andersson gjorde till koordinator:/);
    assert.match(log, /Berit Berg skapade H-2026-0002/);
    assert.match(log, /Anna Andersson skapade H-2026-0001/);
    assert.doesNotMatch(log, /skräp/);
  });

  it('When the coordinator moves someone to another organisation, then their next report may use it', async () => {
    await report(BERIT, 'skola');
    await confirm(BERIT, 'skola');
    assert.match(cardText(await report(BERIT, 'fritid')), /Du är registrerad för en annan organisation/);
    assert.match(await text('organisation fritid', ANNA, [BERIT]), /Berit Berg tillhör nu Fritid/);
    const moved = cardText(await report(BERIT, 'fritid'));
    assert.match(moved, /Sparad/);
    assert.match(moved, /Berit Berg, Fritid, /, 'reported for her confirmed organisation');
    assert.match(await text('organisation', ANNA, [BERIT]), /Vilken organisation\?/);
  });
});

describe('per-user rate limit', () => {
  let h: BotHarness;
  afterEach(async () => { await h.stop(); });

  it('When one user floods the bot, then they get a polite Swedish answer while others carry on; after a while it works again', async () => {
    h = await new BotHarness().start({ RATE_LIMIT_BURST: '3', RATE_LIMIT_PER_MINUTE: '6' });
    for (let i = 0; i < 3; i++) assert.match(cardText(cardOf((await h.say('hjälp', { from: BERIT }))[0]!)), /Det här kan jag/);
    const [flooded] = await h.say('hjälp', { from: BERIT });
    assert.match(flooded!.text, /Du skickar väldigt många meddelanden just nu/);
    assert.match(cardText(await h.press('submitIncident', incident, { from: BERIT })), /Du skickar väldigt många/);
    assert.match(cardText(cardOf((await h.say('hjälp', { from: CAMILLA }))[0]!)), /Det här kan jag/);
    h.clock.current = new Date(h.clock.current.getTime() + 60_000);
    assert.match(cardText(await h.press('submitIncident', { ...incident, organisation: 'skola' }, { from: BERIT })), /Sparad/);
  });
});

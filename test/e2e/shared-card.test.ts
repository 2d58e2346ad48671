import assert from 'node:assert/strict';
import { BotHarness, cardText } from '../support/bot-harness';
import { budgetSlots } from '../support/budget-slots';
import { button } from '../support/card-buttons';
import { cardOfUpdate, cardUpdates } from '../support/card-updates';
import { ANNA, BERIT, CHANNEL, TENANT, cardAction, type Speaker } from '../support/teams-activities';

// The card everyone sees (issue 10): a change updates the posted message for everyone (PUT on the
// card's message id), through the real HTTP server and the fake Bot Connector.

const SAMORDNARE: Speaker = { aadObjectId: '00000000-0000-0000-0000-00000000dddd', name: 'Sara Samordnare' };
const THREAD = `${CHANNEL};messageid=1700000000000`;

const incident = (newPlace: string) => ({
  date: '2026-11-24', time: '21:15', newPlace, category: 'skadegorelse_glaskross', description: 'Krossad ruta',
  severity: 'medel', organisation: 'polisen', school: '', youthInvolved: '', policeReportNumber: '',
});

describe('the card everyone sees', function () {
  let h: BotHarness;
  beforeEach(async () => { h = await new BotHarness().start({ COORDINATORS: `${TENANT}/${SAMORDNARE.aadObjectId}` }); });
  afterEach(async () => { await h.stop(); });

  const puts = () => cardUpdates(h);
  const putCard = cardOfUpdate;

  /** A press on the posted message `replyToId`; `automatic` as Teams sends a refresh. */
  async function press(verb: string, data: Record<string, unknown>, replyToId: string, o: { from?: Speaker; automatic?: boolean } = {}) {
    const activity: Record<string, any> = { ...cardAction(verb, data, h.where(o.from ? { from: o.from } : {})), replyToId };
    if (o.automatic) activity.value.trigger = 'automatic';
    const res = await h.post(activity);
    const body = (await res.json()) as { statusCode: number; value: Record<string, any> };
    assert.equal(res.status, 200);
    return body.value;
  }

  async function until(check: () => boolean, ms = 5_000): Promise<void> {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  it('When a report is saved, its status moved and taken, then each change PUTs the new card on the pressed message', async () => {
    const saved = await press('submitIncident', incident('Stora torget'), 'form-1');
    assert.equal(puts().length, 1);
    const [first] = puts();
    assert.equal(first!.path, `/v3/conversations/${encodeURIComponent(THREAD)}/activities/form-1`);
    assert.equal(first!.conversationId, THREAD);
    assert.match(cardText(putCard(first!)), /H-2026-0001/);
    // The shared card has no note for the presser ("sparad") but the same report.
    assert.match(cardText(saved), /H-2026-0001/);

    const moved = await press('setStatus', button(saved, 'setStatus').data, 'form-1', { from: SAMORDNARE });
    assert.equal(puts().length, 2);
    assert.match(cardText(putCard(puts()[1]!)), /Hanteras|hanteras/);
    assert.match(cardText(moved), /Hanteras|hanteras/);

    await press('assignToMe', button(moved, 'assignToMe').data, 'form-1', { from: SAMORDNARE });
    assert.equal(puts().length, 3);
    assert.match(cardText(putCard(puts()[2]!)), /Sara Samordnare/);
    assert.ok(puts().every((p) => p.path.endsWith('/activities/form-1')));
  });

  it('When a press PUTs the shared card, then each PUT is counted in the tenant\'s posting budget, so digests leave it room', async () => {
    const saved = await press('submitIncident', incident('Stora torget'), 'form-1');
    await press('setStatus', button(saved, 'setStatus').data, 'form-1', { from: SAMORDNARE });
    assert.equal(puts().length, 2);
    const counted = () => budgetSlots(h.databaseFile, TENANT).reduce((sum, s) => sum + s.interactive, 0);
    await until(() => counted() >= 2);
    assert.equal(counted(), 2, 'one count a PUT (the invoke\'s own answer is not a post)');
  });

  it('When a report is edited, a hot spot moved on, analysed, given a measure and a follow-up, and a quick report undone, then each PUTs its new card', async () => {
    const saved = await press('submitIncident', incident('Stora torget'), 'form-1');
    const editForm = await press('openEdit', button(saved, 'openEdit').data, 'form-1');
    assert.equal(puts().length, 1, 'opening a form changes nothing for everyone');
    await press('saveIncidentEdit', { ...incident('Stora torget'), ...button(editForm, 'saveIncidentEdit').data, description: 'Krossad ruta vid kiosken' }, 'form-1');
    assert.equal(puts().length, 2);
    assert.match(cardText(putCard(puts()[1]!)), /Krossad ruta vid kiosken/);

    await h.say('organisation polisen', { from: SAMORDNARE }, [ANNA]);
    const placeId = (await h.bot.store.places.findOrCreate({ tenantId: TENANT }, 'Stora torget', h.clock.now())).id;
    let card = await press('hotspotStart', { placeId }, 'hs-1');
    const onHotspot = () => puts().filter((p) => p.path.endsWith('/activities/hs-1'));
    assert.equal(onHotspot().length, 1);
    card = await press('hotspotNext', button(card, 'hotspotNext').data, 'hs-1');
    assert.equal(onHotspot().length, 2);
    assert.match(cardText(putCard(onHotspot()[1]!)), /Analyseras/);
    const analysisForm = await press('hotspotOpenAnalysis', button(card, 'hotspotOpenAnalysis').data, 'hs-1');
    card = await press('hotspotSaveAnalysis', { ...button(analysisForm, 'hotspotSaveAnalysis').data, who: 'Unga', what: 'Glaskross', when: 'Fredagar', why: 'Mörkt vid busskuren' }, 'hs-1');
    assert.equal(onHotspot().length, 3);
    assert.match(cardText(putCard(onHotspot()[2]!)), /Mörkt vid busskuren/);
    card = await press('hotspotNext', button(card, 'hotspotNext').data, 'hs-1');
    const measureForm = await press('hotspotOpenMeasure', button(card, 'hotspotOpenMeasure').data, 'hs-1');
    await press('hotspotAddMeasure', { ...button(measureForm, 'hotspotAddMeasure').data, what: '', organisation: 'kommunen' }, 'hs-1');
    assert.equal(onHotspot().length, 4, 'a measure with errors changed nothing');
    card = await press('hotspotAddMeasure', { ...button(measureForm, 'hotspotAddMeasure').data, what: 'Bättre belysning', organisation: 'kommunen', dueDate: '2026-12-10' }, 'hs-1');
    assert.equal(onHotspot().length, 5);
    assert.match(cardText(putCard(onHotspot()[4]!)), /Bättre belysning/);
    const followForm = await press('hotspotOpenFollowUp', button(card, 'hotspotOpenFollowUp').data, 'hs-1');
    card = await press('hotspotSetFollowUp', { ...button(followForm, 'hotspotSetFollowUp').data, followUpDate: '2026-12-23' }, 'hs-1');
    assert.equal(onHotspot().length, 6);
    card = await press('hotspotMeasureDone', button(card, 'hotspotMeasureDone').data, 'hs-1');
    assert.equal(onHotspot().length, 7);
    assert.match(cardText(putCard(onHotspot()[6]!)), /klar/);

    await press('submitIncident', incident('Norra parken'), 'form-2');
    const [quick] = await h.say('hotspot norra parken klotter på bänken');
    const quickCard = quick!.attachments[0].content as Record<string, any>;
    await h.bot.sharedCardsIdle();
    const before = puts().length;
    await press('hotspotUndo', button(quickCard, 'hotspotUndo').data, 'q-1', { from: BERIT });
    assert.equal(puts().length, before, 'a refused undo changes nothing');
    await press('hotspotUndo', button(quickCard, 'hotspotUndo').data, 'q-1');
    const undone = puts().slice(before).find((p) => p.path.endsWith('/activities/q-1'));
    assert.match(cardText(putCard(undone!)), /borttagen/);
  });

  it('When the shared card is PUT, then it has only the buttons anyone may use, and a refresh gives the reporter and a coordinator their own', async () => {
    await h.say('hjälp', { from: SAMORDNARE }); // the coordinator is known to the bot once a profile exists
    await press('submitIncident', { ...incident('Stora torget'), organisation: 'kommunen' }, 'sam-form', { from: SAMORDNARE });
    const saved = await press('submitIncident', incident('Stora torget'), 'form-1');
    const shared = putCard(puts().at(-1)!);
    const verbs = (c: Record<string, any>) => [...cardText(c).matchAll(/"verb":"(\w+)"/g)].map((m) => m[1]);
    assert.ok(!verbs({ ...shared, refresh: undefined }).includes('openEdit'), 'no edit button for everyone');
    assert.ok(!verbs({ ...shared, refresh: undefined }).includes('setStatus'));
    assert.equal(shared.refresh.action.verb, 'refreshReport');
    assert.ok(shared.refresh.userIds.length <= 60);
    assert.ok(shared.refresh.userIds.includes(`29:${ANNA.aadObjectId}`), 'the reporter');
    assert.ok(shared.refresh.userIds.includes(`29:${SAMORDNARE.aadObjectId}`), 'a coordinator the bot knows');
    assert.ok(verbs(saved).includes('openEdit'), 'the presser (the reporter) sees their own buttons');

    const before = puts().length;
    const forAnna = await h.refresh(shared);
    assert.ok(verbs(forAnna).includes('openEdit'));
    const forSara = await h.refresh(shared, { from: SAMORDNARE });
    assert.ok(verbs(forSara).includes('openEdit') && verbs(forSara).includes('setStatus'));
    const forBerit = await h.refresh(shared, { from: BERIT });
    assert.ok(!verbs(forBerit).includes('openEdit') && !verbs(forBerit).includes('setStatus'));
    await h.bot.sharedCardsIdle();
    assert.equal(puts().length, before, 'answering an automatic refresh updates nothing');
  });

  it('When a coordinator was named by command and a member of the report\'s organisation confirmed, then the shared card names both for refresh and each gets their buttons', async () => {
    const CAMILLA: Speaker = { aadObjectId: '00000000-0000-0000-0000-00000000cccc', name: 'Camilla Carlsson' };
    const DAVID: Speaker = { aadObjectId: '00000000-0000-0000-0000-0000000000dd', name: 'David Dahl' };
    // The bot knows a person (their Teams id) once they reported something.
    for (const who of [CAMILLA, DAVID, BERIT]) await press('submitIncident', { ...incident('Norra parken'), organisation: 'kommunen' }, `own-${who.name}`, { from: who });
    assert.match(cardText(await h.say('koordinator', { from: SAMORDNARE }, [CAMILLA])), /Camilla Carlsson är nu koordinator/);
    await h.say('organisation polisen', { from: SAMORDNARE }, [DAVID]);
    await h.say('organisation skola', { from: SAMORDNARE }, [BERIT]);
    await press('submitIncident', incident('Stora torget'), 'form-1');
    const shared = putCard(puts().at(-1)!);
    const verbs = (c: Record<string, any>) => [...cardText(c).matchAll(/"verb":"(\w+)"/g)].map((m) => m[1]);
    const ids: string[] = shared.refresh.userIds;
    assert.ok(ids.includes(`29:${CAMILLA.aadObjectId}`), 'the coordinator named by command');
    assert.ok(ids.includes(`29:${DAVID.aadObjectId}`), 'the confirmed member of the report\'s organisation (polisen)');
    assert.ok(!ids.includes(`29:${BERIT.aadObjectId}`), 'a member of another organisation has no other buttons');
    assert.ok(ids.indexOf(`29:${ANNA.aadObjectId}`) < ids.indexOf(`29:${CAMILLA.aadObjectId}`), 'the reporter first');
    assert.ok(ids.indexOf(`29:${CAMILLA.aadObjectId}`) < ids.indexOf(`29:${DAVID.aadObjectId}`), 'coordinators before members');

    const forCamilla = await h.refresh(shared, { from: CAMILLA });
    assert.ok(verbs(forCamilla).includes('openEdit') && verbs(forCamilla).includes('setStatus'), 'the coordinator\'s buttons');
    const forDavid = await h.refresh(shared, { from: DAVID });
    assert.ok(verbs(forDavid).includes('openEdit') && verbs(forDavid).includes('assignToMe'), 'the member\'s buttons');
    const forBerit = await h.refresh(shared, { from: BERIT });
    assert.ok(!verbs(forBerit).includes('openEdit') && !verbs(forBerit).includes('setStatus'));
  });

  it('When many coordinators and members are known, then the refresh names at most 60 users, the reporter and coordinators kept', async () => {
    const tenant = { tenantId: TENANT };
    const now = h.clock.now();
    for (let i = 0; i < 70; i++) {
      const userId = `00000000-0000-0000-0001-${String(i).padStart(12, '0')}`;
      await h.bot.store.users.save({ userId, tenantId: TENANT, organisation: 'polisen', school: null, updatedAt: now, chatUserId: `29:${userId}` });
      if (i < 5) await h.bot.store.coordinators.add(tenant, userId, SAMORDNARE.aadObjectId, now);
      else await h.bot.store.memberships.confirm(tenant, { userId, organisation: 'polisen', source: 'coordinator', confirmedBy: SAMORDNARE.aadObjectId, confirmedAt: now });
    }
    await press('submitIncident', incident('Stora torget'), 'form-1');
    const ids: string[] = putCard(puts().at(-1)!).refresh.userIds;
    assert.equal(ids.length, 60);
    assert.equal(ids[0], `29:${ANNA.aadObjectId}`);
    for (let i = 0; i < 5; i++) assert.ok(ids.includes(`29:00000000-0000-0000-0001-${String(i).padStart(12, '0')}`), `coordinator ${i}`);
  });

  it('When a change is refused (stale version, no right, bad payload), then nothing is PUT', async () => {
    const saved = await press('submitIncident', incident('Stora torget'), 'form-1');
    const before = puts().length;
    const data = button(saved, 'setStatus').data;
    await press('setStatus', { ...data, version: Number(data.version) + 5 }, 'form-1', { from: SAMORDNARE });
    await press('setStatus', data, 'form-1', { from: BERIT });
    await press('setStatus', { ...data, status: 'nonsense' }, 'form-1', { from: SAMORDNARE });
    await press('submitIncident', incident('Stora torget'), 'form-2', { from: ANNA }); // a new report: one PUT
    assert.equal(puts().length, before + 1);
    assert.ok(puts().at(-1)!.path.endsWith('/activities/form-2'));
  });

  it('When a report is saved, then no shared message of it is looked up (a new report has none), and its first change still finds the pressed one', async () => {
    const cardMessages = h.bot.store.cardMessages;
    const find = cardMessages.find.bind(cardMessages);
    let lookups = 0;
    cardMessages.find = (...args) => { lookups++; return find(...args); };
    const saved = await press('submitIncident', incident('Stora torget'), 'form-1');
    await h.say('hotspot norra parken klotter på bänken');
    await h.bot.sharedCardsIdle();
    assert.equal(lookups, 0);
    assert.equal(puts().length, 1);

    await press('setStatus', button(saved, 'setStatus').data, 'form-1', { from: SAMORDNARE });
    assert.ok(lookups > 0);
    assert.equal(puts().length, 2);
    assert.ok(puts()[1]!.path.endsWith('/activities/form-1'));
  });

  it('When a press answers an automatic refresh, then nothing is PUT', async () => {
    const saved = await press('submitIncident', incident('Stora torget'), 'form-1');
    const before = puts().length;
    await press('showReport', { kind: 'incident', id: button(saved, 'setStatus').data.id }, 'form-1', { automatic: true });
    await press('setStatus', button(saved, 'setStatus').data, 'form-1', { from: SAMORDNARE, automatic: true });
    await h.bot.sharedCardsIdle();
    assert.equal(puts().length, before);
  });

  it('When the connector answers 429 with Retry-After, then the update is tried again after it', async () => {
    let refused = false;
    h.connector.responder = (req) => {
      if (req.method === 'PUT' && !refused) {
        refused = true;
        return { status: 429, headers: { 'retry-after': '1' }, body: {} };
      }
      return { status: 200, body: { id: 'x' } };
    };
    const started = Date.now();
    await press('submitIncident', incident('Stora torget'), 'form-1');
    await until(() => puts().length === 2);
    assert.ok(Date.now() - started >= 900, 'waited for Retry-After');
    assert.equal(puts()[0]!.path, puts()[1]!.path);
    assert.match(cardText(putCard(puts()[1]!)), /H-2026-0001/);
  });

  it('When a typed command changes a hot spot, then its remembered shared message is refreshed', async () => {
    await press('submitIncident', incident('Stora torget'), 'form-1');
    const [confirmed] = await h.say('organisation polisen', { from: SAMORDNARE }, [ANNA]);
    assert.ok(confirmed);
    const placeId = (await h.bot.store.places.findOrCreate({ tenantId: TENANT }, 'Stora torget', h.clock.now())).id;
    const card = await press('hotspotStart', { placeId }, 'hs-1');
    assert.match(cardText(card), /Hot spot: Stora torget/);
    await h.bot.sharedCardsIdle();
    const before = puts().length;
    assert.ok(puts().some((p) => p.path.endsWith('/activities/hs-1')));

    await h.say('hotspot torget klotter på busskuren');
    await until(() => puts().length > before);
    await h.bot.sharedCardsIdle();
    const refreshed = puts().slice(before).filter((p) => p.path.endsWith('/activities/hs-1'));
    assert.equal(refreshed.length, 1);
    assert.equal(refreshed[0]!.conversationId, THREAD);
    assert.match(cardText(putCard(refreshed[0]!)), /Hot spot: Stora torget/);
  });

  it('When a hot spot\'s follow-up reminder is posted, then its remembered shared card is PUT showing the follow-up is due', async () => {
    await press('submitIncident', incident('Stora torget'), 'form-1');
    await h.say('organisation polisen', { from: SAMORDNARE }, [ANNA]);
    const placeId = (await h.bot.store.places.findOrCreate({ tenantId: TENANT }, 'Stora torget', h.clock.now())).id;
    const started = await press('hotspotStart', { placeId }, 'hs-1');
    const followForm = await press('hotspotOpenFollowUp', button(started, 'hotspotOpenFollowUp').data, 'hs-1');
    const planned = await press('hotspotSetFollowUp', { ...button(followForm, 'hotspotSetFollowUp').data, followUpDate: '2026-12-23' }, 'hs-1');
    assert.doesNotMatch(cardText(planned), /dags för uppföljning/);
    await h.bot.sharedCardsIdle();
    const before = h.connector.received.length;

    await h.bot.housekeeping.run('hotspot-reminders', new Date('2026-12-23T08:00:00Z'));
    await h.bot.sharedCardsIdle();
    const after = h.connector.received.slice(before);
    const reminder = after.findIndex((r) => r.method === 'POST' && /följa upp hot spoten Stora torget/.test(JSON.stringify(r.body)));
    const put = after.findIndex((r) => r.method === 'PUT' && r.path.endsWith('/activities/hs-1'));
    assert.ok(reminder >= 0, 'the reminder was posted');
    assert.ok(put > reminder, 'then the hot spot\'s card was updated');
    assert.equal(after.filter((r) => r.method === 'PUT').length, 1);
    assert.match(cardText(putCard(after[put]!)), /23 dec\.? 2026 – dags för uppföljning, påminnelse skickad/);

    await h.bot.housekeeping.run('hotspot-reminders', new Date('2026-12-23T09:00:00Z'));
    await h.bot.sharedCardsIdle();
    assert.equal(h.connector.received.length, before + after.length, 'no second reminder, nothing to update');
  });

  it('When a typed quick report is answered with its card, then a later change made on another message updates that card too', async () => {
    await press('submitIncident', incident('Stora torget'), 'form-1');
    await h.say('organisation polisen', { from: SAMORDNARE }, [ANNA]);
    h.connector.responder = (r) => ({ status: 201, body: { id: r.method === 'POST' ? 'quick-1' : 'put-ok' } });
    const [reply] = await h.say('hotspot torget klotter på busskuren');
    assert.match(cardText(reply), /H-2026-0002/);
    const quick = button(reply!.attachments[0].content, 'openEdit').data;
    await h.bot.sharedCardsIdle();
    const before = puts().length;

    const full = await press('showReport', { kind: 'incident', id: quick.id }, 'elsewhere-1');
    await press('setStatus', button(full, 'setStatus').data, 'elsewhere-1', { from: SAMORDNARE });
    await until(() => puts().slice(before).some((p) => p.path.endsWith('/activities/quick-1')));
    await h.bot.sharedCardsIdle();
    const onQuick = puts().slice(before).filter((p) => p.path.endsWith('/activities/quick-1'));
    assert.equal(onQuick.length, 1, 'the quick report\'s own message shows the change');
    assert.match(cardText(putCard(onQuick[0]!)), /Hanteras|hanteras/);
  });
});

import assert from 'node:assert/strict';
import { assertValidCard } from '../support/adaptive-card-check';
import { BotHarness, cardText } from '../support/bot-harness';
import { button } from '../support/card-buttons';
import { ANNA, botAdded, CHANNEL, chatIdOf, TENANT } from '../support/teams-activities';

describe('housekeeping jobs through the real server', () => {
  let h: BotHarness;
  beforeEach(async () => { h = await new BotHarness().start(); });
  afterEach(async () => { await h.stop(); });

  it('When a hot spot’s follow-up day comes, then at 08:00 (not at midnight) the channel gets one small card that @mentions the owner and opens the hot spot', async () => {
    await h.post(botAdded(h.where()));
    await h.press('submitIncident', { date: '2026-11-24', newPlace: 'Stora torget', category: 'ordningsstorning', description: 'Stök', organisation: 'polisen' });
    const store = h.bot.store;
    const chat = { tenantId: TENANT, conversationId: CHANNEL };
    const place = await store.places.findOrCreate(chat, 'Stora torget', h.clock.now());
    const anna = { userId: ANNA.aadObjectId, name: ANNA.name };
    const created = await store.hotspots.create({ placeId: place.id, ownerOrganisation: 'polisen', owner: anna, createdBy: anna, origin: chat, now: h.clock.now() });
    assert.ok(created.ok);
    await store.hotspots.update(chat, { id: created.hotspot.id, expectedVersion: created.hotspot.version, actorId: anna.userId, now: h.clock.now(), followUpDate: '2026-11-26' });
    h.connector.clear();
    const posted = () => h.connector.received.filter((r) => r.body.type === 'message');

    await h.bot.housekeeping.run('hotspot-reminders', new Date('2026-11-25T10:00:00Z'));
    assert.equal(posted().length, 0, 'not before the day');
    await h.bot.housekeeping.run('hotspot-reminders', new Date('2026-11-25T23:00:00Z'));
    assert.equal(posted().length, 0, 'not at midnight in Stockholm');
    await h.bot.housekeeping.run('hotspot-reminders', new Date('2026-11-26T06:45:00Z'));
    assert.equal(posted().length, 0, 'not at 07:45 in Stockholm');

    // A second instance on the same database claims the same run at the same moment.
    const other = new BotHarness();
    other.databaseUrl = h.databaseUrl;
    await other.start();
    try {
      const eight = new Date('2026-11-26T07:00:00Z');
      await Promise.all([h.bot.housekeeping.run('hotspot-reminders', eight), other.bot.housekeeping.run('hotspot-reminders', eight)]);
      await h.bot.housekeeping.run('hotspot-reminders', new Date('2026-11-26T07:15:00Z'));
    } finally {
      await other.stop();
    }
    assert.equal(posted().length, 1, 'exactly one reminder, whichever instance claimed it');
    const reminder = posted()[0]!;
    assert.equal(reminder.conversationId, CHANNEL);
    const card = reminder.body.attachments[0].content;
    assertValidCard(card);
    assert.match(cardText(card), /<at>Anna Andersson<\/at>: dags att följa upp hot spoten Stora torget \(uppföljning 26 nov\.? 2026\)/);
    assert.doesNotMatch(cardText(card), /2026-11-26/, 'no ISO dates to users');
    assert.deepEqual(card.msteams.entities, [{ type: 'mention', text: '<at>Anna Andersson</at>', mentioned: { id: chatIdOf(ANNA), name: ANNA.name } }]);

    const show = button(card, 'hotspotShow');
    assert.equal(show.title, 'Visa hot spot');
    const hotspotCard = await h.press('hotspotShow', show.data);
    assert.match(cardText(hotspotCard), /Hot spot: Stora torget/);
    assert.match(cardText(hotspotCard), /Nästa uppföljning","value":"26 nov\.? 2026/);
  });

  it('When the retention job runs, then reports older than RETENTION_MONTHS lose their text', async () => {
    await h.press('submitIncident', { date: '2026-11-24', newPlace: 'Parken', category: 'brand', description: 'Brand i papperskorg', organisation: 'raddningstjanst' });
    await h.bot.housekeeping.run('retention', new Date('2030-01-01T02:15:00Z'));
    const chat = { tenantId: TENANT, conversationId: CHANNEL };
    const [latest] = await h.bot.store.reports.latest(chat, 1);
    assert.equal((await h.bot.store.incidents.get(chat, latest!.id))?.description, '[borttagen enligt gallringsregel]');
  });

  it('When the retention job runs with DOCUMENT_RETENTION_YEARS=2, then a lägesbild analysis goes once two full years have passed since its year, and the log says how many', async () => {
    await h.stop();
    h = await new BotHarness().start({ DOCUMENT_RETENTION_YEARS: '2' });
    const chat = { tenantId: TENANT, conversationId: CHANNEL };
    for (const year of [2027, 2028]) {
      await h.bot.store.lawAnalyses.save(chat, { year, text: `Analys ${year}`, updatedBy: ANNA.aadObjectId, updatedAt: h.clock.now() });
    }
    await h.bot.housekeeping.run('retention', new Date('2030-01-01T02:15:00Z'));
    assert.equal(await h.bot.store.lawAnalyses.get(chat, 2027), null, 'two full years (2028, 2029) have passed since 2027');
    assert.equal((await h.bot.store.lawAnalyses.get(chat, 2028))?.text, 'Analys 2028');
    const [row] = (await h.bot.store.audit.latest(chat, 10)).filter((a) => a.action === 'records.removed');
    assert.equal(row?.detail, 'analyses=1');
  });
});

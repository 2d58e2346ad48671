import assert from 'node:assert/strict';
import { BotHarness } from '../support/bot-harness';
import { ANNA, botAdded, CHANNEL, chatIdOf, TENANT } from '../support/teams-activities';

describe('housekeeping jobs through the real server', () => {
  let h: BotHarness;
  beforeEach(async () => { h = await new BotHarness().start(); });
  afterEach(async () => { await h.stop(); });

  it('When a hot spot’s follow-up day comes, then the channel gets one reminder that @mentions the owner', async () => {
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

    await h.bot.housekeeping.run('hotspot-reminders', new Date('2026-11-25T10:00:00Z'));
    assert.equal(h.connector.messages().length, 0, 'not before the day');
    await h.bot.housekeeping.run('hotspot-reminders', new Date('2026-11-26T06:00:00Z'));
    await h.bot.housekeeping.run('hotspot-reminders', new Date('2026-11-26T06:15:00Z'));
    const posted = h.connector.received.filter((r) => r.body.type === 'message');
    assert.equal(posted.length, 1, 'exactly one reminder');
    assert.equal(posted[0]!.conversationId, CHANNEL);
    assert.match(posted[0]!.body.text, /<at>Anna Andersson<\/at>: dags att följa upp hot spoten Stora torget \(uppföljning 2026-11-26\)/);
    assert.deepEqual(posted[0]!.body.entities, [{ type: 'mention', text: '<at>Anna Andersson</at>', mentioned: { id: chatIdOf(ANNA), name: ANNA.name } }]);
  });

  it('When the retention job runs, then reports older than RETENTION_MONTHS lose their text', async () => {
    await h.press('submitIncident', { date: '2026-11-24', newPlace: 'Parken', category: 'brand', description: 'Brand i papperskorg', organisation: 'raddningstjanst' });
    await h.bot.housekeeping.run('retention', new Date('2030-01-01T02:15:00Z'));
    const chat = { tenantId: TENANT, conversationId: CHANNEL };
    const [latest] = await h.bot.store.reports.latest(chat, 1);
    assert.equal((await h.bot.store.incidents.get(chat, latest!.id))?.description, '[borttagen enligt gallringsregel]');
  });
});

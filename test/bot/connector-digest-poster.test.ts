import assert from 'node:assert/strict';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { ConnectorDigestPoster, retryAfterMs } from '../../src/bot/connector-digest-poster';
import * as lagesbildCards from '../../src/cards/lagesbild-cards';
import { LagesbildService } from '../../src/domain/lagesbild/lagesbild-service';
import type { Store } from '../../src/domain/ports/store.port';
import { previousWeek } from '../../src/domain/periods';
import { createStore } from '../../src/store/create-store';
import { FakeBotConnector } from '../fakes/fake-bot-connector';
import { conversationRecord } from '../store/store-fixtures';
import { CHAT, CONVERSATION, StepClock, digestRig, subscribedStore } from '../lagesbild/digest-fixtures';

// Proactive posting over HTTP to a fake Bot Connector, in local mode (no app id), as the bot runs
// against the Agents Playground.

describe('proactive digest posting through the Bot Connector', () => {
  const connector = new FakeBotConnector();
  let store: Store;
  const clock = new StepClock(new Date('2026-11-30T06:30:00Z'));
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const serviceUrls = { authEnabled: false, extraServiceUrls: [] };
  const poster = new ConnectorDigestPoster({ adapter, appId: '', serviceUrls, render: (l, locale) => lagesbildCards.lagesbild(locale, l) });

  before(async () => { await connector.start(); });
  after(async () => { await connector.stop(); });
  beforeEach(async () => {
    connector.clear();
    connector.responder = () => ({ status: 201, body: { id: 'posted-1' } });
    store = await subscribedStore(await createStore('sqlite::memory:'));
    // The stored reference points at the fake connector and, like a real one, names the message it came from.
    const record = conversationRecord({ conversationId: CONVERSATION, serviceUrl: connector.url });
    await store.conversations.save({ ...record, reference: { ...(record.reference as object), serviceUrl: connector.url, channelId: 'msteams', activityId: 'old-message' } });
  });
  afterEach(async () => { await store.close(); });

  const digest = () => new LagesbildService(store.lagesbild, clock).build(CHAT, previousWeek(clock.now()));

  it('posts a new message (not a reply) with the card into the stored conversation', async () => {
    const conversation = (await store.conversations.get(CHAT))!;
    assert.deepEqual(await poster.post(conversation, await digest(), 'sv'), { ok: true });
    assert.equal(connector.received.length, 1);
    const [request] = connector.received;
    assert.equal(request!.path, `/v3/conversations/${encodeURIComponent(CONVERSATION)}/activities`);
    assert.equal(request!.authorization, undefined, 'local mode sends no token');
    assert.equal(request!.body.attachments[0].contentType, 'application/vnd.microsoft.card.adaptive');
    assert.equal(request!.body.replyToId, undefined);
  });

  it('When a stored reference names a service URL the bot does not talk to, then nothing is sent there and the post is refused like a 403', async () => {
    const conversation = (await store.conversations.get(CHAT))!;
    const elsewhere = { ...conversation, reference: { ...(conversation.reference as object), serviceUrl: 'http://10.0.0.7:8080/internal/' } };
    assert.deepEqual(await poster.post(elsewhere, await digest(), 'sv'), { ok: false, status: 403, retryAfterMs: null });
    assert.equal(connector.received.length, 0);
    const withAuth = new ConnectorDigestPoster({
      adapter, appId: '', serviceUrls: { authEnabled: true, extraServiceUrls: [] }, render: (l, locale) => lagesbildCards.lagesbild(locale, l),
    });
    assert.deepEqual(await withAuth.post(conversation, await digest(), 'sv'), { ok: false, status: 403, retryAfterMs: null }, 'with an app id, a loopback connector is not a Teams host');
    assert.equal(connector.received.length, 0);
  });

  it('reports 429 with its Retry-After, 500 and 403 after one request each (the SDK\'s own retries are bypassed)', async () => {
    const conversation = (await store.conversations.get(CHAT))!;
    const answers: [number, Record<string, string>, unknown][] = [
      [429, { 'Retry-After': '3' }, { ok: false, status: 429, retryAfterMs: 3000 }],
      [500, {}, { ok: false, status: 500, retryAfterMs: null }],
      [403, {}, { ok: false, status: 403, retryAfterMs: null }],
    ];
    for (const [status, headers, expected] of answers) {
      connector.clear();
      connector.responder = () => ({ status, headers, body: { error: { code: 'x', message: 'no' } } });
      assert.deepEqual(await poster.post(conversation, await digest(), 'sv'), expected);
      assert.equal(connector.received.length, 1, `one request for ${status}`);
    }
  });

  it('through the scheduler: a 429 is retried after Retry-After and the digest arrives; a 403 pauses the subscription', async () => {
    let calls = 0;
    connector.responder = () => (++calls === 1 ? { status: 429, headers: { 'Retry-After': '2' } } : { status: 201, body: { id: 'ok' } });
    const rig = digestRig(store, clock, poster);
    const [result] = await rig.digests.runDue(clock.now());
    assert.equal(result!.status, 'posted');
    assert.equal(connector.messages().length, 2);
    assert.ok(rig.waits.includes(2000));

    connector.responder = () => ({ status: 403 });
    clock.current = new Date('2026-12-07T06:30:00Z');
    const [removed] = await digestRig(store, clock, poster).digests.runDue(clock.now());
    assert.equal(removed!.status, 'paused');
    assert.match((await store.digestSubscriptions.get(CHAT))!.pausedReason!, /403/);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    assert.equal(retryAfterMs('120'), 120_000);
    assert.equal(retryAfterMs('Wed, 25 Nov 2026 10:00:30 GMT', Date.parse('2026-11-25T10:00:00Z')), 30_000);
    assert.equal(retryAfterMs('soon'), null);
    assert.equal(retryAfterMs(null), null);
  });
});

import assert from 'node:assert/strict';
import type { TurnContext } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity } from 'botframework-connector';
import { serviceUrlIsTrusted } from '../../src/bot/service-url-guard';
import { InstallHandler } from '../../src/conversation/install-handler';
import { createStore } from '../../src/store/create-store';
import type { Store } from '../../src/domain/ports/store.port';
import { createLogger } from '../../src/logging/logger';
import { FakeBotConnector } from '../fakes/fake-bot-connector';
import { conversationRecord } from '../store/store-fixtures';
import { BotHarness, cardOf, cardText } from '../support/bot-harness';
import { ANNA, botAdded, cardAction, CHANNEL, channelMessage, TENANT } from '../support/teams-activities';

// Where a conversation is reached later (scheduled lägesbild digests, hot spot reminders) is the service
// URL stored with it. Without an app id nobody vouches for a caller: local mode talks to connectors on this
// machine only, and only those may change a stored reference.

/** Never resolves (RFC 2606), so that a bot that does post there fails at once, without traffic. */
const ELSEWHERE = 'https://attacker.invalid/';
const CHAT = { tenantId: TENANT, conversationId: CHANNEL };

describe('conversation references in local mode (no app id)', () => {
  let h: BotHarness;
  beforeEach(async () => { h = await new BotHarness().start({ SCHEDULER_CRON: 'off', COORDINATORS: `${TENANT}/${ANNA.aadObjectId}` }); });
  afterEach(async () => { await h.stop(); });

  it('When a message carries the channel\'s id with another service URL, then it is refused and the scheduled lägesbild still reaches the channel', async () => {
    h.clock.current = new Date('2026-11-25T10:00:00Z');
    await h.say('prenumerera');
    assert.equal((await h.bot.store.conversations.get(CHAT))?.serviceUrl, h.connector.url);

    const res = await h.post(channelMessage('hjälp', { serviceUrl: ELSEWHERE }));
    assert.equal(res.status, 403);
    assert.deepEqual(await res.json(), { error: 'service_url_not_allowed' });
    assert.equal((await h.bot.store.conversations.get(CHAT))?.serviceUrl, h.connector.url, 'the stored reference is unchanged');

    h.connector.clear();
    h.clock.current = new Date('2026-11-30T06:30:00Z'); // Monday 07:30 in Stockholm
    await h.bot.digests.tick(h.clock.now());
    const posted = h.connector.messages();
    assert.equal(posted.length, 1, 'the digest went to the channel\'s own connector');
    assert.match(cardText(cardOf(posted[0]!)), /Lokal lägesbild/);
  });

  it('When a Teams connector URL arrives without a token, then it is refused: in local mode nobody vouches for it', async () => {
    await h.say('hjälp');
    const res = await h.post(channelMessage('hjälp', { serviceUrl: 'https://smba.trafficmanager.net/emea/' }));
    assert.equal(res.status, 403);
    assert.equal((await h.bot.store.conversations.get(CHAT))?.serviceUrl, h.connector.url);
  });

  it('When the bot is "added" with a service URL off this machine, then nothing is stored and nothing is posted', async () => {
    const res = await h.post(botAdded({ serviceUrl: ELSEWHERE }));
    assert.equal(res.status, 403);
    assert.equal(await h.bot.store.conversations.get(CHAT), null);
    assert.equal(h.connector.received.length, 0);
  });

  it('When a card is submitted with a service URL off this machine, then it is refused and no report is stored', async () => {
    const res = await h.post(cardAction('submitIncident', {
      date: '2026-11-24', newPlace: 'Parken', category: 'brand', description: 'Brand i papperskorg', organisation: 'raddningstjanst',
    }, { serviceUrl: ELSEWHERE }));
    assert.equal(res.status, 403);
    assert.equal((await h.bot.store.reports.latest(CHAT, 10)).length, 0);
  });

  for (const trick of ['http://127.0.0.1.attacker.invalid/', 'http://localhost@attacker.invalid/', 'http://attacker.invalid\\@127.0.0.1/', 'HTTP://LOCALHOST:1/', 'http://0.0.0.0:1/', 'file:///etc/passwd']) {
    it(`When the service URL only looks local (${trick}), then it is refused`, async () => {
      const res = await h.post(channelMessage('hjälp', { serviceUrl: trick }));
      assert.equal(res.status, 403);
      assert.equal(await h.bot.store.conversations.get(CHAT), null);
    });
  }

  it('When another connector on this machine (another Playground) writes in the channel, then that one is remembered: local mode trusts loopback', async () => {
    await h.say('hjälp');
    const other = new FakeBotConnector();
    await other.start();
    try {
      const res = await h.post(channelMessage('hjälp', { serviceUrl: other.url }));
      assert.equal(res.status, 200);
      assert.equal((await h.bot.store.conversations.get(CHAT))?.serviceUrl, other.url);
      assert.equal(other.messages().length, 1, 'the reply goes to the connector that asked');
    } finally {
      await other.stop();
    }
  });
});

describe('which turns may change a stored conversation reference', () => {
  const KEY = Symbol('BotIdentity');
  /** A turn as CloudAdapter hands it over: the activity, and the identity the token proved (or none). */
  const turn = (serviceUrl: string, identity: ClaimsIdentity): TurnContext => ({
    activity: { serviceUrl },
    adapter: { BotIdentityKey: KEY },
    turnState: new Map<unknown, unknown>([[KEY, identity]]),
  }) as unknown as TurnContext;
  const token = (claims: Record<string, string>) => new ClaimsIdentity(Object.entries(claims).map(([type, value]) => ({ type, value })), true);
  const anonymous = () => new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType);
  const TEAMS = 'https://smba.trafficmanager.net/emea/';

  it('With a token: only the service URL the token vouches for', () => {
    assert.equal(serviceUrlIsTrusted(turn(TEAMS, token({ aud: 'app', serviceurl: TEAMS }))), true);
    assert.equal(serviceUrlIsTrusted(turn(TEAMS, token({ aud: 'app', serviceurl: 'https://smba.trafficmanager.net/amer/' }))), false);
    assert.equal(serviceUrlIsTrusted(turn(TEAMS, token({ aud: 'app' }))), false, 'a token without a serviceurl claim vouches for nothing');
    assert.equal(serviceUrlIsTrusted(turn('http://127.0.0.1:3978/', token({ aud: 'app' }))), false, 'loopback is no excuse once tokens are checked');
  });

  it('Without a token (local mode): only a connector on this machine', () => {
    for (const local of ['http://127.0.0.1:56150/', 'http://localhost:56150/_connector', 'http://[::1]:9/']) {
      assert.equal(serviceUrlIsTrusted(turn(local, anonymous())), true, local);
    }
    for (const remote of [TEAMS, ELSEWHERE, 'http://10.0.0.5/', '']) {
      assert.equal(serviceUrlIsTrusted(turn(remote, anonymous())), false, remote);
    }
  });

  describe('InstallHandler', () => {
    let store: Store;
    beforeEach(async () => { store = await createStore('sqlite::memory:', { logger: createLogger('silent') }); });
    afterEach(async () => { await store.close(); });

    it('An untrusted record neither creates nor replaces a conversation; a trusted one does both', async () => {
      const installs = new InstallHandler(store.conversations);
      const original = conversationRecord({ serviceUrl: 'https://smba.trafficmanager.net/emea/' });
      await installs.remember(original, { serviceUrlTrusted: false });
      assert.equal(await store.conversations.get(original), null);

      await installs.remember(original, { serviceUrlTrusted: true });
      await installs.remember({ ...original, serviceUrl: ELSEWHERE, reference: { serviceUrl: ELSEWHERE } }, { serviceUrlTrusted: false });
      assert.equal((await store.conversations.get(original))?.serviceUrl, original.serviceUrl);

      await installs.remember({ ...original, serviceUrl: 'https://smba.trafficmanager.net/amer/' }, { serviceUrlTrusted: true });
      assert.equal((await store.conversations.get(original))?.serviceUrl, 'https://smba.trafficmanager.net/amer/');
    });
  });
});

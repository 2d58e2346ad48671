import assert from 'node:assert/strict';
import type { ConnectorClient, ConnectorFactory } from 'botframework-connector';
import { ReusedConnectorClients, REUSED_CLIENTS_MAX } from '../../src/bot/reused-connector-clients';
import { FakeBotConnector } from '../fakes/fake-bot-connector';
import { BotHarness } from '../support/bot-harness';

/** A factory that counts what it made; each client is a distinct object naming its URL. */
function countingFactory(fail = false) {
  const made: string[] = [];
  const factory = {
    create: async (serviceUrl: string, audience?: string) => {
      made.push(`${serviceUrl} ${audience ?? ''}`);
      if (fail) throw new Error('no credentials');
      return { serviceUrl, audience } as unknown as ConnectorClient;
    },
  } as ConnectorFactory;
  return { factory, made };
}

describe('Connector clients made once and reused', () => {
  it('When turns of the same app reply to the same service URL, then one client serves them all', async () => {
    const clients = new ReusedConnectorClients();
    const { factory, made } = countingFactory();
    const first = await clients.factory(factory, 'app').create('https://smba.example/emea/', 'scope');
    const again = await clients.factory(factory, 'app').create('https://smba.example/emea/', 'scope');
    assert.equal(again, first);
    assert.equal(made.length, 1);
  });

  it('When the service URL, audience or app differs, then each gets a client of its own', async () => {
    const clients = new ReusedConnectorClients();
    const { factory, made } = countingFactory();
    const emea = await clients.factory(factory, 'app').create('https://smba.example/emea/', 'scope');
    const amer = await clients.factory(factory, 'app').create('https://smba.example/amer/', 'scope');
    const other = await clients.factory(factory, 'app').create('https://smba.example/emea/', 'other-scope');
    const otherApp = await clients.factory(factory, 'app-2').create('https://smba.example/emea/', 'scope');
    assert.equal(new Set([emea, amer, other, otherApp]).size, 4);
    assert.deepEqual((amer as unknown as { serviceUrl: string }).serviceUrl, 'https://smba.example/amer/');
    assert.equal(made.length, 4);
  });

  it('When a client cannot be made, then the next turn tries again instead of reusing the failure', async () => {
    const clients = new ReusedConnectorClients();
    const broken = countingFactory(true);
    await assert.rejects(clients.factory(broken.factory, 'app').create('https://smba.example/emea/'), /no credentials/);
    await new Promise((resolve) => setImmediate(resolve));
    const working = countingFactory();
    const client = await clients.factory(working.factory, 'app').create('https://smba.example/emea/');
    assert.ok(client);
    assert.equal(working.made.length, 1);
  });

  it('When more service URLs come than it keeps, then it keeps only the most recent ones', async () => {
    const clients = new ReusedConnectorClients();
    const { factory, made } = countingFactory();
    for (let i = 0; i <= REUSED_CLIENTS_MAX; i++) await clients.factory(factory, 'app').create(`https://smba.example/${i}/`);
    await clients.factory(factory, 'app').create('https://smba.example/0/');
    assert.equal(made.length, REUSED_CLIENTS_MAX + 2, 'the oldest was let go and made again');
  });
});

describe('Replies through reused clients reach the right connector', () => {
  const h = new BotHarness();
  const second = new FakeBotConnector();
  before(async () => { await h.start(); await second.start(); });
  after(async () => { await h.stop(); await second.stop(); });

  it('When conversations of two service URLs take turns, then each reply goes to the connector its activity came from', async () => {
    const before = h.connector.messages().length;
    const [swedish] = await h.say('hjälp');
    await h.say('hjälp', { serviceUrl: second.url });
    const [english] = await h.say('help', { locale: 'en-US' });
    await h.say('help', { serviceUrl: second.url, locale: 'en-US' });
    assert.equal(h.connector.messages().length - before, 2, 'the first connector got its two replies and no more');
    const toSecond = second.messages();
    assert.equal(toSecond.length, 2, 'both replies of the second service URL reached it');
    const content = (m: Record<string, any> | undefined) => JSON.stringify([m?.text, m?.attachments]);
    assert.equal(content(toSecond[0]), content(swedish));
    assert.equal(content(toSecond[1]), content(english));
    assert.notEqual(content(swedish), content(english));
  });
});

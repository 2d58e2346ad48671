import assert from 'node:assert/strict';
import { FakeOpenIdIssuer } from '../fakes/fake-openid-issuer';
import { BotHarness, cardText } from '../support/bot-harness';
import { cardAction, CHANNEL, TENANT } from '../support/teams-activities';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const CHAT = { tenantId: TENANT, conversationId: CHANNEL };
const incident = { date: '2026-11-24', newPlace: 'Parken', category: 'brand', description: 'Brand i papperskorg', organisation: 'raddningstjanst' };

/** A multi-tenant bot with an app id whose channel tokens come from the loopback issuer. */
const authenticated = (issuer: FakeOpenIdIssuer) => ({
  MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-secret', MicrosoftAppType: 'MultiTenant', BOT_OPENID_METADATA_URL: issuer.metadataUrl, ALLOWED_TENANTS: TENANT,
});

describe('Bot Framework authentication with an app id', () => {
  const issuer = new FakeOpenIdIssuer();
  let h: BotHarness;

  before(async () => { await issuer.start(); });
  after(async () => { await issuer.stop(); });
  beforeEach(async () => {
    // A multi-tenant bot with an app id must name the tenants it serves; the fake connector is not a Teams
    // host, so it is accepted only because configuration names it.
    h = new BotHarness();
    const connectorUrl = await h.connector.start();
    await h.start({ ...authenticated(issuer), BOT_EXTRA_SERVICE_URLS: connectorUrl });
  });
  afterEach(async () => { await h.stop(); });

  const submit = (authorization?: string) => h.post(cardAction('submitIncident', incident, h.where()), authorization ? { authorization } : {});
  const stored = async () => (await h.bot.store.reports.latest(CHAT, 10)).length;
  const valid = () => issuer.token({ aud: APP_ID, serviceurl: h.connector.url });

  it('When the token is valid, then the card action is answered and the report stored', async () => {
    const res = await submit(`Bearer ${valid()}`);
    assert.equal(res.status, 200);
    assert.match(cardText(await res.json()), /Händelse H-2026-0001/);
    assert.equal(await stored(), 1);
  });

  const rejected: [string, () => string | undefined][] = [
    ['missing', () => undefined],
    ['expired', () => `Bearer ${issuer.token({ aud: APP_ID, serviceurl: h.connector.url, nbf: 1, iat: 1, exp: 100 })}`],
    ['signed by an unknown key', () => `Bearer ${issuer.token({ aud: APP_ID, serviceurl: h.connector.url }, FakeOpenIdIssuer.strangerKey())}`],
    ['for another bot (wrong audience)', () => `Bearer ${issuer.token({ aud: '11111111-2222-3333-4444-555555555555', serviceurl: h.connector.url })}`],
    ['from another issuer', () => `Bearer ${issuer.token({ aud: APP_ID, serviceurl: h.connector.url, iss: 'https://evil.example' })}`],
    ['for another service URL', () => `Bearer ${issuer.token({ aud: APP_ID, serviceurl: 'https://elsewhere.example/' })}`],
    ['not a JWT', () => 'Bearer not-a-token'],
    ['without a serviceurl claim', () => `Bearer ${issuer.token({ aud: APP_ID })}`],
  ];
  for (const [why, header] of rejected) {
    it(`When the token is ${why}, then the answer is 401 and nothing is stored`, async () => {
      const res = await submit(header());
      assert.equal(res.status, 401);
      assert.deepEqual(await res.json(), { error: 'unauthorized' }, 'a JSON answer without the SDK’s error message');
      assert.equal(await stored(), 0);
      assert.equal(h.connector.received.length, 0);
    });
  }
});

describe('allowed tenants', () => {
  let h: BotHarness;
  afterEach(async () => { await h.stop(); });

  it('When ALLOWED_TENANTS names another tenant, then activities are refused and nothing is stored', async () => {
    h = await new BotHarness().start({ ALLOWED_TENANTS: '9d2f1b2a-0000-4000-8000-000000000001' });
    const res = await h.post(cardAction('submitIncident', incident, h.where()));
    assert.equal(res.status, 403);
    const message = await h.say('rapportera');
    assert.deepEqual(message, []);
    assert.equal((await h.bot.store.reports.latest(CHAT, 10)).length, 0);
    assert.equal(await h.bot.store.conversations.get(CHAT), null);
  });

  it('When ALLOWED_TENANTS names this tenant, then it works as usual', async () => {
    h = await new BotHarness().start({ ALLOWED_TENANTS: `9d2f1b2a-0000-4000-8000-000000000001, ${TENANT.toUpperCase()}` });
    assert.match(cardText(await h.press('submitIncident', incident)), /Sparad/);
  });
});

describe('service URLs with an app id: the token vouches for it, and it is a Teams host', () => {
  const issuer = new FakeOpenIdIssuer();
  let h: BotHarness;

  before(async () => { await issuer.start(); });
  after(async () => { await issuer.stop(); });
  afterEach(async () => { await h.stop(); });

  const stored = async () => (await h.bot.store.reports.latest(CHAT, 10)).length;
  const submitVia = (serviceUrl: string, claims: Record<string, unknown>) =>
    h.post(cardAction('submitIncident', incident, { serviceUrl }), { authorization: `Bearer ${issuer.token({ aud: APP_ID, ...claims })}` });

  it('When a valid token vouches for a connector that is neither a Teams host nor configured, then the answer is 403 and nothing is stored', async () => {
    h = await new BotHarness().start(authenticated(issuer));
    const res = await submitVia(h.connector.url, { serviceurl: h.connector.url });
    assert.equal(res.status, 403);
    assert.deepEqual(await res.json(), { error: 'service_url_not_allowed' });
    assert.equal(await stored(), 0);
    assert.equal(h.connector.received.length, 0);
  });

  it('When the activity has no serviceUrl and the token no serviceurl claim, then the answer is 401 (botbuilder skips its check then)', async () => {
    h = await new BotHarness().start(authenticated(issuer));
    const res = await submitVia('', {});
    assert.equal(res.status, 401);
    assert.equal(await stored(), 0);
  });

  for (const serviceUrl of ['https://smba.trafficmanager.net/emea/', 'https://smba.infra.gcc.teams.microsoft.com/teams/', 'https://smba.infra.gov.teams.microsoft.us/teams/', 'https://smba.infra.dod.teams.microsoft.us/teams/']) {
    it(`When the token vouches for the Teams connector ${new URL(serviceUrl).host}, then the card action is answered without any setting`, async () => {
      h = await new BotHarness().start(authenticated(issuer));
      const res = await submitVia(serviceUrl, { serviceurl: serviceUrl });
      assert.equal(res.status, 200);
      assert.match(cardText(await res.json()), /Händelse H-2026-0001/);
    });
  }

  it('When the activity names a Teams host but the token vouches for another URL, then the answer is 401', async () => {
    h = await new BotHarness().start(authenticated(issuer));
    const res = await submitVia('https://smba.trafficmanager.net/emea/', { serviceurl: 'https://smba.trafficmanager.net/amer/' });
    assert.equal(res.status, 401);
    assert.equal(await stored(), 0);
  });

  for (const lookalike of ['http://smba.trafficmanager.net/emea/', 'https://smba.trafficmanager.net.evil.example/', 'https://smba.trafficmanager.net:8443/', 'https://evil.example/smba.trafficmanager.net/']) {
    it(`When a valid token vouches for the look-alike ${lookalike}, then the answer is 403`, async () => {
      h = await new BotHarness().start(authenticated(issuer));
      const res = await submitVia(lookalike, { serviceurl: lookalike });
      assert.equal(res.status, 403);
      assert.equal(await stored(), 0);
    });
  }
});

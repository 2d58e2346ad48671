import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { composeTab } from '../../src/compose-tab';
import { loadConfig } from '../../src/config/config';
import type { Store } from '../../src/domain/ports/store.port';
import { createLogger } from '../../src/logging/logger';
import { createStore } from '../../src/store/create-store';
import { CHANNEL, OTHER_CHANNEL, OTHER_TENANT, OTHER_TENANT_CHANNEL, seedTown, TAB_NOW, TAB_TENANT, UNREGISTERED_SCHOOL, type SeededTown } from '../support/tab-seed';

// The tab's API with single sign-on as Teams gives it: tokens signed by a key of a JWKS served on
// loopback (made here with jose), a real SQLite file, and the Teams roster's answers as the only stand-in.

const APP_ID = '3b1a6c55-5d0f-4b8e-9c3a-0d6f7b8e9a10';
const HOST = 'lagesbild.example.se';
const MEMBER = 'aaaaaaaa-0000-4000-8000-000000000001';
const STRANGER = 'aaaaaaaa-0000-4000-8000-000000000002';
const OTHER_TENANT_MEMBER = 'aaaaaaaa-0000-4000-8000-000000000003';
const PERIOD = 'from=2026-01-22&to=2026-03-18';

describe('the lägesbild tab API (single sign-on, scoped to tenant and conversation)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tab-api-'));
  let store: Store;
  let town: SeededTown;
  let jwks: Server;
  let api: Server;
  let base = '';
  let key: CryptoKey;
  const roster = new Set([
    `${TAB_TENANT}|${CHANNEL}|${MEMBER}`, `${OTHER_TENANT}|${OTHER_TENANT_CHANNEL}|${OTHER_TENANT_MEMBER}`,
    // The roster of another tenant's channel names the same object id: the tab still never offers it to a caller of this tenant.
    `${OTHER_TENANT}|${OTHER_TENANT_CHANNEL}|${MEMBER}`,
  ]);

  before(async () => {
    store = await createStore(`sqlite:${join(dir, 'tab.db')}`);
    town = await seedTown(store);
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'tab-key', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    jwks.listen(0, '127.0.0.1');
    await once(jwks, 'listening');
    const config = loadConfig({
      MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: TAB_TENANT,
      ALLOWED_TENANTS: `${TAB_TENANT},${OTHER_TENANT}`, PUBLIC_BASE_URL: `https://${HOST}`,
      TAB_SSO_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys`,
    });
    const app = express();
    const routes = composeTab({
      config, store, clock: { now: () => TAB_NOW }, log: createLogger('silent'), adapter: () => { throw new Error('no connector in this test'); },
      members: { isMember: async (c, userId) => roster.has(`${c.tenantId}|${c.conversationId}|${userId}`) },
    });
    for (const { path, router } of routes) app.use(path, router);
    api = app.listen(0, '127.0.0.1');
    await once(api, 'listening');
    base = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  });

  after(async () => {
    api?.close();
    jwks?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A token as Teams' getAuthToken() hands it out; `claims` make it wrong in one way. */
  const token = (claims: JWTPayload & { tid?: string; oid?: string } = {}, signWith = key, expiresIn: string | number = '1h') => {
    const tid = claims.tid ?? TAB_TENANT;
    return new SignJWT({ tid, oid: MEMBER, ver: '2.0', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'tab-key', typ: 'JWT' })
      .setIssuer(typeof claims.iss === 'string' ? claims.iss : `https://login.microsoftonline.com/${tid}/v2.0`)
      .setAudience((claims.aud as string | undefined) ?? `api://${HOST}/${APP_ID}`)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(expiresIn)
      .sign(signWith);
  };

  const get = async (path: string, bearer: string | null) => {
    const res = await fetch(`${base}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
    return { status: res.status, text: await res.text() };
  };
  const incidents = async (query: string, bearer?: string | null, conversation = CHANNEL) => {
    const period = query.includes('from=') ? '' : `${PERIOD}&`;
    const res = await get(`/api/tab/incidents?conversation=${encodeURIComponent(conversation)}&${period}${query}`, bearer === undefined ? await token() : bearer);
    assert.equal(res.status, 200, res.text);
    return (JSON.parse(res.text) as { incidents: { ref: string; category: string; lat: number | null; placeName: string }[] }).incidents;
  };

  it('When a member of the channel opens the tab, then they get exactly the channel\'s incidents, with coordinates where the place has them and no text', async () => {
    const rows = await incidents('');
    assert.deepEqual(rows.map((r) => r.ref).sort(), town.channel.map((r) => r.ref).sort());
    assert.equal(rows.filter((r) => r.lat !== null).length, town.withCoordinates);
    const body = JSON.stringify(rows);
    assert.doesNotMatch(body, /Fritext|description|reporter|Anna/);
  });

  it('When filters are given, then the incidents, the chart and the CSV narrow to the same rows', async () => {
    const count = async (q: string) => (await incidents(q)).length;
    assert.equal(await count('category=skadegorelse_klotter'), 3);
    assert.equal(await count('category=skadegorelse_klotter,narkotika'), 4);
    assert.equal(await count(`area=${town.areaId}`), 4, 'the area holds Stora torget and Stationen');
    assert.equal(await count(`hotspot=${town.hotspotId}`), 2, 'the hot spot is Kungsparken');
    assert.equal(await count('organisation=skola'), 0);
    assert.equal(await count('from=2026-03-10&to=2026-03-18'), 4, 'the incidents of 2, 3, 4 and 5 days ago');

    const summary = JSON.parse((await get(`/api/tab/summary?conversation=${encodeURIComponent(CHANNEL)}&${PERIOD}&category=skadegorelse_klotter`, await token())).text);
    const charted = summary.chart.reduce((n: number, b: { byCategory: Record<string, number> }) => n + Object.values(b.byCategory).reduce((a, c) => a + c, 0), 0);
    assert.equal(charted, 3, 'the chart counts the filtered incidents');
    assert.equal(summary.comparison.total.count, 7, 'the comparison is the channel\'s lägesbild from the digest builder');
    assert.deepEqual(summary.hotSpots.map((h: { placeName: string; stage: string }) => [h.placeName, h.stage]), [['Kungsparken', 'kartlaggs']]);
    assert.deepEqual(summary.options.areas.map((a: { name: string }) => a.name), ['Centrum']);
    assert.deepEqual(summary.schools.map((s: { name: string }) => s.name), ['Ängsskolan']);

    const csv = await get(`/api/tab/incidents.csv?conversation=${encodeURIComponent(CHANNEL)}&${PERIOD}&category=skadegorelse_klotter&locale=en`, await token());
    assert.equal(csv.status, 200);
    const lines = csv.text.trim().split('\r\n');
    assert.match(lines[0]!, /Reference;Date;Time;Place/);
    assert.equal(lines.length - 1, 3);
    assert.doesNotMatch(csv.text, /Fritext/);
  });

  it('When the tenant has a school register, then the school filter offers its schools by id and old free-text schools by name, and each narrows to its own incidents', async () => {
    const summary = JSON.parse((await get(`/api/tab/summary?conversation=${encodeURIComponent(CHANNEL)}&${PERIOD}`, await token())).text);
    assert.deepEqual(summary.options.schools, [
      { value: town.schoolId, label: 'Ängsskolan' },
      { value: UNREGISTERED_SCHOOL, label: UNREGISTERED_SCHOOL },
    ], 'the register\'s school, then the untied free-text school; no other channel\'s or tenant\'s school');
    const refs = async (q: string) => (await incidents(q)).map((r) => r.ref).sort();
    const tied = await refs(`school=${town.schoolId}`);
    assert.equal(tied.length, 2, 'the two incidents the register tied to Ängsskolan');
    assert.deepEqual(await refs(`school=${encodeURIComponent('ängsskolan')}`), tied, 'a link with the school\'s name (any case) means the register\'s school');
    assert.equal((await incidents(`school=${encodeURIComponent(UNREGISTERED_SCHOOL)}`)).length, 1);
    assert.equal((await incidents('school=Hemligskolan')).length, 0, 'another tenant\'s free-text school finds nothing here');

    const csv = await get(`/api/tab/incidents.csv?conversation=${encodeURIComponent(CHANNEL)}&${PERIOD}&school=${town.schoolId}`, await token());
    assert.deepEqual(csv.text.trim().split('\r\n').slice(1).map((l) => l.split(';')[0]).sort(), tied, 'the CSV holds the school\'s rows');
  });

  it('When another tenant\'s member asks, then they see their own tenant\'s channel only, and this channel not at all', async () => {
    const theirs = await token({ tid: OTHER_TENANT, oid: OTHER_TENANT_MEMBER });
    const rows = await incidents('', theirs, OTHER_TENANT_CHANNEL);
    assert.equal(rows.length, 1);
    // Each tenant numbers its own reports, so the tenant's incident is told by what it is: hot/våld, of which this channel has none.
    assert.deepEqual(rows.map((r) => r.category), ['hot_vald']);
    const res = await get(`/api/tab/incidents?conversation=${encodeURIComponent(CHANNEL)}`, theirs);
    assert.equal(res.status, 403);
    assert.doesNotMatch(res.text, /H-\d{4}|Stora torget/);
  });

  it('When a user is not a member, or asks for another channel, then the answer is 403 with no data', async () => {
    for (const [who, conversation] of [[STRANGER, CHANNEL], [MEMBER, OTHER_CHANNEL], [MEMBER, 'not-installed']] as const) {
      const res = await get(`/api/tab/incidents?conversation=${encodeURIComponent(conversation)}`, await token({ oid: who }));
      assert.equal(res.status, 403, `${who} in ${conversation}`);
      assert.doesNotMatch(res.text, /H-\d{4}|Stora torget/);
    }
  });

  it('When the personal tab asks which conversations to offer, then only those of the caller\'s tenant where they are a member are offered, and no other is answered', async () => {
    const offered = async (bearer: string | null) => {
      const res = await get('/api/tab/conversations', bearer);
      return { status: res.status, conversations: res.status === 200 ? (JSON.parse(res.text) as { conversations: { id: string; name: string }[] }).conversations : res.text };
    };
    assert.deepEqual(await offered(await token()), { status: 200, conversations: [{ id: CHANNEL, name: 'Trygghet i Kungsör' }] });
    assert.deepEqual(await offered(await token({ oid: STRANGER })), { status: 200, conversations: [] });
    assert.deepEqual(await offered(await token({ tid: OTHER_TENANT, oid: OTHER_TENANT_MEMBER })), { status: 200, conversations: [{ id: OTHER_TENANT_CHANNEL, name: 'Annan kommun' }] });
    assert.equal((await offered(null)).status, 401);
    assert.equal((await offered(await token({}, (await generateKeyPair('RS256')).privateKey))).status, 401, 'a forged token');
    // A report link (?ref=) names the conversation holding the report, only among those offered.
    const reportConversation = async (bearer: string, ref: string) =>
      (JSON.parse((await get(`/api/tab/conversations?ref=${encodeURIComponent(ref)}`, bearer)).text) as { reportConversation: string | null }).reportConversation;
    const aRef = town.channel[0]!.ref;
    assert.equal(await reportConversation(await token(), aRef), CHANNEL);
    assert.equal(await reportConversation(await token(), aRef.toLowerCase()), CHANNEL, 'the number however written');
    assert.equal(await reportConversation(await token(), 'H-2026-9999'), null, 'a number no report has');
    assert.equal(await reportConversation(await token(), 'inte ett nummer'), null);
    assert.equal(await reportConversation(await token({ oid: STRANGER }), aRef), null, 'not a member: not found');
    // What is not offered is not answered either, whichever conversation the URL names.
    for (const conversation of [OTHER_CHANNEL, OTHER_TENANT_CHANNEL]) {
      const res = await get(`/api/tab/summary?conversation=${encodeURIComponent(conversation)}&${PERIOD}`, await token());
      assert.equal(res.status, 403, conversation);
      assert.doesNotMatch(res.text, /H-\d{4}|Stora torget|skolan/);
    }
  });

  it('When the token is forged, for another app, from the wrong issuer, expired or missing, then the answer is 401 with no data', async () => {
    const stranger = (await generateKeyPair('RS256')).privateKey;
    const wrong = {
      forged: await token({}, stranger),
      'wrong audience': await token({ aud: 'api://elsewhere.example/00000000-0000-4000-8000-000000000000' }),
      'wrong issuer': await token({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }),
      'tenant not allowed': await token({ tid: '33333333-3333-4333-8333-333333333333' }),
      expired: await token({}, key, Math.floor(Date.now() / 1000) - 600),
      missing: null,
    };
    for (const [why, bearer] of Object.entries(wrong)) {
      const res = await get(`/api/tab/incidents?conversation=${encodeURIComponent(CHANNEL)}`, bearer);
      assert.equal(res.status, 401, why);
      assert.doesNotMatch(res.text, /H-\d{4}|Stora torget/, why);
    }
    // The v1 issuer and the bare app id as audience are Teams' other forms: accepted.
    assert.equal((await incidents('', await token({ iss: `https://sts.windows.net/${TAB_TENANT}/`, aud: APP_ID }))).length, 7);
  });

  it('When the period cannot be meant, then the answer is 400 with the reason in the user\'s language', async () => {
    const res = await get(`/api/tab/incidents?conversation=${encodeURIComponent(CHANNEL)}&from=2026-03-18&to=2026-01-01`, await token());
    assert.equal(res.status, 400);
    assert.match(JSON.parse(res.text).message, /^Perioden kunde inte läsas/);
    const en = await get(`/api/tab/incidents?conversation=${encodeURIComponent(CHANNEL)}&category=nonsense&locale=en`, await token());
    assert.equal(en.status, 400);
    assert.match(JSON.parse(en.text).message, /^One of the filters/);
  });
});

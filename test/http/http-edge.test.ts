import assert from 'node:assert/strict';
import { openSqliteDatabase } from '../../src/store/sqlite/sqlite-driver';
import { BotHarness, cardOf, cardText } from '../support/bot-harness';
import { channelMessage } from '../support/teams-activities';

describe('HTTP edge', () => {
  let h: BotHarness;
  beforeEach(async () => { h = await new BotHarness().start(); });
  afterEach(async () => { await h.stop(); });

  it('When the body is not JSON, then the answer is 400 with a JSON error and no stack trace', async () => {
    const res = await h.post('{"type": "message", ');
    assert.equal(res.status, 400);
    const body = await res.text();
    assert.deepEqual(JSON.parse(body), { error: 'invalid_json' });
    assert.doesNotMatch(body, /at .*\.js:\d+/);
  });

  it('When the JSON is not an activity, then the answer is a JSON 400, never a 500 or an HTML page', async () => {
    for (const body of ['{}', '[]', '{"type":"message"}', '{"type":"message","serviceUrl":"http://x","conversation":"c"}']) {
      const res = await h.post(body);
      assert.equal(res.status, 400, body);
      assert.deepEqual(await res.json(), { error: 'invalid_activity' }, body);
    }
    assert.equal(h.connector.received.length, 0);
  });

  it('When a message is 200 kB, then the answer is 413 and nothing is stored', async () => {
    const huge = channelMessage(`rapportera ${'x'.repeat(200_000)}`, h.where());
    const res = await h.post(huge);
    assert.equal(res.status, 413);
    assert.deepEqual(await res.json(), { error: 'payload_too_large' });
    assert.equal(h.connector.received.length, 0);
  });

  it('When the store is fine, then /readyz is 200 with its state and /healthz 200; unknown paths are a JSON 404', async () => {
    const res = await fetch(`${h.baseUrl}/readyz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok', store: { ok: true, kind: 'sqlite' } });
    const live = await fetch(`${h.baseUrl}/healthz`);
    assert.equal(live.status, 200);
    assert.deepEqual(await live.json(), { status: 'ok' }, 'liveness says only that the process serves');
    const missing = await fetch(`${h.baseUrl}/wp-admin`);
    assert.equal(missing.status, 404);
    assert.deepEqual(await missing.json(), { error: 'not_found' });
  });

  it('Every answer carries security headers and a request id', async () => {
    const res = await fetch(`${h.baseUrl}/healthz`);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(res.headers.get('content-security-policy'));
    assert.equal(res.headers.get('x-powered-by'), null);
    assert.match(res.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  it('When the database is down, then /readyz is 503 (/healthz stays 200: the process lives) and a submit comes back with "försök igen" and the input kept', async () => {
    await h.bot.store.close();
    const health = await fetch(`${h.baseUrl}/readyz`);
    assert.equal(health.status, 503);
    assert.equal(((await health.json()) as { status: string }).status, 'unavailable');
    assert.equal((await fetch(`${h.baseUrl}/healthz`)).status, 200, 'liveness: a restart would not bring the database back');

    const card = await h.press('submitIncident', { date: '2026-11-24', newPlace: 'Stora torget', category: 'brand', description: 'Brand i container', organisation: 'raddningstjanst' });
    const text = cardText(card);
    assert.match(text, /Kunde inte spara just nu, försök igen/);
    assert.match(text, /"value":"Brand i container"/);
    assert.match(text, /"value":"Stora torget"/);

    const [reply] = await h.say('senaste');
    assert.match(cardText(cardOf(reply!)), /Kunde inte nå databasen just nu/);
  });
});

describe('a database that is busy, then back', () => {
  it('When another process holds the database locked, then a submit answers "försök igen" in bounded time with the input kept, and works once the lock is gone', async function () {
    this.timeout(30_000);
    // No scheduler: a job's first lease of a period is a write, which would wait for the lock as well,
    // on the same (synchronous) SQLite connection, and add its wait to the user's.
    const h = await new BotHarness().start({ SCHEDULER_CRON: 'off' });
    const other = openSqliteDatabase(h.databaseUrl.slice('sqlite:'.length));
    try {
      const report = { date: '2026-11-24', newPlace: 'Stora torget', category: 'brand', description: 'Brand i container', organisation: 'raddningstjanst' };
      other.exec('BEGIN EXCLUSIVE');
      const started = Date.now();
      const blocked = cardText(await h.press('submitIncident', report));
      const waited = Date.now() - started;
      assert.match(blocked, /Kunde inte spara just nu, försök igen/);
      assert.match(blocked, /"value":"Brand i container"/);
      assert.ok(waited < 15_000, `the user waited ${waited} ms`);
      other.exec('ROLLBACK');
      assert.match(cardText(await h.press('submitIncident', report)), /Händelse H-2026-0001/);
    } finally {
      other.close();
      await h.stop();
    }
  });
});

import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/logging/logger';
import { loggedPath } from '../../src/logging/request-log';
import { BotHarness } from '../support/bot-harness';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A harness whose log lines the test reads. */
async function loggedHarness(): Promise<{ h: BotHarness; lines: () => Record<string, unknown>[]; raw: () => string }> {
  const chunks: string[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { chunks.push(String(chunk)); done(); } });
  const h = await new BotHarness().start({}, createLogger('trace', sink));
  const raw = () => chunks.join('');
  return { h, raw, lines: () => raw().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

/** GET /healthz with one raw x-request-id header value (node:http lets a tab or latin-1 through). */
function getWithRequestId(port: number, value: string): Promise<{ status: number; requestId: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/healthz', headers: { 'x-request-id': value } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, requestId: String(res.headers['x-request-id']) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Sends bytes as they are, for header values no HTTP client would send (a folded line). */
function rawRequest(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(head));
    let answer = '';
    socket.on('data', (d) => { answer += String(d); });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('request log lines', () => {
  let h: BotHarness;
  afterEach(async () => { await h.stop(); });

  it('When the client sends a short safe x-request-id, then it is echoed and names the request\'s log line', async () => {
    const logged = await loggedHarness();
    h = logged.h;
    const answer = await getWithRequestId(h.bot.port, 'trace-4711.a_B');
    assert.equal(answer.requestId, 'trace-4711.a_B');
    const line = logged.lines().find((l) => l.msg === 'request');
    assert.equal(line?.requestId, 'trace-4711.a_B');
  });

  const unsafe: [string, string][] = [
    ['spaces', 'ett id med mellanslag'],
    ['a tab', 'id\twith-tab'],
    ['a JWT', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbm5hIn0.c2lnbmF0dXJl'],
    ['65 characters', 'a'.repeat(65)],
    ['quotes and braces', '"},"level":60,"msg":"forged'],
    ['latin-1 letters', 'Ölandsgatan-7'],
  ];
  for (const [what, value] of unsafe) {
    it(`When the client's x-request-id holds ${what}, then a fresh id is used and the value is nowhere in the logs`, async () => {
      const logged = await loggedHarness();
      h = logged.h;
      const answer = await getWithRequestId(h.bot.port, value);
      assert.equal(answer.status, 200);
      assert.match(answer.requestId, UUID);
      const line = logged.lines().find((l) => l.msg === 'request');
      assert.equal(line?.requestId, answer.requestId);
      const raw = logged.raw();
      assert.ok(!raw.includes(value.slice(0, 20)) && !raw.includes(JSON.stringify(value).slice(1, 21)), `the logs hold "${value}"`);
    });
  }

  it('When the x-request-id header is folded over two lines, then it is refused or replaced, never logged', async () => {
    const logged = await loggedHarness();
    h = logged.h;
    const answer = await rawRequest(h.bot.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nx-request-id: forged-id\r\n  second-line-4711\r\nConnection: close\r\n\r\n');
    assert.match(answer, /^HTTP\/1\.1 (200|400)/);
    assert.ok(!logged.raw().includes('second-line-4711'), 'the folded line is not in the logs');
  });

  it('When a line is logged inside a request, then its fields do not leak into the request\'s later lines', async () => {
    const logged = await loggedHarness();
    h = logged.h;
    await h.press('showHelp', {});
    const lines = logged.lines();
    const action = lines.find((l) => l.msg === 'card action');
    assert.equal(action?.verb, 'showHelp');
    const request = lines.find((l) => l.msg === 'request' && l.requestId === action.requestId);
    assert.ok(request, 'the request line of the card action');
    assert.equal(request.verb, undefined, 'the request line does not carry the card action line\'s fields');
  });
});

describe('logged path', () => {
  it('shows the route\'s pattern for the part of the path it matched, and no long segment anywhere', () => {
    const token = 'Ab3_'.repeat(10) + 'xyz';
    assert.equal(loggedPath(`/exports/${token}/incidents.csv`, '/:token/incidents.csv'), '/exports/:token/incidents.csv');
    assert.equal(loggedPath(`/exports/${token}/incidents.csv/`, '/:token/incidents.csv'), '/exports/:token/incidents.csv');
    assert.equal(loggedPath('/api/messages', '/api/messages'), '/api/messages');
    assert.equal(loggedPath(`/exports/${token}/x.txt`), '/exports/:token/x.txt', 'no route: long segments are replaced');
    assert.equal(loggedPath(`/:${token}`), '/:token');
    assert.equal(loggedPath(`/a/${token}`, '/(.*)'), '/a/:token', 'a pattern that is not plain is not used');
  });
});

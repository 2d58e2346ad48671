import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { echoMaker, post, submitMaker } from '../../bench/support/report-traffic';
import { BotHarness } from '../support/bot-harness';

// The benchmark times submits as saved reports: one answered 200 with an error card must count as failed,
// or measures 1, 4 and 7 would time a bot that saves nothing as a fast one.

/** A loopback server that answers every POST 200 with `body`. */
async function answering(body: unknown): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const card = (text: string) => ({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text }] } });

describe('the benchmark client (bench/support/report-traffic)', function () {
  this.timeout(60_000);
  const harness = new BotHarness();
  before(() => harness.start());
  after(() => harness.stop());

  it('When Trygghetsboten saves a submit, then the client counts it as answered', async () => {
    const make = submitMaker(harness.connector.url, 10, 2);
    const first = await post(harness.baseUrl, make, 0);
    const second = await post(harness.baseUrl, make, 1);
    assert.equal(first.ok, true);
    assert.equal(second.ok, true);
    assert.ok(first.ms > 0);
  });

  it('When a bot answers a submit 200 with an error card, then the client counts it as failed', async () => {
    const { url, server } = await answering(card('Något gick fel hos mig. Försök igen om en stund – det du redan sparat finns kvar.'));
    try {
      const { ok } = await post(url, submitMaker('http://127.0.0.1:1', 10, 2), 0);
      assert.equal(ok, false);
    } finally {
      server.close();
    }
  });

  it('When the echo answers with its card, then it counts; with the saved report card instead, it does not', async () => {
    const echo = await answering(card('echo: 1 fields'));
    const saved = await answering(card('Händelse H-2026-0001 · Sparad.'));
    try {
      const make = echoMaker('http://127.0.0.1:1', 10, 2);
      assert.equal((await post(echo.url, make, 0)).ok, true);
      assert.equal((await post(saved.url, make, 0)).ok, false);
      assert.equal((await post(saved.url, submitMaker('http://127.0.0.1:1', 10, 2), 0)).ok, true);
    } finally {
      echo.server.close();
      saved.server.close();
    }
  });
});

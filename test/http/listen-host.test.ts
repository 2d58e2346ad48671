import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { startBot, type RunningBot } from '../../src/compose';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/logging/logger';
import { FakeOpenIdIssuer } from '../fakes/fake-openid-issuer';
import { startBotProcess } from '../support/bot-process';

/** An address of this machine other than loopback, if it has one (to knock on from "the network"). */
function externalAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}

describe('where the bot listens (HOST)', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'trygghetsboten-host-'));
  let bot: RunningBot | null = null;
  let lines: Record<string, unknown>[] = [];
  let n = 0;

  /** The bot as main starts it: no host from the caller, only configuration. */
  async function start(env: Record<string, string>): Promise<RunningBot> {
    lines = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(...String(chunk).split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>)); done(); } });
    const config = loadConfig({ PORT: '0', DATABASE_URL: `sqlite:${join(dir, `host-${n++}.db`)}`, SCHEDULER_CRON: 'off', ...env });
    bot = await startBot(config, createLogger('info', sink));
    return bot;
  }
  const address = (b: RunningBot) => (b.server.server.address() as AddressInfo).address;
  const warnings = () => lines.filter((l) => l.level === 40 && l.setting === 'HOST');

  afterEach(async () => { await bot?.stop(); bot = null; });
  after(() => { rmSync(dir, { recursive: true, force: true }); });

  it('In local mode without HOST, it listens on loopback only and cannot be reached from the network', async () => {
    const b = await start({});
    assert.equal(address(b), '127.0.0.1');
    assert.deepEqual(warnings(), []);
    const external = externalAddress();
    if (external) {
      await assert.rejects(fetch(`http://${external}:${b.port}/healthz`), 'not reachable on a network address');
    }
    assert.equal((await fetch(`http://127.0.0.1:${b.port}/healthz`)).status, 200);
  });

  it('In local mode with HOST beyond loopback, it listens there and warns loudly, in one structured line', async () => {
    const b = await start({ HOST: '0.0.0.0' });
    assert.equal(address(b), '0.0.0.0');
    const [warning, ...more] = warnings();
    assert.equal(more.length, 0);
    assert.equal(warning?.host, '0.0.0.0');
    assert.equal(warning?.security, 'unauthenticated-bot-exposed');
    assert.match(String(warning?.msg), /WITHOUT AUTHENTICATION/);
  });

  it('Tells senders to keep an idle connection for a minute, not Node\'s 5 s, so a reused connection is not cut as it is used', async () => {
    const b = await start({});
    const res = await fetch(`http://127.0.0.1:${b.port}/healthz`);
    await res.text();
    assert.match(String(res.headers.get('keep-alive')), /timeout=65\b/);
    assert.ok(b.server.server.headersTimeout > b.server.server.keepAliveTimeout, 'headers may take longer than the idle time');
  });

  it('In local mode with HOST on loopback, there is nothing to warn about', async () => {
    const b = await start({ HOST: '::1' });
    assert.equal(address(b), '::1');
    assert.deepEqual(warnings(), []);
  });

  it('With an app id, it listens on every interface as before, without the warning', async () => {
    const issuer = new FakeOpenIdIssuer();
    await issuer.start();
    try {
      const b = await start({
        MicrosoftAppId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', MicrosoftAppPassword: 'test-secret',
        MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', BOT_OPENID_METADATA_URL: issuer.metadataUrl,
      });
      assert.equal(address(b), '0.0.0.0');
      assert.deepEqual(warnings(), []);
    } finally {
      await issuer.stop();
    }
  });

  it('The server process says where it listens and under which pid', async () => {
    const p = await startBotProcess({ DATABASE_URL: `sqlite:${join(dir, 'process.db')}` });
    try {
      const line = JSON.parse(p.logs.find((l) => l.includes('listens'))!) as Record<string, unknown>;
      assert.equal(line.host, '127.0.0.1');
      assert.equal(line.pid, p.child.pid);
    } finally {
      p.child.kill('SIGTERM');
      await p.exited;
    }
  });
});

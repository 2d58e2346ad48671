import assert from 'node:assert/strict';
import { consoleSummary } from '../../src/logging/console-bridge';
import { createLogger } from '../../src/logging/logger';
import { FakeOpenIdIssuer } from '../fakes/fake-openid-issuer';
import { BotHarness } from '../support/bot-harness';
import { cardAction, TENANT } from '../support/teams-activities';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

/**
 * Everything written to the process's stdout and stderr while `work` runs (and nothing passed on, so
 * that the test output stays clean). The bot's logger writes through process.stdout here, as it does
 * in production, so its lines are caught too.
 */
let capturing = false;
async function captureOutput(work: () => Promise<void>): Promise<string[]> {
  const chunks: string[] = [];
  capturing = true;
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const catcher = (chunk: unknown, ...rest: unknown[]): boolean => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  };
  process.stdout.write = catcher as typeof process.stdout.write;
  process.stderr.write = catcher as typeof process.stderr.write;
  try {
    await work();
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    capturing = false;
  }
  return chunks.join('').split('\n').filter((l) => l.trim() !== '');
}

describe('every line the bot writes is JSON, and no key material is among them', () => {
  const issuer = new FakeOpenIdIssuer();
  let h: BotHarness;

  before(async () => { await issuer.start(); });
  after(async () => { await issuer.stop(); });
  beforeEach(async () => {
    // Written to stdout as in production, but only while the test captures it.
    const toStdout = createLogger('info', { write: (line: string) => void (capturing && process.stdout.write(line)) });
    h = await new BotHarness().start(
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-secret', MicrosoftAppType: 'MultiTenant', BOT_OPENID_METADATA_URL: issuer.metadataUrl, ALLOWED_TENANTS: TENANT },
      toStdout,
    );
  });
  afterEach(async () => { await h.stop(); });

  it('When forged, expired, foreign and malformed tokens reach /api/messages, then stdout and stderr hold only JSON lines without keys or tokens', async () => {
    const tokens = {
      expired: issuer.token({ aud: APP_ID, serviceurl: h.connector.url, nbf: 1, iat: 1, exp: 100 }),
      forged: issuer.token({ aud: APP_ID, serviceurl: h.connector.url }, FakeOpenIdIssuer.strangerKey()),
      foreign: issuer.token({ aud: '11111111-2222-3333-4444-555555555555', serviceurl: h.connector.url }),
      malformed: 'eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln',
    };
    const lines = await captureOutput(async () => {
      for (const token of Object.values(tokens)) {
        const res = await h.post(cardAction('showHelp', {}, h.where()), { authorization: `Bearer ${token}` });
        assert.equal(res.status, 401);
      }
    });
    assert.ok(lines.length >= 4, `the requests were logged (${lines.length} lines)`);
    for (const line of lines) {
      let parsed: unknown;
      assert.doesNotThrow(() => { parsed = JSON.parse(line); }, `not a JSON line: ${line.slice(0, 120)}`);
      assert.equal(typeof parsed, 'object');
    }
    const all = lines.join('\n');
    assert.doesNotMatch(all, /BEGIN|PUBLIC KEY|PRIVATE KEY/, 'no PEM key');
    assert.doesNotMatch(all, /[A-Za-z0-9+/]{64,}/, 'no long base64 run (a key or a signature)');
    assert.doesNotMatch(all, /\s+at .+:\d+:\d+/, 'no stack trace');
    for (const token of Object.values(tokens)) assert.ok(!all.includes(token.split('.')[2]!), 'no part of a token');
    const fromConsole = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.source === 'console');
    assert.ok(fromConsole.length >= 2, 'what the SDK printed became structured lines');
    assert.ok(fromConsole.some((l) => /Error finding key for token\. Available keys: \[key\]/.test(String(l.msg))));
  });

});

describe('the console bridge', () => {
  it('When a bot starts, then console output goes into its log; when it stops, the console is the console again', async () => {
    const before = console.error;
    const lines: string[] = [];
    const h = await new BotHarness().start({}, createLogger('info', { write: (line: string) => void lines.push(line) }));
    try {
      assert.notEqual(console.error, before, 'the bridge is in place while the bot runs');
      console.error('Signing key -----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----');
      const line = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
      assert.deepEqual([line.level, line.source, line.msg], [50, 'console', 'Signing key [key]']);
    } finally {
      await h.stop();
    }
    assert.equal(console.error, before);
  });
});

describe('console summary', () => {
  it('keeps the first words and drops keys, tokens, stacks and error messages', () => {
    const key = '-----BEGIN RSA PUBLIC KEY-----\nMIIBCgKCAQEA1tDGCsrPcOs0Nt9CU+8PnQniKmVU2wO8rPJPn9sO2XlSSPzViCAo\n-----END RSA PUBLIC KEY-----\n';
    assert.equal(consoleSummary([`Error finding key for token. Available keys: ${key}`]), 'Error finding key for token. Available keys: [key]');
    const expired = Object.assign(new Error('jwt expired for anna@example.se'), { name: 'TokenExpiredError' });
    assert.equal(consoleSummary([expired]), 'TokenExpiredError');
    assert.equal(consoleSummary(['token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln was bad']), 'token [token] was bad');
    assert.equal(consoleSummary(['hash 0123456789abcdef0123456789abcdef here']), 'hash [redacted] here');
    assert.equal(consoleSummary(['x'.repeat(300)]).length <= 121, true);
    assert.equal(consoleSummary(['line one\nline two', { secret: 1 }]), 'line one [object]');
  });
});

import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { openSqliteDatabase } from '../../src/store/sqlite/sqlite-driver';
import { FakeBotConnector } from '../fakes/fake-bot-connector';
import { projectRoot, startBotProcess, type BotProcess } from '../support/bot-process';
import { cardAction, channelMessage } from '../support/teams-activities';

// The production start path (issue 14): `npm start` runs scripts/start.cjs, which bundles the server into
// dist/ when a source is newer than the last build and then runs dist/main.js in its own process. Run
// here in a copy of the project (sources, build scripts, the installed node_modules linked), so that the
// project's own dist/ is never touched and the first start really builds from nothing, as on a fresh clone.

const BUILDING = /bundling into dist\//;
/** Node 22.1+ keeps compiled code in its own cache (in dist/compile-cache); on Node 20 dist/main.js keeps V8's cache beside the bundle. */
const NODE_HAS_COMPILE_CACHE = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

function copyOfTheProject(): string {
  mkdirSync(join(projectRoot, 'test-output'), { recursive: true });
  const copy = mkdtempSync(join(projectRoot, 'test-output', 'production-start-'));
  for (const part of ['package.json', 'tsconfig.json', 'src', 'scripts']) cpSync(join(projectRoot, part), join(copy, part), { recursive: true });
  symlinkSync(join(projectRoot, 'node_modules'), join(copy, 'node_modules'));
  return copy;
}

describe('npm start: the server bundled into dist/ and started from the bundle', function () {
  this.timeout(180_000);
  const connector = new FakeBotConnector();
  let copy = '';
  let bot: BotProcess | null = null;
  const start = () => startBotProcess({ DATABASE_URL: `sqlite:${join(copy, 'data', 'bot.db')}` }, { args: ['scripts/start.cjs'], cwd: copy });
  const stop = async () => {
    bot!.child.kill('SIGTERM');
    assert.equal(await bot!.exited, 0, 'SIGTERM ends it cleanly');
    bot = null;
  };
  const post = (body: unknown) => fetch(`http://127.0.0.1:${bot!.port}/api/messages`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });

  before(async () => {
    copy = copyOfTheProject();
    mkdirSync(join(copy, 'data'));
    await connector.start();
  });
  after(async () => {
    bot?.child.kill('SIGKILL');
    await connector.stop();
    rmSync(copy, { recursive: true, force: true });
  });

  it('on a fresh copy bundles once, then answers /healthz and takes a report from the bundle', async () => {
    bot = await start();
    assert.match(bot.logs.join('\n'), BUILDING, 'the first start builds');
    const dist = join(copy, 'dist');
    assert.ok(existsSync(join(dist, 'server.js')) && existsSync(join(dist, 'main.js')), 'one bundle and its entry');
    assert.ok(existsSync(join(dist, 'store', 'sqlite', 'migrations', '0001_initial.sql')), 'the migrations beside it');
    assert.ok(existsSync(join(dist, 'store', 'mssql', 'migrations', '0001_initial.sql')));
    assert.ok(existsSync(join(dist, 'tab', 'tab.js')), 'the tab\'s page');
    assert.deepEqual(readdirSync(dist).filter((f) => f.endsWith('.js')).sort(), ['main.js', 'server.js'], 'no module compiled file by file');

    const health = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
    assert.equal(health.status, 200);

    assert.equal((await post(channelMessage('rapportera', { serviceUrl: connector.url }))).status, 200);
    const form = connector.received.find((r) => r.body.type === 'message')!.body.attachments[0].content;
    assert.equal(form.actions[0].verb, 'submitIncident', 'the report form, rendered from the bundle\'s templates');
    const res = await post(cardAction('submitIncident', {
      date: '2026-01-15', time: '22:10', newPlace: 'Järnvägsstationen', category: 'ordningsstorning',
      description: 'Stökigt gäng vid perrongen', severity: 'medel', organisation: 'polisen', youthInvolved: '2',
    }, { serviceUrl: connector.url }));
    assert.equal(res.status, 200);
    assert.match(JSON.stringify(await res.json()), /Händelse H-\d{4}-0001/);
    await stop();

    const db = openSqliteDatabase(join(copy, 'data', 'bot.db'), { readonly: true });
    const rows = db.prepare('SELECT description, place_name FROM incidents').all();
    db.close();
    assert.deepEqual(rows, [{ description: 'Stökigt gäng vid perrongen', place_name: 'Järnvägsstationen' }]);
  });

  it('starts again without building while no source changed', async () => {
    bot = await start();
    assert.doesNotMatch(bot.logs.join('\n'), BUILDING);
    assert.equal((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status, 200);
    await stop();
  });

  it('keeps the compiled code beside the bundle, and starts from it, or past a damaged one', async () => {
    // Node 20: V8's cache, written by dist/main.js while the server runs. Node 22+: Node's compile cache
    // in dist/compile-cache, written when the process exits.
    const caches = () => NODE_HAS_COMPILE_CACHE
      ? readdirSync(join(copy, 'dist', 'compile-cache'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name))
      : readdirSync(join(copy, 'dist')).filter((f) => f.endsWith('.v8cache')).map((f) => join(copy, 'dist', f));
    bot = await start();
    if (!NODE_HAS_COMPILE_CACHE) {
      for (let waited = 0; caches().length === 0; waited += 100) {
        assert.ok(waited < 60_000, 'a code cache is written once the server runs');
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await stop();
    assert.ok(caches().length > 0, 'the compiled code is kept beside the bundle');
    for (const damaged of [false, true]) {
      if (damaged) for (const cache of caches()) writeFileSync(cache, 'not a cache');
      bot = await start();
      assert.equal((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status, 200);
      connector.clear();
      await post(channelMessage('senaste', { serviceUrl: connector.url }));
      const list = connector.received.find((r) => r.body.type === 'message')!;
      assert.match(JSON.stringify(list.body), /H-\d{4}-0001/, `the stored report is listed (${damaged ? 'damaged' : 'intact'} cache)`);
      await stop();
    }
  });

  it('builds again after a source changed, and serves what it built', async () => {
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(copy, 'src', 'main.ts'), later, later);
    bot = await start();
    assert.match(bot.logs.join('\n'), BUILDING);
    assert.equal((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status, 200);
    await stop();
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDatabase } from '../../src/store/sqlite/sqlite-driver';
import { FakeBotConnector } from '../fakes/fake-bot-connector';
import { assertValidCard } from '../support/adaptive-card-check';
import { runBotProcess, startBotProcess, type BotProcess } from '../support/bot-process';
import { CHANNEL, cardAction, channelMessage } from '../support/teams-activities';

describe('end to end: a Teams channel, the real server process, a fake Bot Connector and a SQLite file', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'trygghetsboten-e2e-'));
  const dbFile = join(dir, 'e2e.db');
  const connector = new FakeBotConnector();
  let bot: BotProcess | null = null;

  before(async () => { await connector.start(); });
  after(async () => {
    bot?.child.kill('SIGKILL');
    await connector.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (body: unknown) => fetch(`http://127.0.0.1:${bot!.port}/api/messages`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });

  it('starts with no configuration but a database path, and says where it listens, which store and that auth is off', async () => {
    bot = await startBotProcess({ DATABASE_URL: `sqlite:${dbFile}` });
    const line = bot.logs.find((l) => l.includes('listens'))!;
    assert.match(line, /"store":"sqlite:.*e2e\.db"/);
    assert.match(line, /"auth":"off \(local mode\)"/);
  });

  it('answers an @mention in a channel through the connector, and stores a submitted incident', async () => {
    const message = channelMessage('rapportera', { serviceUrl: connector.url });
    assert.equal((await post(message)).status, 200);
    const [reply] = connector.received.filter((r) => r.body.type === 'message');
    assert.equal(reply!.conversationId, `${CHANNEL};messageid=1700000000000`);
    assert.equal(reply!.path, `/v3/conversations/${encodeURIComponent(reply!.conversationId)}/activities/${message.id}`);
    assert.equal(reply!.body.replyToId, message.id);
    const form = reply!.body.attachments[0].content;
    assertValidCard(form);
    assert.equal(form.actions[0].verb, 'submitIncident');

    const res = await post(cardAction('submitIncident', {
      date: '2026-01-15', time: '22:10', newPlace: 'Järnvägsstationen', category: 'ordningsstorning',
      description: 'Stökigt gäng vid perrongen', severity: 'medel', organisation: 'polisen', youthInvolved: '6',
    }, { serviceUrl: connector.url }));
    assert.equal(res.status, 200);
    const invoke = (await res.json()) as { value: Record<string, any> };
    assert.match(JSON.stringify(invoke.value), /Händelse H-\d{4}-0001/);

    const db = openSqliteDatabase(dbFile, { readonly: true });
    const rows = db.prepare('SELECT ref, description, youth_involved, conversation_id, place_name FROM incidents').all();
    db.close();
    assert.deepEqual(rows.map((r: any) => [r.description, r.youth_involved, r.conversation_id, r.place_name]), [
      ['Stökigt gäng vid perrongen', 6, CHANNEL, 'Järnvägsstationen'],
    ]);
  });

  it('on SIGTERM finishes the request in flight, closes the database and exits 0', async () => {
    connector.delayMs = 800;
    const inFlight = post(channelMessage('hjälp', { serviceUrl: connector.url }));
    await new Promise((r) => setTimeout(r, 300));
    bot!.child.kill('SIGTERM');
    assert.equal((await inFlight).status, 200);
    assert.equal(await bot!.exited, 0);
    connector.delayMs = 0;
  });

  it('after a restart on the same file, the report is still there', async () => {
    connector.clear();
    bot = await startBotProcess({ DATABASE_URL: `sqlite:${dbFile}` });
    await post(channelMessage('senaste', { serviceUrl: connector.url }));
    const [list] = connector.received.filter((r) => r.body.type === 'message');
    assert.match(JSON.stringify(list!.body), /H-\d{4}-0001/);
    assert.match(JSON.stringify(list!.body), /Ordningsstörning · Järnvägsstationen/);
    bot.child.kill('SIGTERM');
    assert.equal(await bot.exited, 0);
  });

  it('refuses to start on invalid configuration, naming each bad variable', async () => {
    const { code, stderr } = await runBotProcess({ PORT: 'abc', DATABASE_URL: 'postgres://x', MicrosoftAppType: 'Bogus' });
    assert.equal(code, 1);
    for (const name of ['PORT', 'DATABASE_URL', 'MicrosoftAppType']) assert.match(stderr, new RegExp(name));
    assert.doesNotMatch(stderr, /at .*\.ts:\d+/);
  });
});

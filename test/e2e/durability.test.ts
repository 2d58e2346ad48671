import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDatabase } from '../../src/store/sqlite/sqlite-driver';
import { FakeBotConnector } from '../fakes/fake-bot-connector';
import { startBotProcess } from '../support/bot-process';
import { isAlive } from '../support/spawned-processes';
import { cardAction } from '../support/teams-activities';

const REPORTS = 400;
const CONCURRENCY = 12;
const KILL_AFTER = 60;

describe('durability: SIGKILL in the middle of concurrent reports', function () {
  this.timeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), 'trygghetsboten-kill-'));
  const dbFile = join(dir, 'kill.db');
  const connector = new FakeBotConnector();

  before(async () => { await connector.start(); });
  after(async () => {
    await connector.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('When the process is killed, then every acknowledged report is whole after a restart and none is half-written', async () => {
    const bot = await startBotProcess({ DATABASE_URL: `sqlite:${dbFile}`, RATE_LIMIT_BURST: '1000' });
    // The signal must reach the process that holds the database, not a wrapper around it.
    assert.equal(bot.pid, bot.child.pid, `the server (pid ${bot.pid}) is the spawned process (pid ${bot.child.pid})`);
    const acknowledged = new Map<string, string>();
    let killed = false;
    let inFlight = 0;
    let inFlightAtKill = 0;
    const submit = async (i: number) => {
      const description = `Rapport nummer ${i} om klotter`;
      const activity = cardAction('submitIncident', {
        date: '2026-11-20', newPlace: `Plats ${i % 7}`, category: 'skadegorelse_klotter', description, organisation: 'polisen', youthInvolved: String(i % 5),
      }, { serviceUrl: connector.url });
      inFlight += 1;
      try {
        const res = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
        const ref = /Händelse (H-\d{4}-\d{4})/.exec(await res.text())?.[1];
        if (res.status === 200 && ref) acknowledged.set(ref, description);
      } catch {
        // The process died while this request was in flight: it was never acknowledged.
      } finally {
        inFlight -= 1;
      }
      if (!killed && acknowledged.size >= KILL_AFTER) {
        killed = true;
        inFlightAtKill = inFlight;
        bot.child.kill('SIGKILL');
      }
    };
    // A steady stream with a dozen in flight, so that the kill lands in the middle of work.
    let next = 0;
    const worker = async () => {
      while (next < REPORTS && !killed) await submit(next++);
      if (killed) await Promise.all(Array.from({ length: 3 }, () => submit(next++)));
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    assert.ok(killed, 'the process was killed during the run');
    assert.ok(inFlightAtKill > 0, 'the kill landed while reports were being written');
    assert.deepEqual(await bot.ended, { code: null, signal: 'SIGKILL' });
    assert.equal(isAlive(bot.pid), false, `the server (pid ${bot.pid}) is gone after SIGKILL, not orphaned`);
    assert.ok(acknowledged.size >= KILL_AFTER && acknowledged.size < REPORTS, `acknowledged ${acknowledged.size}`);

    const again = await startBotProcess({ DATABASE_URL: `sqlite:${dbFile}` });
    try {
      const health = await fetch(`http://127.0.0.1:${again.port}/healthz`);
      assert.equal(health.status, 200);
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }

    const db = openSqliteDatabase(dbFile, { readonly: true });
    const rows = db.prepare('SELECT ref, description, place_name, youth_involved, category, reporter_id, version FROM incidents').all() as Record<string, unknown>[];
    const audited = new Set((db.prepare("SELECT entity_ref FROM audit_log WHERE action = 'report.created'").all() as { entity_ref: string }[]).map((r) => r.entity_ref));
    db.close();
    const stored = new Map(rows.map((r) => [r.ref as string, r]));
    for (const [ref, description] of acknowledged) {
      assert.equal(stored.get(ref)?.description, description, `acknowledged ${ref} is missing or changed`);
    }
    for (const row of rows) {
      const i = Number(/Rapport nummer (\d+)/.exec(String(row.description))?.[1]);
      assert.ok(Number.isInteger(i), `half-written description in ${String(row.ref)}`);
      assert.deepEqual([row.place_name, row.youth_involved, row.category, row.version], [`Plats ${i % 7}`, i % 5, 'skadegorelse_klotter', 1]);
      assert.ok(audited.has(String(row.ref)), `${String(row.ref)} has no audit row: the two were not written together`);
    }
  });
});

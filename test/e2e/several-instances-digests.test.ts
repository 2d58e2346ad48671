import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { DIGEST_JOB } from '../../src/domain/digests/scheduled-digests';
import { createStore } from '../../src/store/create-store';
import type { ReceivedActivity } from '../fakes/fake-bot-connector';
import { instanceIdOf, instancesOnOneDatabase, killHolder, readRows, saveChannel, until } from '../support/bot-instances';
import { TENANT } from '../support/teams-activities';

// Two real instances (processes) on one SQLite file with lägesbild digests due: each digest posted once,
// and a digest whose instance is killed mid-post (the POST sent, its answer never recorded) posted by the
// other instance once the digest's lease lapsed, at least once (SECURITY.md, "Scheduled posts").

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const channel = (i: number) => `19:digest-${i}@thread.tacv2`;

/** A migrated database with `count` channels, each subscribed to a daily digest due a minute ago. */
async function seed(file: string, connector: string, count: number): Promise<void> {
  const store = await createStore(`sqlite:${file}`);
  try {
    const now = new Date();
    const time = DateTime.fromJSDate(now).setZone('Europe/Stockholm').minus({ minutes: 1 }).toFormat('HH:mm');
    for (let i = 0; i < count; i++) {
      const id = channel(i);
      await saveChannel(store, id, connector, now);
      await store.digestSubscriptions.save({
        conversationId: id, tenantId: TENANT, cadence: 'daily', weekday: null, time, locale: 'sv', status: 'active', pausedReason: null,
        createdBy: 'aad-coordinator', createdAt: new Date(now.getTime() - 2 * 86_400_000), updatedAt: now,
      });
    }
  } finally {
    await store.close();
  }
}

/** The channels a lägesbild digest was posted to, one entry per post. */
const digestsPosted = (received: ReceivedActivity[]) => received
  .filter((r) => r.method === 'POST' && JSON.stringify(r.body.attachments ?? []).includes('Lokal lägesbild'))
  .map((r) => r.conversationId);

describe('several instances on one database: lägesbild digests (issue 18)', function () {
  this.timeout(150_000);
  const { connector, nextFile, start } = instancesOnOneDatabase('digest-instances');

  it('When digests are due and two instances tick every second, then each channel gets its digest exactly once', async () => {
    const file = nextFile();
    await seed(file, connector.url, 4);
    await Promise.all([start(file), start(file)]);
    await until('4 digests', () => new Set(digestsPosted(connector.received)).size >= 4);
    await sleep(3_000); // several more ticks of both instances
    const posted = digestsPosted(connector.received);
    assert.deepEqual([...posted].sort(), [0, 1, 2, 3].map(channel), `posted: ${posted.join(', ')}`);
    const deliveries = readRows<{ conversation_id: string; status: string }>(file, 'SELECT conversation_id, status FROM digest_deliveries');
    assert.equal(deliveries.length, 4);
    assert.ok(deliveries.every((d) => d.status === 'posted'));
    const leases = readRows<{ period_key: string; finished_at: string | null }>(file, `SELECT period_key, finished_at FROM job_leases WHERE job = '${DIGEST_JOB}'`);
    assert.equal(leases.length, 4, 'one lease per digest');
    assert.ok(leases.every((l) => l.finished_at !== null));
  });

  it('When the instance posting a digest is killed before the answer is recorded, then the other posts it after the lease lapsed and records the possible repeat', async () => {
    const file = nextFile();
    await seed(file, connector.url, 1);
    connector.delayMs = 5_000; // the POST reaches the connector; its answer comes after the kill
    const both = await Promise.all([start(file, { JOB_LEASE_SECONDS: '2' }), start(file, { JOB_LEASE_SECONDS: '2' })]);
    await until('the digest being posted', () => digestsPosted(connector.received).length >= 1);
    const holder = readRows<{ holder: string }>(file, `SELECT holder FROM job_leases WHERE job = '${DIGEST_JOB}'`)[0]!.holder;
    const { other: b, killedAt } = await killHolder(both, holder);
    connector.delayMs = 0;
    const [sending] = readRows<{ status: string; sending_at: string | null }>(file, 'SELECT status, sending_at FROM digest_deliveries');
    assert.equal(sending!.status, 'claimed');
    assert.ok(sending!.sending_at, 'the attempt was noted before the POST, and never answered');

    // On failure, what B last logged and the leases say why. B's digests run of a minute leaves a digest whose
    // lease the dead holder still has for the next minute's run: killed in a minute's last seconds, up to a minute more.
    await until('B posting the digest', () => digestsPosted(connector.received).length >= 2, 90_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${b.logs.slice(-20).join('\n')}\n${JSON.stringify(readRows(file, 'SELECT * FROM job_leases'))}\nDELIVERIES ${JSON.stringify(readRows(file, 'SELECT * FROM digest_deliveries'))} ATTEMPTS ${JSON.stringify(readRows(file, 'SELECT * FROM digest_attempts'))}`);
    });
    assert.ok(Date.now() - killedAt >= 1_000, 'not before the lease lapsed');
    await until('B recording it', () => readRows<{ status: string }>(file, 'SELECT status FROM digest_deliveries')[0]?.status === 'posted', 10_000);
    await sleep(2_000);
    assert.deepEqual(digestsPosted(connector.received), [channel(0), channel(0)], 'at least once: the unconfirmed post and the one after it, no more');
    const [delivery] = readRows<{ claimed_by: string; detail: string; sending_at: string | null }>(file, 'SELECT claimed_by, detail, sending_at FROM digest_deliveries');
    assert.equal(delivery!.claimed_by, instanceIdOf(b));
    assert.equal(delivery!.detail, 'posted again after unconfirmed attempt 1');
    assert.equal(delivery!.sending_at, null);
    assert.ok(b.logs.some((l) => l.includes('digest taken over after an unconfirmed post')), 'B says the digest may appear twice');
  });
});

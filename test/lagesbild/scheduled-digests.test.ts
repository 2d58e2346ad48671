import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Store } from '../../src/domain/ports/store.port';
import { createStore } from '../../src/store/create-store';
import { DIGEST_JOB } from '../../src/domain/digests/scheduled-digests';
import { conversationLeaseKey } from '../../src/domain/jobs/once-per-conversation';
import { randomUUID } from 'node:crypto';
import { conversationRecord } from '../store/store-fixtures';
import { CHAT, CONVERSATION, ScriptedPoster, StepClock, digestRig, subscribedStore, subscription } from './digest-fixtures';

// The scheduler's decisions with a clock the test sets: what is due, across daylight-saving changes,
// missed digests caught up once, retries and pauses. No waiting: the retry waits are recorded.

describe('scheduled digests', () => {
  let store: Store;
  const clock = new StepClock(new Date('2026-11-30T06:30:00Z'));
  beforeEach(async () => { store = await subscribedStore(await createStore('sqlite::memory:')); });
  afterEach(async () => { await store.close(); });

  const at = async (iso: string, poster = new ScriptedPoster()) => {
    clock.current = new Date(iso);
    const rig = digestRig(store, clock, poster);
    const results = await rig.digests.runDue(clock.now());
    return { results, poster, waits: rig.waits };
  };

  it('When the subscribed minute has not come, nothing is posted; at the minute, the previous ISO week is', async () => {
    assert.deepEqual((await at('2026-11-30T06:29:59Z')).poster.posts, []); // Monday 07:29:59 in Stockholm
    const { poster, results } = await at('2026-11-30T06:30:00Z');
    assert.deepEqual(poster.posts, [{ conversationId: CONVERSATION, periodKey: '2026-11-23..2026-11-29', locale: 'sv' }]);
    assert.deepEqual(results, [{ conversationId: CONVERSATION, periodKey: '2026-W48', status: 'posted' }]);
    assert.deepEqual((await at('2026-11-30T06:31:00Z')).poster.posts, [], 'the next tick finds it claimed');
  });

  it('When the instance posting a digest died after the POST, then another posts it once the lease lapsed, at least once, and records that it may be twice', async () => {
    // Instance A took the digest's lease, noted its first attempt as being sent, and died: no answer recorded, no renewals.
    const due = new Date('2026-11-30T06:30:00Z');
    const lease = { job: DIGEST_JOB, periodKey: conversationLeaseKey('2026-W48', CONVERSATION), holder: 'instance-dead', now: due, until: new Date(due.getTime() + 60_000) };
    assert.equal(await store.jobLeases.acquire(lease), 'acquired');
    const claimed = await store.digestDeliveries.claim({ conversationId: CONVERSATION, periodKey: '2026-W48', scheduledFor: due, claimedBy: 'instance-dead', now: due, staleBefore: due });
    await store.digestDeliveries.sending(claimed!.id, 1, due);

    assert.deepEqual((await at('2026-11-30T06:30:59Z')).poster.posts, [], 'not while the lease holds');
    const { poster, results } = await at('2026-11-30T06:31:00Z');
    assert.equal(poster.posts.length, 1, 'posted by the instance that took over');
    assert.deepEqual(results, [{ conversationId: CONVERSATION, periodKey: '2026-W48', status: 'posted' }]);
    const [delivery] = await store.digestDeliveries.list(CONVERSATION, 5);
    assert.equal(delivery!.detail, 'posted again after unconfirmed attempt 1');
    assert.deepEqual((await store.digestDeliveries.attempts(claimed!.id)).map((a) => [a.attempt, a.outcome]), [[2, 'posted']]);
    assert.deepEqual((await at('2026-11-30T06:40:00Z')).poster.posts, [], 'and never again');
  });

  it('keeps 07:30 local across the autumn change (CEST → CET)', async () => {
    assert.deepEqual((await at('2026-10-26T05:30:00Z')).poster.posts, [], 'what 07:30 would be in summer time');
    assert.equal((await at('2026-10-26T06:30:00Z')).poster.posts.length, 1);
  });

  it('moves a daily 02:30 inside the spring gap to 03:30, as the clock does', async () => {
    await store.digestSubscriptions.save({ ...(await store.digestSubscriptions.get(CHAT))!, cadence: 'daily', weekday: null, time: '02:30' });
    assert.deepEqual((await at('2026-03-29T01:29:00Z')).poster.posts, []);
    const { poster } = await at('2026-03-29T01:30:00Z'); // 03:30 CEST
    assert.deepEqual(poster.posts.map((p) => p.periodKey), ['2026-03-28..2026-03-28']);
  });

  it('When the bot was down, posts the missed digest once within the catch-up window, never twice, and not after it', async () => {
    assert.equal((await at('2026-11-30T09:00:00Z')).poster.posts.length, 1, 'three hours late');
    assert.equal((await at('2026-11-30T09:01:00Z')).poster.posts.length, 0);
    // The next week: the bot is back only after the window.
    assert.equal((await at('2026-12-07T18:31:00Z')).poster.posts.length, 0, 'twelve hours and one minute late');
  });

  it('does not post for a time before the subscription began', async () => {
    await store.digestSubscriptions.save({ ...(await store.digestSubscriptions.get(CHAT))!, createdAt: new Date('2026-11-30T07:00:00Z') });
    assert.equal((await at('2026-11-30T07:05:00Z')).poster.posts.length, 0);
  });

  it('retries 429 after its Retry-After and 502 with backoff, recording every attempt', async () => {
    const poster = new ScriptedPoster([
      { ok: false, status: 429, retryAfterMs: 3000 }, { ok: false, status: 502, retryAfterMs: null }, { ok: false, status: 412, retryAfterMs: null },
    ]);
    const { results, waits } = await at('2026-11-30T06:30:00Z', poster);
    assert.equal(poster.posts.length, 4);
    assert.equal(results[0]!.status, 'posted');
    assert.deepEqual(waits.filter((w) => w > 0), [3000, 1000, 2000], 'Retry-After, then half of 2 s and 4 s (random 0.5)');
    const [delivery] = await store.digestDeliveries.list(CONVERSATION, 1);
    const attempts = await store.digestDeliveries.attempts(delivery!.id);
    assert.deepEqual(attempts.map((a) => [a.attempt, a.httpStatus, a.outcome, a.retryInMs]), [
      [1, 429, 'retry', 3000], [2, 502, 'retry', 1000], [3, 412, 'retry', 2000], [4, 201, 'posted', null],
    ]);
    assert.equal(delivery!.status, 'posted');
  });

  it('gives up on a 500 without retrying, and records the failure', async () => {
    const poster = new ScriptedPoster([{ ok: false, status: 500, retryAfterMs: null }]);
    const { results } = await at('2026-11-30T06:30:00Z', poster);
    assert.equal(poster.posts.length, 1);
    assert.equal(results[0]!.status, 'failed');
    const [delivery] = await store.digestDeliveries.list(CONVERSATION, 1);
    assert.equal(delivery!.detail, 'HTTP 500 after 1 attempt(s)');
  });

  it('pauses the subscription when the bot was removed (403), saying why, and posts no more', async () => {
    const poster = new ScriptedPoster([{ ok: false, status: 403, retryAfterMs: null }]);
    assert.equal((await at('2026-11-30T06:30:00Z', poster)).results[0]!.status, 'paused');
    const paused = await store.digestSubscriptions.get(CHAT);
    assert.equal(paused!.status, 'paused');
    assert.match(paused!.pausedReason!, /removed.*403/);
    assert.equal((await at('2026-12-07T06:30:00Z')).poster.posts.length, 0);
  });
});

/** Two instances of the scheduler, each with its own connection, ticking at the same moment. */
function exactlyOnce(name: string, open: () => Promise<Store>) {
  it(`posts each digest exactly once with two scheduler instances on one ${name} database`, async () => {
    const [a, b] = [await open(), await open()];
    // Fresh conversation ids, so that a shared server database from an earlier run does not interfere.
    const channels = [`19:${randomUUID()}@thread.tacv2`, `19:${randomUUID()}@thread.tacv2`];
    try {
      for (const id of channels) {
        await a.conversations.save(conversationRecord({ conversationId: id }));
        await a.digestSubscriptions.save(subscription({ conversationId: id }));
      }
      const clock = new StepClock(new Date('2026-11-30T06:30:00Z'));
      const poster = new ScriptedPoster();
      for (let minute = 0; minute < 3; minute += 1) {
        clock.current = new Date(Date.UTC(2026, 10, 30, 6, 30 + minute));
        // One digest at a time per instance: two SQLite connections in one thread cannot wait for each
        // other (SQLite's busy wait blocks the thread that holds the lock too); separate processes can,
        // and test/e2e/several-instances-digests.test.ts posts with the default concurrency there.
        const atOnce = name === 'SQLite' ? 1 : undefined;
        await Promise.all([
          digestRig(a, clock, poster, 'instance-a', 12, atOnce).digests.runDue(clock.now()),
          digestRig(b, clock, poster, 'instance-b', 12, atOnce).digests.runDue(clock.now()),
        ]);
      }
      assert.deepEqual(poster.posts.map((p) => p.conversationId).filter((c) => channels.includes(c)).sort(), [...channels].sort());
      for (const id of channels) assert.equal((await b.digestDeliveries.list(id, 10)).length, 1);
    } finally {
      for (const id of channels) await a.digestSubscriptions.remove({ tenantId: CHAT.tenantId, conversationId: id });
      await a.close();
      await b.close();
    }
  });
}

describe('scheduled digests: several instances on one database', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trygghetsboten-digests-'));
  after(() => fs.rmSync(folder, { recursive: true, force: true }));
  const file = path.join(folder, 'shared.db');
  exactlyOnce('SQLite', () => createStore(`sqlite:${file}`));

  const mssqlUrl = process.env.MSSQL_URL;
  if (mssqlUrl) {
    exactlyOnce('SQL Server', () => createStore(mssqlUrl));
  } else {
    console.log('SQL Server exactly-once digest test skipped: MSSQL_URL is not set');
    it.skip('posts each digest exactly once with two scheduler instances on one SQL Server database (set MSSQL_URL)');
  }
});

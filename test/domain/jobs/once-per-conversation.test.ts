import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobLeases } from '../../../src/domain/jobs/job-leases';
import { count, finishedOrLeft, noPosts, OncePerConversation, PostsLeft, type PostResult } from '../../../src/domain/jobs/once-per-conversation';
import type { Store } from '../../../src/domain/ports/store.port';
import { createStore } from '../../../src/store/create-store';

const NOW = new Date('2026-10-01T06:05:00Z');
const CONVERSATIONS = ['19:a@thread.tacv2', '19:b@thread.tacv2', '19:c@thread.tacv2', '19:d@thread.tacv2'];

/**
 * A reminder job as the promise register's: under the job's lease, a post to every conversation, each
 * under its own; `post` says what the connector did (or throws, as a store or network failure does).
 */
function reminderJob(leases: JobLeases, post: (conversationId: string) => Promise<PostResult>) {
  const once = new OncePerConversation(leases);
  return (now: Date) => leases.run('reminder', '2026', now, async () => {
    const run = noPosts();
    for (const id of CONVERSATIONS) {
      count(run, await once.post('reminder', '2026', id, now, () => post(id)));
    }
    return finishedOrLeft(run);
  });
}

describe('a scheduled post once per conversation (two instances on one SQLite file)', function () {
  this.timeout(20_000);
  const dir = mkdtempSync(join(tmpdir(), 'trygghetsboten-once-'));
  let stores: Store[];
  let posted: string[];
  after(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(async () => {
    const file = join(dir, `${Date.now()}-${Math.random()}.db`);
    stores = [await createStore(`sqlite:${file}`), await createStore(`sqlite:${file}`)];
    posted = [];
  });
  afterEach(async () => { for (const s of stores) await s.close(); });

  it('When a run throws midway, then the other instance runs the period again and posts only to the conversations not reached', async function () {
    const a = reminderJob(new JobLeases(stores[0]!.jobLeases, 'a', 60_000), async (id) => {
      if (id === CONVERSATIONS[2]) throw new Error('database gone');
      posted.push(id);
      return 'posted';
    });
    const b = reminderJob(new JobLeases(stores[1]!.jobLeases, 'b', 60_000), async (id) => { posted.push(id); return 'posted'; });
    await assert.rejects(a(NOW), /database gone/);
    const retried = await b(NOW);
    assert.equal(retried.ran && retried.finished, true);
    assert.deepEqual(posted, [CONVERSATIONS[0], CONVERSATIONS[1], CONVERSATIONS[2], CONVERSATIONS[3]], 'each conversation once, in order');
    assert.deepEqual(retried.ran && retried.result, { posted: 2, gone: 0, failed: 0 });
    assert.deepEqual(await a(NOW), { ran: false, outcome: 'done' }, 'the period is done for both');
  });

  it('When a post fails, then the run ends with PostsLeft, its lease is let go, and the next run posts only that conversation', async function () {
    let cDown = true;
    const job = reminderJob(new JobLeases(stores[0]!.jobLeases, 'a', 60_000), async (id) => {
      if (id === CONVERSATIONS[2] && cDown) return 'failed';
      if (id === CONVERSATIONS[3]) return 'gone';
      posted.push(id);
      return 'posted';
    });
    const left = await job(NOW).then(() => null, (error: unknown) => error);
    assert.ok(left instanceof PostsLeft);
    assert.deepEqual(left.counts, { posted: 2, gone: 1, failed: 1 });
    cDown = false;
    const other = reminderJob(new JobLeases(stores[1]!.jobLeases, 'b', 60_000), async (id) => { posted.push(id); return 'posted'; });
    const retried = await other(new Date(NOW.getTime() + 60_000));
    assert.deepEqual(retried.ran && retried.result, { posted: 1, gone: 0, failed: 0 }, 'the gone one is not tried again');
    assert.deepEqual(posted, [CONVERSATIONS[0], CONVERSATIONS[1], CONVERSATIONS[2]]);
  });

  it('When the instance begins to stop while a post goes out, then that post counts as done and is not made again by the instance taking over', async function () {
    const leases = new JobLeases(stores[0]!.jobLeases, 'a', 60_000);
    const job = reminderJob(leases, async (id) => {
      posted.push(id);
      if (id === CONVERSATIONS[0]) leases.stopTaking();
      return 'posted';
    });
    await job(NOW);
    await leases.releaseAll();
    const other = reminderJob(new JobLeases(stores[1]!.jobLeases, 'b', 60_000), async (id) => { posted.push(id); return 'posted'; });
    await other(NOW);
    assert.deepEqual(posted, CONVERSATIONS, 'the first conversation once; the rest by the instance that took over');
  });

  it('When an instance dies while posting, then once its leases lapse the next run takes over the conversation it did not finish', async function () {
    // Its wall clock stands still at NOW: what it renews lapses in the test's time, as a dead one's does.
    const dying = new JobLeases(stores[0]!.jobLeases, 'a', 1_000, () => NOW);
    // The instance dies during the post to the second conversation: its run never ends.
    void reminderJob(dying, async (id) => {
      if (id === CONVERSATIONS[1]) return new Promise<PostResult>(() => undefined);
      posted.push(id);
      return 'posted';
    })(NOW);
    await new Promise((done) => setTimeout(done, 100));
    dying.stopTaking();
    const later = new Date(NOW.getTime() + 10 * 60_000);
    const other = await reminderJob(new JobLeases(stores[1]!.jobLeases, 'b', 60_000), async (id) => { posted.push(id); return 'posted'; })(later);
    assert.deepEqual(other.ran && other.result, { posted: 3, gone: 0, failed: 0 });
    assert.deepEqual(posted, CONVERSATIONS);
  });
});

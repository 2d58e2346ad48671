import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobLeases } from '../../../src/domain/jobs/job-leases';
import { PostingBudget } from '../../../src/domain/jobs/posting-budget';
import type { Store } from '../../../src/domain/ports/store.port';
import { createStore } from '../../../src/store/create-store';
import { budgetSlots, busiestSecond } from '../../support/budget-slots';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const NOW = new Date('2026-11-26T06:00:00Z');

describe('job leases (one run per period, whatever the number of instances)', function () {
  let store: Store;
  beforeEach(async () => { store = await createStore('sqlite::memory:'); });
  afterEach(async () => { await store.close(); });

  it('When two instances run the same period, then the work is done once; the period is then done for both', async function () {
    const a = new JobLeases(store.jobLeases, 'a', 60_000);
    const b = new JobLeases(store.jobLeases, 'b', 60_000);
    let runs = 0;
    const work = async () => { runs++; await sleep(20); return runs; };
    const [ra, rb] = await Promise.all([a.run('job', 'p1', NOW, work), b.run('job', 'p1', NOW, work)]);
    assert.equal(runs, 1);
    assert.deepEqual([ra.ran, rb.ran].sort(), [false, true]);
    assert.deepEqual(await b.run('job', 'p1', NOW, work), { ran: false, outcome: 'done' });
  });

  it('When the work fails, then the lease is let go at once and the next run (any instance) does it again', async function () {
    const a = new JobLeases(store.jobLeases, 'a', 60_000);
    const b = new JobLeases(store.jobLeases, 'b', 60_000);
    await assert.rejects(a.run('job', 'p1', NOW, async () => { throw new Error('boom'); }), /boom/);
    const again = await b.run('job', 'p1', new Date(), async () => 'ok');
    assert.equal(again.ran && again.outcome, 'taken_over');
  });

  it('While the work runs longer than the lease, then the holder renews it and nobody takes it over', async function () {
    const a = new JobLeases(store.jobLeases, 'a', 300);
    const b = new JobLeases(store.jobLeases, 'b', 300);
    const slow = a.run('job', 'p1', new Date(), async () => { await sleep(900); return 'done'; });
    await sleep(600);
    assert.deepEqual(await b.run('job', 'p1', new Date(), async () => 'twice'), { ran: false, outcome: 'held' });
    assert.equal((await slow).ran, true);
  });

  it('When the instance stops, then a run in progress ends unfinished, its lease is let go, and no new run starts', async function () {
    const a = new JobLeases(store.jobLeases, 'a', 60_000);
    const run = a.run('job', 'p1', new Date(), async () => { await sleep(50); return 'part'; });
    a.stopTaking();
    const ended = await run;
    assert.equal(ended.ran && ended.finished, false);
    assert.equal(await a.releaseAll(), 1);
    assert.deepEqual(await a.run('job', 'p2', new Date(), async () => 'x'), { ran: false, outcome: 'held' });
    const b = new JobLeases(store.jobLeases, 'b', 60_000);
    const taken = await b.run('job', 'p1', new Date(), async () => 'rest');
    assert.equal(taken.ran && taken.outcome, 'taken_over', 'another instance takes over without waiting for the lease');
  });
});

describe('the posting budget, shared through the database', function () {
  this.timeout(20_000);
  const dir = mkdtempSync(join(tmpdir(), 'trygghetsboten-budget-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('When two instances (two connections to one file) post for one tenant at once, then together they keep to the budget', async function () {
    const file = join(dir, 'budget.db');
    const stores = [await createStore(`sqlite:${file}`), await createStore(`sqlite:${file}`)];
    try {
      const times: number[] = [];
      const post = async (budget: PostingBudget, tenant: string) => { await budget.wait(tenant); times.push(Date.now()); };
      const budgets = stores.map((s) => new PostingBudget(s.postBudget, { perSecond: 10 }));
      const started = Date.now();
      const other = new PostingBudget(stores[0]!.postBudget, { perSecond: 10 });
      let otherTenant = 0;
      await Promise.all([
        ...budgets.flatMap((budget) => Array.from({ length: 15 }, () => post(budget, 'tenant-1'))),
        ...Array.from({ length: 10 }, () => other.wait('tenant-2').then(() => { otherTenant++; })),
      ]);
      const took = Date.now() - started;
      assert.equal(times.length, 30);
      assert.ok(took >= 2_400, `30 posts at 10 a second take about 3 s together (not 1.5 s each alone), took ${took} ms`);
      // What both instances took, as the database counted it (when a wait resolves depends on the
      // machine's load; the slots do not): at most 10 in any sliding second, 30 in all.
      const slots = budgetSlots(file, 'tenant-1');
      assert.equal(slots.reduce((sum, slot) => sum + slot.used, 0), 30);
      assert.ok(busiestSecond(slots) <= 10, `at most 10 in any second: ${busiestSecond(slots)}`);
      assert.equal(otherTenant, 10, 'another tenant has its own budget');
    } finally {
      for (const s of stores) await s.close();
    }
  });
});

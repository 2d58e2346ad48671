import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { budgetSlotMs, PostingBudget, proactiveLimit } from '../../../src/domain/jobs/posting-budget';
import type { Store } from '../../../src/domain/ports/store.port';
import { createStore } from '../../../src/store/create-store';
import { budgetSlots, busiestSecond } from '../../support/budget-slots';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('the posting budget: answers to users first, proactive posts fill what is left (issue 14)', function () {
  this.timeout(30_000);
  const dir = mkdtempSync(join(tmpdir(), 'trygghetsboten-answers-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  let stores: Store[] = [];
  /** `count` connections to one file, as `count` instances have (opened one after the other: the first migrates). */
  const open = async (file: string, count: number) => {
    for (let i = 0; i < count; i++) stores.push(await createStore(`sqlite:${file}`));
    return stores;
  };
  afterEach(async () => { for (const s of stores) await s.close(); stores = []; });

  it('When nobody answers, then proactive posts take all but one post of Teams\' 30; once answers are seen, they leave a fifth', function () {
    assert.equal(budgetSlotMs(30), 35, 'one post every 35 ms: 28.6 a second');
    for (const perSecond of [2, 5, 10, 25, 30]) {
      // perSecond posts, one a slot, span more than a second: no sliding second holds more than perSecond - 1.
      assert.ok((perSecond - 1) * budgetSlotMs(perSecond) > 1000, `${perSecond} a second`);
    }
    assert.equal(proactiveLimit(30, false), 29);
    assert.equal(proactiveLimit(30, true), 24);
    assert.equal(proactiveLimit(10, true), 8);
    assert.equal(proactiveLimit(1, true), 1, 'proactive posts are never stopped entirely');
  });

  it('When the budget is taken by digests waiting for their turn, then an answer is counted at once, not queued behind them', async function () {
    const file = join(dir, 'queued.db');
    const [store] = await open(file, 1);
    // Time stands still: a digest that finds no room waits for a later slot that never comes.
    const waiting: number[] = [];
    const budget = new PostingBudget(store!.postBudget, {
      perSecond: 2, now: () => Date.parse('2026-12-07T06:30:00.000Z'), sleep: (ms) => { waiting.push(ms); return new Promise(() => undefined); },
    });
    let digestsPosted = 0;
    const digests = Array.from({ length: 3 }, () => budget.wait('tenant-1').then(() => { digestsPosted++; }));
    await until(() => waiting.length > 0);
    await budget.countAnswer('tenant-1');
    await budget.countAnswer('tenant-1');
    assert.equal(digestsPosted, 1, 'one digest took the second\'s room; the others still wait');
    const [slot] = budgetSlots(file, 'tenant-1');
    assert.deepEqual({ used: slot!.used, interactive: slot!.interactive }, { used: 1, interactive: 2 }, 'both answers counted in the slot they went out in');
    void digests;
  });

  it('When answers come during a fan-out by two instances, then no sliding second holds more posts than the tenant\'s budget, as the slots counted', async function () {
    const file = join(dir, 'fan-out.db');
    const [a, b] = await open(file, 2);
    const perSecond = 10;
    const budgets = [new PostingBudget(a!.postBudget, { perSecond }), new PostingBudget(b!.postBudget, { perSecond })];
    let fanOutDone = false;
    let taken = 0;
    const fanOut = Promise.all(budgets.flatMap((budget) => Array.from({ length: 20 }, () => budget.wait('tenant-1').then(() => { taken++; }))))
      .then(() => { fanOutDone = true; });
    // One answer unannounced once the fan-out has filled its second, then answers at most as often as
    // the fifth left for them (2 a second here): never two within a second of each other's slots.
    await until(() => taken >= perSecond - 1);
    let answers = 0;
    await budgets[0]!.countAnswer('tenant-1');
    answers++;
    await sleep(1_100);
    while (!fanOutDone) {
      await budgets[answers % 2]!.countAnswer('tenant-1');
      answers++;
      await sleep(600);
    }
    await fanOut;
    const slots = budgetSlots(file, 'tenant-1');
    assert.equal(slots.reduce((sum, s) => sum + s.used, 0), 40, 'every proactive post counted once');
    assert.equal(slots.reduce((sum, s) => sum + s.interactive, 0), answers, 'every answer counted');
    assert.ok(answers >= 3, `answers came during the fan-out: ${answers}`);
    assert.ok(busiestSecond(slots) <= perSecond, `at most ${perSecond} posts of both kinds in any second: ${busiestSecond(slots)}`);
    assert.ok(busiestSecond(slots, (s) => s.used) >= perSecond - 1, 'with nobody answering, proactive posts used the budget up to one post');
  });
});

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 1_000 && !ok(); i++) await sleep(10);
  assert.ok(ok(), 'the condition came about');
}

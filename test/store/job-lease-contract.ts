import assert from 'node:assert/strict';
import type { Store } from '../../src/domain/ports/store.port';
import type { Place } from '../../src/domain/place';
import { T0, at } from './store-fixtures';

const MINUTE = 60_000;
const lease = (holder: string, now: Date, over: { job?: string; periodKey?: string; ms?: number } = {}) => ({
  job: over.job ?? 'hotspot-reminders', periodKey: over.periodKey ?? '2026-11-26T06:00', holder, now, until: new Date(now.getTime() + (over.ms ?? 2 * MINUTE)),
});

/** Job leases and the shared posting budget (several instances): part of the store contract. */
export function jobLeaseContract(ctx: () => { store: Store; place: Place }): void {
  describe('job leases', function () {
    it('gives a period to one holder; the others see it held, and done once finished', async function () {
      const { jobLeases } = ctx().store;
      assert.equal(await jobLeases.acquire(lease('a', T0)), 'acquired');
      assert.equal(await jobLeases.acquire(lease('b', at(1))), 'held');
      assert.equal(await jobLeases.acquire(lease('a', at(1))), 'held', 'not twice by the same holder either');
      assert.equal(await jobLeases.acquire(lease('b', at(1), { periodKey: '2026-11-26T06:15' })), 'acquired', 'another period is another lease');
      assert.equal(await jobLeases.acquire(lease('b', at(1), { job: 'retention' })), 'acquired', 'another job is another lease');
      assert.equal(await jobLeases.finish('hotspot-reminders', '2026-11-26T06:00', 'b', at(1)), false, 'only the holder finishes');
      assert.equal(await jobLeases.finish('hotspot-reminders', '2026-11-26T06:00', 'a', at(1)), true);
      assert.equal(await jobLeases.acquire(lease('b', at(60))), 'done', 'a finished period is never run again, even long after');
      assert.equal(await jobLeases.prune(at(1)), 0, 'finished at at(1): not before it');
      assert.equal(await jobLeases.prune(at(2)), 1, 'finished leases are pruned; unfinished ones stay');
      assert.equal(await jobLeases.acquire(lease('c', at(60), { job: 'retention' })), 'held');
    });

    it('keeps the finished leases of the jobs excepted from pruning (their period outlasts the pruning age)', async function () {
      const { jobLeases } = ctx().store;
      await jobLeases.acquire(lease('a', T0, { job: 'strategic-meeting-reminder', periodKey: '2026' }));
      await jobLeases.acquire(lease('a', T0));
      await jobLeases.finish('strategic-meeting-reminder', '2026', 'a', T0);
      await jobLeases.finish('hotspot-reminders', '2026-11-26T06:00', 'a', T0);
      assert.equal(await jobLeases.prune(at(1), ['strategic-meeting-reminder']), 1, 'only the other job\'s lease goes');
      assert.equal(await jobLeases.acquire(lease('b', at(2), { job: 'strategic-meeting-reminder', periodKey: '2026' })), 'done', 'the year is still done');
      assert.equal(await jobLeases.prune(at(1)), 1, 'without the exception it goes too');
    });

    it('is taken over once it lapsed, by one holder only; the old holder can then neither renew nor finish it', async function () {
      const { jobLeases } = ctx().store;
      assert.equal(await jobLeases.acquire(lease('a', T0)), 'acquired');
      const lapsed = new Date(T0.getTime() + 2 * MINUTE);
      const outcomes = await Promise.all(['b', 'c', 'd'].map((h) => jobLeases.acquire(lease(h, lapsed))));
      assert.deepEqual(outcomes.filter((o) => o === 'taken_over').length, 1, `one takes over: ${outcomes.join(', ')}`);
      assert.equal(await jobLeases.renew('hotspot-reminders', '2026-11-26T06:00', 'a', new Date(lapsed.getTime() + MINUTE)), false);
      assert.equal(await jobLeases.finish('hotspot-reminders', '2026-11-26T06:00', 'a', lapsed), false);
    });

    it('is kept by renewing it, and let go at once by releasing it', async function () {
      const { jobLeases } = ctx().store;
      await jobLeases.acquire(lease('a', T0));
      assert.equal(await jobLeases.renew('hotspot-reminders', '2026-11-26T06:00', 'a', new Date(T0.getTime() + 10 * MINUTE)), true);
      assert.equal(await jobLeases.acquire(lease('b', new Date(T0.getTime() + 5 * MINUTE))), 'held', 'renewed: still held');
      await jobLeases.acquire(lease('a', T0, { job: 'retention', periodKey: '2026-11-26' }));
      assert.equal(await jobLeases.releaseAll('a', at(1)), 2);
      assert.equal(await jobLeases.acquire(lease('b', at(1))), 'taken_over', 'released: another instance takes over at once');
      assert.equal(await jobLeases.acquire(lease('b', at(1), { job: 'retention', periodKey: '2026-11-26' })), 'taken_over');
      assert.equal(await jobLeases.releaseAll('a', at(2)), 0, 'nothing left to release');
    });
  });

  describe('posting budget', function () {
    it('counts posts per tenant and slot, never more than the slot allows, also when taken at once', async function () {
      const { postBudget } = ctx().store;
      const slot = new Date('2026-11-26T06:00:00.200Z');
      const taken = await Promise.all(Array.from({ length: 12 }, () => postBudget.take('tenant-1', slot, 5)));
      assert.equal(taken.filter(Boolean).length, 5);
      assert.equal(await postBudget.take('tenant-2', slot, 5), true, 'another tenant has its own budget');
      assert.equal(await postBudget.take('tenant-1', new Date(slot.getTime() + 200), 5), true, 'the next slot has room again');
      assert.equal(await postBudget.prune(new Date(slot.getTime() + 200)), 2, 'old slots are removed');
      assert.equal(await postBudget.take('tenant-1', new Date(slot.getTime() + 200), 5), true);
    });

    it('takes a proactive post only while the window has room, answers counted in it; answers are counted whatever the slot holds', async function () {
      const { postBudget } = ctx().store;
      const at = (ms: number) => new Date(Date.parse('2026-11-26T06:00:00.000Z') + ms);
      const window = (slotMs: number, limit: number) => ({ from: at(slotMs - 100), limit });
      // Three slots of 20 ms in a window of 100 ms with room for three posts of either kind.
      assert.equal(await postBudget.take('tenant-1', at(0), 1, window(0, 3)), true, 'a new slot, opened with the post');
      await postBudget.countAnswer('tenant-1', at(20));
      await postBudget.countAnswer('tenant-1', at(20));
      assert.equal(await postBudget.take('tenant-1', at(20), 1, window(20, 4)), true, 'the answers\' slot still takes a proactive post');
      const taken = await Promise.all(Array.from({ length: 4 }, () => postBudget.take('tenant-1', at(40), 1, window(40, 4))));
      assert.equal(taken.filter(Boolean).length, 0, 'the window holds 4 already: 2 posts and 2 answers');
      await postBudget.countAnswer('tenant-1', at(40));
      assert.equal(await postBudget.answersSince('tenant-1', at(20)), 3);
      assert.equal(await postBudget.answersSince('tenant-1', at(60)), 0);
      assert.equal(await postBudget.answersSince('tenant-2', at(0)), 0, 'another tenant\'s answers are its own');
      assert.equal(await postBudget.take('tenant-1', at(140), 1, window(140, 3)), true, 'the old slots left the window');
      assert.equal(await postBudget.take('tenant-2', at(40), 1, window(40, 1)), true, 'another tenant has its own budget');
    });
  });
}

/** The statements above, for the T-SQL check: every job lease and budget statement, compiled for SQL Server. */
export const JOB_STATEMENTS = [
  'insert into "job_leases"', 'update "job_leases" set "holder" = @1, "leased_until" = @2',
  'update "job_leases" set "leased_until" = @1', 'update "job_leases" set "finished_at" = @1', 'delete from "job_leases"',
  'select "finished_at", "leased_until" from "job_leases"',
  'update "post_budget_slots" set "used" = "used" + @1', 'insert into "post_budget_slots"', 'delete from "post_budget_slots"',
  'update "post_budget_slots" set "interactive" = "interactive" + @1',
  'insert into "post_budget_slots" ("tenant_id", "slot_at", "used", "interactive") select',
  'select coalesce(sum("interactive"), 0) as "answers" from "post_budget_slots"',
  'update "post_budget_slots" set "used" = "used" + @1 where "tenant_id" = @2 and "slot_at" = @3 and "used" < @4 and (select coalesce(sum(',
];

export async function exerciseJobRepositories(store: Store): Promise<void> {
  const { jobLeases, postBudget } = store;
  await jobLeases.acquire(lease('a', T0));
  await jobLeases.acquire(lease('b', new Date(T0.getTime() + 3 * MINUTE)));
  await jobLeases.acquire(lease('c', new Date(T0.getTime() + 3 * MINUTE)));
  await jobLeases.renew('hotspot-reminders', '2026-11-26T06:00', 'b', new Date(T0.getTime() + 9 * MINUTE));
  await jobLeases.finish('hotspot-reminders', '2026-11-26T06:00', 'b', at(5));
  await jobLeases.releaseAll('b', at(5));
  await jobLeases.prune(at(6));
  const slot = new Date('2026-11-26T06:00:00.200Z');
  await postBudget.take('tenant-1', slot, 1);
  await postBudget.take('tenant-1', slot, 1);
  const window = { from: new Date(slot.getTime() - 1_000), limit: 3 };
  await postBudget.take('tenant-1', new Date(slot.getTime() + 20), 1, window);
  await postBudget.take('tenant-1', new Date(slot.getTime() + 20), 1, window);
  await postBudget.countAnswer('tenant-1', slot);
  await postBudget.countAnswer('tenant-1', new Date(slot.getTime() + 40));
  await postBudget.answersSince('tenant-1', slot);
  await postBudget.prune(slot);
}

import type { ExpressionBuilder, Kysely } from 'kysely';
import type { BudgetWindow, JobLeaseRepository, PostBudgetRepository } from '../../domain/ports/jobs.port';
import { upsert } from './duplicates';
import { toDate } from '../row-values';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';

export function createJobLeaseRepository(db: Kysely<Database>, dialect: StoreDialect): JobLeaseRepository {
  return {
    /**
     * The primary key (job, period_key) decides: one insert wins. Taking over re-checks, in the same
     * update, that the lease is unfinished and has lapsed, so that of two instances that both see it
     * stale only one changes the row.
     */
    async acquire(r) {
      // A read first: a period already done or validly held costs no write (and no wait for the write
      // lock, which on SQLite would hold up every request of this instance while another one writes).
      const seen = await db.selectFrom('job_leases').select(['finished_at', 'leased_until'])
        .where('job', '=', r.job).where('period_key', '=', r.periodKey).executeTakeFirst();
      if (seen && seen.finished_at !== null) return 'done';
      if (seen && toDate(seen.leased_until) > r.now) return 'held';
      if (!seen) try {
        await db.insertInto('job_leases').values({ job: r.job, period_key: r.periodKey, holder: r.holder, leased_until: r.until, finished_at: null }).execute();
        return 'acquired';
      } catch (error) {
        if (!dialect.isUniqueViolation(error)) throw error;
      }
      const takeover = await db.updateTable('job_leases').set({ holder: r.holder, leased_until: r.until })
        .where('job', '=', r.job).where('period_key', '=', r.periodKey)
        .where('finished_at', 'is', null).where('leased_until', '<=', r.now)
        .executeTakeFirst();
      if (takeover.numUpdatedRows > 0n) return 'taken_over';
      const row = await db.selectFrom('job_leases').select(['finished_at', 'leased_until'])
        .where('job', '=', r.job).where('period_key', '=', r.periodKey).executeTakeFirst();
      return row && row.finished_at !== null ? 'done' : 'held';
    },

    async renew(job, periodKey, holder, until) {
      const result = await db.updateTable('job_leases').set({ leased_until: until })
        .where('job', '=', job).where('period_key', '=', periodKey).where('holder', '=', holder).where('finished_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async finish(job, periodKey, holder, at) {
      const result = await db.updateTable('job_leases').set({ finished_at: at })
        .where('job', '=', job).where('period_key', '=', periodKey).where('holder', '=', holder).where('finished_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async prune(before, except = []) {
      const result = await db.deleteFrom('job_leases').where('finished_at', '<', before)
        .$if(except.length > 0, (q) => q.where('job', 'not in', [...except]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async releaseAll(holder, now) {
      const result = await db.updateTable('job_leases').set({ leased_until: now })
        .where('holder', '=', holder).where('finished_at', 'is', null).where('leased_until', '>', now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}

export function createPostBudgetRepository(db: Kysely<Database>, dialect: StoreDialect): PostBudgetRepository {
  /** Whether the window (slots after `from`, up to `slotAt`) holds fewer than `limit` posts, answers included. */
  const windowHasRoom = (tenantId: string, slotAt: Date, window: BudgetWindow) => (eb: ExpressionBuilder<Database, keyof Database>) => {
    const counted = eb.selectFrom('post_budget_slots as w')
      .select((w) => w.fn.coalesce(w.fn.sum<number>(w('w.used', '+', w.ref('w.interactive'))), w.lit(0)).as('posts'))
      .where('w.tenant_id', '=', tenantId).where('w.slot_at', '>', window.from).where('w.slot_at', '<=', slotAt);
    return eb(counted, '<', window.limit);
  };
  /** One conditional increment: the database counts, so that two instances never both take the last post. */
  const increment = async (tenantId: string, slotAt: Date, perSlot: number, window: BudgetWindow | undefined) => {
    const result = await db.updateTable('post_budget_slots').set((eb) => ({ used: eb('used', '+', 1) }))
      .where('tenant_id', '=', tenantId).where('slot_at', '=', slotAt).where('used', '<', perSlot)
      .$if(window !== undefined, (q) => q.where(windowHasRoom(tenantId, slotAt, window!)))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  };
  /** Opens the slot with this post in it, if the window has room; null when another instance opened it first. */
  const open = async (tenantId: string, slotAt: Date, window: BudgetWindow | undefined): Promise<boolean | null> => {
    const insert = db.insertInto('post_budget_slots');
    try {
      const result = await (window
        ? insert.columns(['tenant_id', 'slot_at', 'used', 'interactive'])
          .expression(db.selectNoFrom((eb) => [eb.val(tenantId).as('tenant_id'), eb.val(slotAt).as('slot_at'), eb.lit(1).as('used'), eb.lit(0).as('interactive')])
            .where(windowHasRoom(tenantId, slotAt, window)))
        : insert.values({ tenant_id: tenantId, slot_at: slotAt, used: 1 })
      ).executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    } catch (error) {
      if (!dialect.isUniqueViolation(error)) throw error;
      return null;
    }
  };
  return {
    async take(tenantId, slotAt, perSlot, window) {
      if (await increment(tenantId, slotAt, perSlot, window)) return true;
      const opened = await open(tenantId, slotAt, window);
      // Opened by another instance at the same moment (or before): count in it if it still has room.
      return opened ?? increment(tenantId, slotAt, perSlot, window);
    },

    async lastTaken(tenantId, from) {
      const row = await db.selectFrom('post_budget_slots').select((eb) => eb.fn.max('slot_at').as('last'))
        .where('tenant_id', '=', tenantId).where('slot_at', '>=', from).where('used', '>', 0)
        .executeTakeFirst();
      return row?.last ? toDate(row.last) : null;
    },

    async countAnswer(tenantId, slotAt, posts = 1) {
      const bump = async () => (await db.updateTable('post_budget_slots').set((eb) => ({ interactive: eb('interactive', '+', posts) }))
        .where('tenant_id', '=', tenantId).where('slot_at', '=', slotAt).executeTakeFirst()).numUpdatedRows;
      await upsert(dialect, bump, () => db.insertInto('post_budget_slots').values({ tenant_id: tenantId, slot_at: slotAt, used: 0, interactive: posts }).execute());
    },

    async answersSince(tenantId, since) {
      const row = await db.selectFrom('post_budget_slots')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('interactive'), eb.lit(0)).as('answers'))
        .where('tenant_id', '=', tenantId).where('slot_at', '>=', since)
        .executeTakeFirst();
      return Number(row?.answers ?? 0);
    },

    async prune(before) {
      const result = await db.deleteFrom('post_budget_slots').where('slot_at', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

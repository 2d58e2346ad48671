import type { Kysely } from 'kysely';
import type { JobLeaseRepository, PostBudgetRepository } from '../../domain/ports/jobs.port';
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

    async prune(before) {
      const result = await db.deleteFrom('job_leases').where('finished_at', '<', before).executeTakeFirst();
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
  /** One conditional increment: the database counts, so that two instances never both take the last post. */
  const increment = async (tenantId: string, slotAt: Date, perSlot: number) => {
    const result = await db.updateTable('post_budget_slots').set((eb) => ({ used: eb('used', '+', 1) }))
      .where('tenant_id', '=', tenantId).where('slot_at', '=', slotAt).where('used', '<', perSlot)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  };
  return {
    async take(tenantId, slotAt, perSlot) {
      if (await increment(tenantId, slotAt, perSlot)) return true;
      try {
        await db.insertInto('post_budget_slots').values({ tenant_id: tenantId, slot_at: slotAt, used: 1 }).execute();
        return true;
      } catch (error) {
        if (!dialect.isUniqueViolation(error)) throw error;
      }
      // Another instance opened the slot at the same moment: count in it if it still has room.
      return increment(tenantId, slotAt, perSlot);
    },

    async prune(before) {
      const result = await db.deleteFrom('post_budget_slots').where('slot_at', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

import type { Kysely } from 'kysely';
import type { RetentionCount, RetentionRepository } from '../../domain/ports/retention.port';
import type { Database } from '../schema';

// What stays is what the lägesbild and hot spots count; what goes is every word and every person.
const REMOVED = '[borttagen enligt gallringsregel]';
const NOBODY = { reporter_id: 'gallrad', reporter_name: '', assignee_id: null, assignee_name: null };

export function createRetentionRepository(db: Kysely<Database>): RetentionRepository {
  return {
    anonymiseBefore: (cutoff, now) => db.transaction().execute(async (trx) => {
      const day = cutoff.toISOString().slice(0, 10);
      const incidents = trx.selectFrom('incidents').where('occurred_at', '<', cutoff).where('anonymised_at', 'is', null);
      const activities = trx.selectFrom('activities').where('activity_date', '<', day).where('anonymised_at', 'is', null);
      const counts = new Map<string, RetentionCount>();
      const count = (tenantId: string) => counts.get(tenantId) ?? counts.set(tenantId, { tenantId, incidents: 0, activities: 0 }).get(tenantId)!;
      for (const r of await incidents.select(['tenant_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('tenant_id').execute()) {
        count(r.tenant_id).incidents = Number(r.n);
      }
      for (const r of await activities.select(['tenant_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('tenant_id').execute()) {
        count(r.tenant_id).activities = Number(r.n);
      }
      await trx.updateTable('incidents')
        .set({ ...NOBODY, description: REMOVED, school: null, police_report_number: null, anonymised_at: now, updated_at: now })
        .where('occurred_at', '<', cutoff).where('anonymised_at', 'is', null).execute();
      await trx.updateTable('activities')
        .set({ ...NOBODY, notes: REMOVED, anonymised_at: now, updated_at: now })
        .where('activity_date', '<', day).where('anonymised_at', 'is', null).execute();
      return [...counts.values()];
    }),
  };
}

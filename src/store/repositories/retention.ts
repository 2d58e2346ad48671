import type { Kysely } from 'kysely';
import type { RetentionRepository } from '../../domain/ports/retention.port';
import type { Database } from '../schema';

// What stays is what the lägesbild and hot spots count; what goes is every word and every person.
const REMOVED = '[borttagen enligt gallringsregel]';
const NOBODY = { reporter_id: 'gallrad', reporter_name: '', assignee_id: null, assignee_name: null };

export function createRetentionRepository(db: Kysely<Database>): RetentionRepository {
  return {
    anonymiseBefore: (cutoff, now) => db.transaction().execute(async (trx) => {
      const incidents = await trx.updateTable('incidents')
        .set({ ...NOBODY, description: REMOVED, school: null, police_report_number: null, anonymised_at: now, updated_at: now })
        .where('occurred_at', '<', cutoff).where('anonymised_at', 'is', null)
        .executeTakeFirst();
      const day = cutoff.toISOString().slice(0, 10);
      const activities = await trx.updateTable('activities')
        .set({ ...NOBODY, notes: REMOVED, anonymised_at: now, updated_at: now })
        .where('activity_date', '<', day).where('anonymised_at', 'is', null)
        .executeTakeFirst();
      return { incidents: Number(incidents.numUpdatedRows), activities: Number(activities.numUpdatedRows) };
    }),
  };
}

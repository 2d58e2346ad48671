import type { ExpressionBuilder, Kysely } from 'kysely';
import type { RetentionCount, RetentionRepository } from '../../domain/ports/retention.port';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';

// What stays is what the lägesbild, the hot spot counts and the effect calculation count; what goes is
// every word and every person.
const REMOVED = '[borttagen enligt gallringsregel]';
const GONE_ID = 'gallrad';
const NOBODY = { reporter_id: GONE_ID, reporter_name: '', assignee_id: null, assignee_name: null };

type Counted = Exclude<keyof RetentionCount, 'tenantId'>;

export function createRetentionRepository(db: Kysely<Database>, dialect: StoreDialect): RetentionRepository {
  return {
    anonymiseBefore: (cutoff, now) => db.transaction().execute(async (trx) => {
      const day = cutoff.toISOString().slice(0, 10);
      const counts = new Map<string, RetentionCount>();
      const add = (what: Counted, rows: { tenant_id: string; n: number | string | bigint }[]) => {
        for (const r of rows) {
          const count = counts.get(r.tenant_id) ?? { tenantId: r.tenant_id, incidents: 0, activities: 0, hotspots: 0, measures: 0, profiles: 0 };
          count[what] = Number(r.n);
          counts.set(r.tenant_id, count);
        }
      };

      // Reports: those that happened before the cutoff. Visits to hot spots are activities.
      const oldIncident = (eb: ExpressionBuilder<Database, 'incidents'>) => eb.and([eb('incidents.occurred_at', '<', cutoff), eb('incidents.anonymised_at', 'is', null)]);
      const oldActivity = (eb: ExpressionBuilder<Database, 'activities'>) => eb.and([eb('activities.activity_date', '<', day), eb('activities.anonymised_at', 'is', null)]);
      add('incidents', await trx.selectFrom('incidents').where(oldIncident)
        .select(['tenant_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('tenant_id').execute());
      add('activities', await trx.selectFrom('activities').where(oldActivity)
        .select(['tenant_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('tenant_id').execute());
      await trx.updateTable('incidents')
        .set({ ...NOBODY, description: REMOVED, school: null, police_report_number: null, resolution: null, anonymised_at: now, updated_at: now })
        .where(oldIncident).execute();
      await trx.updateTable('activities')
        .set({ ...NOBODY, notes: REMOVED, anonymised_at: now, updated_at: now })
        .where(oldActivity).execute();

      // Hot spots last changed before the cutoff (closed or left alone since): the analysis and the
      // people go; place, stage, owner organisation and dates stay. One changed again after it was
      // anonymised is anonymised again once that change is old too.
      const oldHotspot = (eb: ExpressionBuilder<Database, 'hotspots'>) => eb.and([
        eb('hotspots.updated_at', '<', cutoff),
        eb.or([eb('hotspots.anonymised_at', 'is', null), eb('hotspots.anonymised_at', '<', eb.ref('hotspots.updated_at'))]),
      ]);
      add('hotspots', await trx.selectFrom('hotspots').where(oldHotspot)
        .select(['tenant_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('tenant_id').execute());
      await trx.updateTable('hotspots')
        .set((eb) => ({
          // An unanswered question stays unanswered; an answer is replaced.
          analysis_who: eb.case().when('analysis_who', 'is not', null).then(REMOVED).end(),
          analysis_what: eb.case().when('analysis_what', 'is not', null).then(REMOVED).end(),
          analysis_when: eb.case().when('analysis_when', 'is not', null).then(REMOVED).end(),
          analysis_why: eb.case().when('analysis_why', 'is not', null).then(REMOVED).end(),
          owner_id: GONE_ID, owner_name: '', created_by_id: GONE_ID, created_by_name: '',
          // A card drawn before keeps its old version: a save from it is a conflict, not a revival of the text.
          version: eb('version', '+', 1), anonymised_at: now,
        }))
        .where(oldHotspot).execute();

      // Measures created before the cutoff: the text and the person go; organisation, dates and done stay.
      const oldMeasure = (eb: ExpressionBuilder<Database, 'hotspot_measures'>) =>
        eb.and([eb('hotspot_measures.created_at', '<', cutoff), eb('hotspot_measures.anonymised_at', 'is', null)]);
      add('measures', await trx.selectFrom('hotspot_measures').innerJoin('hotspots', 'hotspots.id', 'hotspot_measures.hotspot_id')
        .where(oldMeasure).select(['hotspots.tenant_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('hotspots.tenant_id').execute());
      await trx.updateTable('hotspot_measures')
        .set({ what: REMOVED, created_by_id: GONE_ID, created_by_name: '', anonymised_at: now })
        .where(oldMeasure).execute();

      // Profiles of users not seen since the cutoff: name, chat id and school go with the row. The audit
      // trail, memberships and coordinators keep only ids.
      const unseen = (eb: ExpressionBuilder<Database, 'user_profiles'>) => eb.or([
        eb('user_profiles.last_seen_at', '<', cutoff),
        eb.and([eb('user_profiles.last_seen_at', 'is', null), eb('user_profiles.updated_at', '<', cutoff)]),
      ]);
      add('profiles', await trx.selectFrom('user_profiles').where(unseen)
        .select(['tenant_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('tenant_id').execute());
      await trx.deleteFrom('user_profiles').where(unseen).execute();

      return [...counts.values()];
    }),

    eraseRemnants: () => (dialect.eraseRemnants ? dialect.eraseRemnants(db) : Promise.resolve(true)),
  };
}

import type { ExpressionBuilder, Kysely } from 'kysely';
import type { RetentionCount, RetentionRepository } from '../../domain/ports/retention.port';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { incidentDayOf, recountIncidentDays } from './incident-calendar-counts';
import { createRecordRetention } from './record-retention';
import { inBatches, REMOVED, tenantTally } from './retention-batches';
import { localDay } from '../../domain/date-limits';
import { STOCKHOLM } from '../../domain/periods';

export { RETENTION_BATCH } from './retention-batches';

// What stays is what the lägesbild, the hot spot counts and the effect calculation count; what goes is
// every word and every person.
const GONE_ID = 'gallrad';
const NOBODY = { reporter_id: GONE_ID, reporter_name: '', assignee_id: null, assignee_name: null };

type Counted = Exclude<keyof RetentionCount, 'tenantId'>;

const tenantsOf = (rows: { tenant_id: string }[]) => rows.map((r) => r.tenant_id);

export function createRetentionRepository(db: Kysely<Database>, dialect: StoreDialect): RetentionRepository {
  return {
    async anonymiseBefore(cutoff, now) {
      // The cutoff is the start of a Stockholm day (23:00 or 22:00 UTC the day before): that day's calendar date.
      const day = localDay(cutoff, STOCKHOLM);
      const tally = tenantTally<Counted>(['incidents', 'activities', 'hotspots', 'measures', 'profiles']);
      const countFor = async (what: Counted, tenants: string[], anonymise: (tenantId: string, size: number) => Promise<bigint>) => {
        for (const tenantId of tenants) tally.add(tenantId, what, await inBatches((size) => anonymise(tenantId, size)));
      };

      // Reports: those that happened before the cutoff. Visits to hot spots are activities.
      const oldIncident = (eb: ExpressionBuilder<Database, 'incidents'>) => eb.and([eb('incidents.occurred_at', '<', cutoff), eb('incidents.anonymised_at', 'is', null)]);
      const oldActivity = (eb: ExpressionBuilder<Database, 'activities'>) => eb.and([eb('activities.activity_date', '<', day), eb('activities.anonymised_at', 'is', null)]);
      await countFor('incidents', tenantsOf(await db.selectFrom('incidents').where(oldIncident).select('tenant_id').distinct().execute()),
        // The school goes: the days counted by school are counted again, in the batch's transaction.
        (tenantId, size) => db.transaction().execute(async (trx) => {
          const batch = await trx.selectFrom('incidents').select(['id', 'tenant_id', 'conversation_id', 'occurred_at', 'school'])
            .where('incidents.tenant_id', '=', tenantId).where(oldIncident).limit(size).execute();
          if (batch.length === 0) return 0n;
          const { numUpdatedRows } = await trx.updateTable('incidents')
            .set({ ...NOBODY, description: REMOVED, school: null, police_report_number: null, resolution: null, anonymised_at: now, updated_at: now })
            // Still old and not yet anonymised: another writer may have got there first.
            .where('id', 'in', batch.map((r) => r.id)).where(oldIncident)
            .executeTakeFirst();
          await recountIncidentDays(trx, dialect, batch.filter((r) => r.school !== null).map(incidentDayOf));
          return numUpdatedRows;
        }));
      await countFor('activities', tenantsOf(await db.selectFrom('activities').where(oldActivity).select('tenant_id').distinct().execute()),
        async (tenantId, size) => (await db.updateTable('activities')
          .set((eb) => ({
            ...NOBODY, notes: REMOVED, anonymised_at: now, updated_at: now,
            // That the follow-up was done stays; who did it goes.
            follow_up_done_by: eb.case().when('follow_up_done_by', 'is not', null).then(GONE_ID).end(),
          }))
          .where('id', 'in', (eb) => eb.selectFrom('activities').select('activities.id').where('activities.tenant_id', '=', tenantId).where(oldActivity).limit(size))
          .executeTakeFirst()).numUpdatedRows);

      // Hot spots last changed before the cutoff (closed or left alone since): the analysis and the
      // people go; place, stage, owner organisation and dates stay. One changed again after it was
      // anonymised is anonymised again once that change is old too.
      const oldHotspot = (eb: ExpressionBuilder<Database, 'hotspots'>) => eb.and([
        eb('hotspots.updated_at', '<', cutoff),
        eb.or([eb('hotspots.anonymised_at', 'is', null), eb('hotspots.anonymised_at', '<', eb.ref('hotspots.updated_at'))]),
      ]);
      await countFor('hotspots', tenantsOf(await db.selectFrom('hotspots').where(oldHotspot).select('tenant_id').distinct().execute()),
        async (tenantId, size) => (await db.updateTable('hotspots')
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
          .where('id', 'in', (eb) => eb.selectFrom('hotspots').select('hotspots.id').where('hotspots.tenant_id', '=', tenantId).where(oldHotspot).limit(size))
          .executeTakeFirst()).numUpdatedRows);

      // Measures created before the cutoff: the text and the person go; organisation, dates and done stay.
      const oldMeasure = (eb: ExpressionBuilder<Database, 'hotspot_measures'>) =>
        eb.and([eb('hotspot_measures.created_at', '<', cutoff), eb('hotspot_measures.anonymised_at', 'is', null)]);
      const measuresOf = (tenantId: string | null) => db.selectFrom('hotspot_measures').innerJoin('hotspots', 'hotspots.id', 'hotspot_measures.hotspot_id')
        .where(oldMeasure).$if(tenantId !== null, (q) => q.where('hotspots.tenant_id', '=', tenantId!));
      await countFor('measures', tenantsOf(await measuresOf(null).select('hotspots.tenant_id').distinct().execute()),
        async (tenantId, size) => (await db.updateTable('hotspot_measures')
          .set({ what: REMOVED, created_by_id: GONE_ID, created_by_name: '', anonymised_at: now })
          .where('id', 'in', measuresOf(tenantId).select('hotspot_measures.id').limit(size))
          .executeTakeFirst()).numUpdatedRows);

      // Profiles of users not seen since the cutoff: name, chat id and school go with the row. The audit
      // trail, memberships and coordinators keep only ids.
      const unseen = (eb: ExpressionBuilder<Database, 'user_profiles'>) => eb.or([
        eb('user_profiles.last_seen_at', '<', cutoff),
        eb.and([eb('user_profiles.last_seen_at', 'is', null), eb('user_profiles.updated_at', '<', cutoff)]),
      ]);
      await countFor('profiles', tenantsOf(await db.selectFrom('user_profiles').where(unseen).select('tenant_id').distinct().execute()),
        async (tenantId, size) => (await db.deleteFrom('user_profiles').where('tenant_id', '=', tenantId)
          .where('user_id', 'in', (eb) => eb.selectFrom('user_profiles').select('user_profiles.user_id').where('user_profiles.tenant_id', '=', tenantId).where(unseen).limit(size))
          .executeTakeFirst()).numDeletedRows);

      return tally.counts();
    },

    ...createRecordRetention(db),

    eraseRemnants: () => (dialect.eraseRemnants ? dialect.eraseRemnants(db) : Promise.resolve(true)),
  };
}

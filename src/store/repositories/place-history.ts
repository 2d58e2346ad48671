import { sql, type Kysely, type RawBuilder } from 'kysely';
import { writeAudit } from './audit';
import type { PlaceHistoryRepository, PlaceWeeklyCounts } from '../../domain/ports/hotspots.port';
import { toCalendarDay, toDate } from '../row-values';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { incidentDayOf, recountIncidentDays } from './incident-calendar-counts';
import { byTimeThenId, selectInChunks } from './in-chunks';
import { reportInScope } from './scopes';

// What happened at places, read where it is stored: hot spots are attached by place, never copied.
// The counts combine every conversation of the scope's tenant and never reach into another tenant.

export function createPlaceHistoryRepository(db: Kysely<Database>, dialect: StoreDialect): PlaceHistoryRepository {
  return {
    async incidents(scope, placeIds, from, to) {
      if (placeIds !== null && placeIds.length === 0) return [];
      const query = db.selectFrom('incidents').select(['id', 'ref', 'place_id', 'occurred_at', 'category'])
        .where('tenant_id', '=', scope.tenantId)
        .where('occurred_at', '>=', from).where('occurred_at', '<', to)
        .orderBy('occurred_at').orderBy('id');
      const rows = placeIds === null
        ? await query.execute()
        : await selectInChunks(placeIds, (chunk) => query.where('place_id', 'in', chunk).execute(), byTimeThenId((r) => r.occurred_at));
      return rows.map((r) => ({ id: r.id, ref: r.ref, placeId: r.place_id, occurredAt: toDate(r.occurred_at), category: r.category }));
    },

    // Counted in SQL: the emerging rule needs a handful of numbers per place, not every incident row of
    // the period. The week bounds are parameters, so both engines bucket exactly as the domain's calendar.
    async weeklyIncidentCounts(scope, weeks) {
      if (weeks.length === 0) return [];
      assertConsecutive(weeks);
      const bucketed = db.selectFrom('incidents').select(['place_id', 'occurred_at', weekBucket(weeks, 0, weeks.length - 1).as('week')])
        .where('tenant_id', '=', scope.tenantId)
        .where('occurred_at', '>=', weeks[0]!.from).where('occurred_at', '<', weeks[weeks.length - 1]!.to);
      const rows = await db.selectFrom(bucketed.as('b'))
        .select((eb) => ['b.place_id', 'b.week', eb.fn.countAll<number>().as('n'), eb.fn.min('b.occurred_at').as('first_at')])
        .groupBy(['b.place_id', 'b.week'])
        .execute();
      const byPlace = new Map<string, PlaceWeeklyCounts>();
      for (const r of rows) {
        const firstAt = toDate(r.first_at);
        const place = byPlace.get(r.place_id) ?? { placeId: r.place_id, counts: new Array<number>(weeks.length).fill(0), firstAt };
        place.counts[Number(r.week)] = Number(r.n);
        if (firstAt < place.firstAt) place.firstAt = firstAt;
        byPlace.set(r.place_id, place);
      }
      return [...byPlace.values()];
    },

    async visits(scope, placeIds, types) {
      if (placeIds.length === 0 || types.length === 0) return [];
      const rows = await selectInChunks(placeIds, (chunk) => db.selectFrom('activities').select(['id', 'ref', 'place_id', 'type', 'activity_date', 'people_met'])
        .where('tenant_id', '=', scope.tenantId)
        .where('place_id', 'in', chunk).where('type', 'in', [...types])
        .orderBy('activity_date').orderBy('id').execute(), byTimeThenId((r) => r.activity_date));
      return rows.map((r) => ({ id: r.id, ref: r.ref, placeId: r.place_id ?? '', type: r.type, date: toCalendarDay(r.activity_date), peopleMet: r.people_met }));
    },

    withdrawIncident: (scope, id, expectedVersion, actorId, now) => db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('incidents').select(['ref', 'tenant_id', 'conversation_id', 'occurred_at', 'version'])
        .where('id', '=', id).where(reportInScope('incidents', scope)).executeTakeFirst();
      if (!row) return 'missing';
      const { numDeletedRows } = await trx.deleteFrom('incidents')
        .where('id', '=', id).where('version', '=', expectedVersion).where(reportInScope('incidents', scope))
        .executeTakeFirst();
      if (numDeletedRows === 0n) return 'conflict';
      await recountIncidentDays(trx, dialect, [incidentDayOf(row)]);
      await writeAudit(trx, { at: now, tenantId: row.tenant_id, actorId, action: 'report.deleted', entityKind: 'incident', entityId: id, entityRef: row.ref, detail: null });
      return 'ok';
    }),
  };
}

type Week = { from: Date; to: Date };

/**
 * The index of the week a row's occurred_at falls in, as a CASE that halves the weeks at each step: a
 * row costs about log2(weeks) comparisons instead of one or two per week (SQL Server nests CASE at
 * most 10 deep, enough for 1024 weeks).
 */
function weekBucket(weeks: readonly Week[], lo: number, hi: number): RawBuilder<number> {
  if (lo === hi) return sql<number>`${sql.lit(lo)}`;
  const mid = (lo + hi) >> 1;
  return sql<number>`case when ${sql.ref('occurred_at')} < ${weeks[mid]!.to} then ${weekBucket(weeks, lo, mid)} else ${weekBucket(weeks, mid + 1, hi)} end`;
}

/** The buckets only hold when each week starts where the one before ends, as calendar weeks do. */
function assertConsecutive(weeks: readonly Week[]): void {
  for (let i = 1; i < weeks.length; i++) {
    if (weeks[i]!.from.getTime() !== weeks[i - 1]!.to.getTime()) throw new Error('Weekly counts need consecutive weeks');
  }
}

import { sql, type Kysely } from 'kysely';
import { writeAudit } from './audit';
import type { PlaceHistoryRepository } from '../../domain/ports/hotspots.port';
import { toCalendarDay, toDate } from '../row-values';
import type { Database } from '../schema';
import { byTimeThenId, selectInChunks } from './in-chunks';
import { reportInScope } from './scopes';

// What happened at places, read where it is stored: hot spots are attached by place, never copied.
// The counts combine every conversation of the scope's tenant and never reach into another tenant.

export function createPlaceHistoryRepository(db: Kysely<Database>): PlaceHistoryRepository {
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
      const week = sql<number>`case ${sql.join(weeks.map((w, i) => sql`when ${sql.ref('occurred_at')} >= ${w.from} and ${sql.ref('occurred_at')} < ${w.to} then ${sql.lit(i)}`), sql` `)} end`;
      const bucketed = db.selectFrom('incidents').select(['place_id', 'occurred_at', week.as('week')])
        .where('tenant_id', '=', scope.tenantId)
        .where('occurred_at', '>=', weeks[0]!.from).where('occurred_at', '<', weeks[weeks.length - 1]!.to);
      const rows = await db.selectFrom(bucketed.as('b'))
        .select((eb) => ['b.place_id', 'b.week', eb.fn.countAll<number>().as('n'), eb.fn.min('b.occurred_at').as('first_at')])
        .where('b.week', 'is not', null)
        .groupBy(['b.place_id', 'b.week'])
        .execute();
      const byPlace = new Map<string, { placeId: string; counts: number[]; firstAt: Date }>();
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
      const row = await trx.selectFrom('incidents').select(['ref', 'tenant_id', 'version'])
        .where('id', '=', id).where(reportInScope('incidents', scope)).executeTakeFirst();
      if (!row) return 'missing';
      const { numDeletedRows } = await trx.deleteFrom('incidents')
        .where('id', '=', id).where('version', '=', expectedVersion).where(reportInScope('incidents', scope))
        .executeTakeFirst();
      if (numDeletedRows === 0n) return 'conflict';
      await writeAudit(trx, { at: now, tenantId: row.tenant_id, actorId, action: 'report.deleted', entityKind: 'incident', entityId: id, entityRef: row.ref, detail: null });
      return 'ok';
    }),
  };
}

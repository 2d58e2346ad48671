import type { Kysely } from 'kysely';
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

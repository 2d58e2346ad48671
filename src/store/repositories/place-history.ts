import type { Kysely } from 'kysely';
import type { PlaceHistoryRepository } from '../../domain/ports/hotspots.port';
import { toCalendarDay, toDate } from '../row-values';
import type { Database } from '../schema';

// What happened at places, read where it is stored: hot spots are attached by place, never copied.

export function createPlaceHistoryRepository(db: Kysely<Database>): PlaceHistoryRepository {
  return {
    async incidents(placeIds, from, to) {
      if (placeIds !== null && placeIds.length === 0) return [];
      let query = db.selectFrom('incidents').select(['id', 'ref', 'place_id', 'occurred_at', 'category'])
        .where('occurred_at', '>=', from).where('occurred_at', '<', to);
      if (placeIds !== null) query = query.where('place_id', 'in', [...placeIds]);
      const rows = await query.orderBy('occurred_at').orderBy('id').execute();
      return rows.map((r) => ({ id: r.id, ref: r.ref, placeId: r.place_id, occurredAt: toDate(r.occurred_at), category: r.category }));
    },

    async visits(placeIds, types) {
      if (placeIds.length === 0 || types.length === 0) return [];
      const rows = await db.selectFrom('activities').select(['id', 'ref', 'place_id', 'type', 'activity_date', 'people_met'])
        .where('place_id', 'in', [...placeIds]).where('type', 'in', [...types])
        .orderBy('activity_date').orderBy('id').execute();
      return rows.map((r) => ({ id: r.id, ref: r.ref, placeId: r.place_id ?? '', type: r.type, date: toCalendarDay(r.activity_date), peopleMet: r.people_met }));
    },

    async withdrawIncident(id, expectedVersion) {
      const { numDeletedRows } = await db.deleteFrom('incidents').where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
      if (numDeletedRows > 0n) return 'ok';
      const stillThere = await db.selectFrom('incidents').select('id').where('id', '=', id).executeTakeFirst();
      return stillThere ? 'conflict' : 'missing';
    },
  };
}

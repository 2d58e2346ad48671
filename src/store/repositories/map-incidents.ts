import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { MapIncidentRepository, MapIncidentRow, MapSchoolFilter } from '../../domain/ports/map-incidents.port';
import { INCIDENT_CATEGORIES, ORGANISATIONS, REPORT_STATUSES, SEVERITIES } from '../../domain/vocabulary';
import { toCode, toDate } from '../row-values';
import type { Database } from '../schema';
import { byTimeThenId, selectInChunks } from './in-chunks';
import { checkedLimit } from './limits';

/**
 * The lägesbild tab's incidents: the conversation's own (tenant AND conversation), filtered in SQL.
 * Only the columns a marker or a table row shows are read: the description and the people never leave
 * the database through the tab.
 */
export function createMapIncidentRepository(db: Kysely<Database>): MapIncidentRepository {
  return {
    async list(scope, query, limit) {
      const school = query.school;
      const select = (placeIds: string[] | null) => db.selectFrom('incidents')
        .select(['id', 'ref', 'occurred_at', 'category', 'severity', 'organisation', 'status', 'place_id', 'place_name', 'school'])
        .where('tenant_id', '=', scope.tenantId).where('conversation_id', '=', scope.conversationId)
        .where('occurred_at', '>=', query.range.from).where('occurred_at', '<', query.range.to)
        .$if(query.categories.length > 0, (q) => q.where('category', 'in', [...query.categories]))
        .$if(query.organisation !== null, (q) => q.where('organisation', '=', query.organisation!))
        .$if(school !== null, (q) => q.where((eb) => schoolMatches(eb, school!)))
        .$if(placeIds !== null, (q) => q.where('place_id', 'in', placeIds!))
        .orderBy('occurred_at', 'desc').orderBy('id')
        .limit(checkedLimit(limit))
        .execute();
      if (query.placeIds !== null && query.placeIds.length === 0) return [];
      const newestFirst = byTimeThenId<{ id: string; occurred_at: Date | string }>((r) => r.occurred_at);
      const rows = query.placeIds === null
        ? await select(null)
        : await selectInChunks(query.placeIds, select, (a, b) => newestFirst(b, a));
      return rows.slice(0, limit).map((r): MapIncidentRow => ({
        ref: r.ref, occurredAt: toDate(r.occurred_at), category: toCode(INCIDENT_CATEGORIES, r.category, 'category'),
        severity: toCode(SEVERITIES, r.severity, 'severity'), organisation: toCode(ORGANISATIONS, r.organisation, 'organisation'),
        status: toCode(REPORT_STATUSES, r.status, 'status'), placeId: r.place_id, placeName: r.place_name, school: r.school,
      }));
    },

    async untiedSchoolNames(scope, limit) {
      const rows = await db.selectFrom('incidents').select('school').distinct()
        .where('tenant_id', '=', scope.tenantId).where('conversation_id', '=', scope.conversationId)
        .where('school_id', 'is', null).where('school', 'is not', null)
        .orderBy('school')
        .limit(checkedLimit(limit))
        .execute();
      return rows.flatMap((r) => (r.school === null ? [] : [r.school]));
    },
  };
}

/** A register school by id; a free-text school only on incidents not tied to the register (their name is history). */
function schoolMatches(eb: ExpressionBuilder<Database, 'incidents'>, school: MapSchoolFilter): Expression<SqlBool> {
  return 'id' in school ? eb('school_id', '=', school.id) : eb.and([eb('school_id', 'is', null), eb('school', '=', school.name)]);
}

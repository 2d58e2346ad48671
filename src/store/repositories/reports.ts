import { sql, type ExpressionBuilder, type Kysely, type SqlBool, type Expression } from 'kysely';
import type { ReportListFilter, ReportListRepository } from '../../domain/ports/store.port';
import type { ReportKind, ReportSummary } from '../../domain/report';
import { REPORT_STATUSES } from '../../domain/vocabulary';
import { toCalendarDay, toCode, toDate } from '../row-values';
import type { Database } from '../schema';
import { checkedLimit } from './limits';
import { reportInScope, type ReportTable } from './scopes';

export function createReportListRepository(db: Kysely<Database>): ReportListRepository {
  return {
    async latest(scope, limit, filter = {}) {
      const incidents = db.selectFrom('incidents')
        .select(['id', 'ref', 'status', 'created_at', 'occurred_at as occurred', 'place_name', 'category as topic', sql.lit<ReportKind>('incident').as('kind')])
        .where(reportInScope('incidents', scope))
        .where((eb) => narrowedTo(eb, 'incidents', filter));
      const activities = db.selectFrom('activities')
        .select(['id', 'ref', 'status', 'created_at', 'activity_date as occurred', 'place_name', 'type as topic', sql.lit<ReportKind>('activity').as('kind')])
        .where(reportInScope('activities', scope))
        .where((eb) => narrowedTo(eb, 'activities', filter));
      // Activities first: their nullable place_name sets the union's row type. An activity's day sorts
      // before the incidents of that day (a DATE below a DATETIME2 of the same day; 'YYYY-MM-DD' below its ISO times).
      const rows = await db.selectFrom(activities.unionAll(incidents).as('report'))
        .selectAll()
        .orderBy('occurred', 'desc')
        .orderBy('created_at', 'desc')
        .orderBy('ref', 'desc')
        .limit(checkedLimit(limit))
        .execute();
      return rows.map((row): ReportSummary => ({
        kind: row.kind,
        id: row.id,
        ref: row.ref,
        status: toCode(REPORT_STATUSES, row.status, 'status'),
        createdAt: toDate(row.created_at),
        occurred: row.kind === 'incident' ? { at: toDate(row.occurred) } : { day: toCalendarDay(row.occurred) },
        topic: row.topic,
        placeName: row.place_name,
      }));
    },

    async schoolNames(scope, limit) {
      const rows = await db.selectFrom('incidents').select('school').distinct()
        .where(reportInScope('incidents', scope))
        .where('school', 'is not', null)
        .orderBy('school')
        .limit(checkedLimit(limit))
        .execute();
      return rows.flatMap((r) => (r.school === null ? [] : [r.school]));
    },
  };
}

/** The filter's conditions on one report table; activities have no school, only a place. */
function narrowedTo(eb: ExpressionBuilder<Database, ReportTable>, table: ReportTable, filter: ReportListFilter): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.openOnly) conditions.push(eb(`${table}.status`, '<>', 'atgardad'));
  if (filter.involving !== undefined) {
    conditions.push(eb.or([eb(`${table}.reporter_id`, '=', filter.involving), eb(`${table}.assignee_id`, '=', filter.involving)]));
  }
  if (filter.school) {
    const { placeIds, names } = filter.school;
    const atSchool = [
      ...(placeIds.length > 0 ? [eb(`${table}.place_id`, 'in', [...placeIds])] : []),
      ...(names.length > 0 && table === 'incidents' ? [eb('incidents.school', 'in', [...names])] : []),
    ];
    conditions.push(atSchool.length > 0 ? eb.or(atSchool) : sql<SqlBool>`1 = 0`);
  }
  return eb.and(conditions);
}

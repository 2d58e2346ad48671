import { sql, type ExpressionBuilder, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { ReportListFilter, ReportListRepository, ReportSearch } from '../../domain/ports/store.port';
import type { ReportKind, ReportSummary } from '../../domain/report';
import type { ReportScope } from '../../domain/scope';
import { REPORT_STATUSES } from '../../domain/vocabulary';
import { toCalendarDay, toCode, toDate } from '../row-values';
import type { Database } from '../schema';
import { checkedLimit } from './limits';
import { reportInScope, type ReportTable } from './scopes';

/** Which reports of the scope a list holds: `senaste`'s filter, the one with a number, or those a search matches. */
type Selection = { list: ReportListFilter } | { ref: string } | { search: ReportSearch };

export function createReportListRepository(db: Kysely<Database>): ReportListRepository {
  /** Latest occurred first, incidents and activities of the scope that `selection` lets through, at most `limit`. */
  const summaries = async (scope: ReportScope, selection: Selection, limit: number): Promise<ReportSummary[]> => {
    const incidents = db.selectFrom('incidents')
      .select(['id', 'ref', 'status', 'created_at', 'occurred_at as occurred', 'place_name', 'category as topic', sql.lit<ReportKind>('incident').as('kind')])
      .where(reportInScope('incidents', scope))
      .where((eb) => selected(eb, 'incidents', scope, selection));
    const activities = db.selectFrom('activities')
      .select(['id', 'ref', 'status', 'created_at', 'activity_date as occurred', 'place_name', 'type as topic', sql.lit<ReportKind>('activity').as('kind')])
      .where(reportInScope('activities', scope))
      .where((eb) => selected(eb, 'activities', scope, selection));
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
  };
  return {
    latest: (scope, limit, filter = {}) => summaries(scope, { list: filter }, limit),
    byRef: async (scope, ref) => (await summaries(scope, { ref }, 1))[0] ?? null,
    search: (scope, search, limit) => summaries(scope, { search }, limit),

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

function selected(eb: ExpressionBuilder<Database, ReportTable>, table: ReportTable, scope: ReportScope, selection: Selection): Expression<SqlBool> {
  if ('list' in selection) return narrowedTo(eb, table, selection.list);
  if ('ref' in selection) return eb(`${table}.ref`, '=', selection.ref);
  return matching(table, scope, selection.search);
}

/** `senaste`'s filter on one report table; activities have no school, only a place. */
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

/**
 * A search as SQL on `table`'s columns: either matches. A place matches by its key (placeKey keeps
 * letters, digits and spaces only, so the LIKE pattern has no wildcard of the user's), among the
 * tenant's own places.
 */
function matching(table: ReportTable, scope: ReportScope, search: ReportSearch): RawBuilder<SqlBool> {
  const column = (name: 'place_id' | 'category' | 'type') => sql.ref(`${table}.${name}`);
  const either: RawBuilder<unknown>[] = [];
  if (search.placeKey !== '') {
    either.push(sql`${column('place_id')} in (select id from places where tenant_id = ${scope.tenantId} and name_key like ${`%${search.placeKey}%`})`);
  }
  if (search.topics.length > 0) either.push(sql`${column(table === 'incidents' ? 'category' : 'type')} in (${sql.join([...search.topics])})`);
  return either.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`(${sql.join(either, sql` or `)})`;
}

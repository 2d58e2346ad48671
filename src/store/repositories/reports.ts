import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { ReportListRepository, ReportSearch } from '../../domain/ports/store.port';
import type { ReportKind, ReportSummary } from '../../domain/report';
import type { ReportScope } from '../../domain/scope';
import { REPORT_STATUSES } from '../../domain/vocabulary';
import { toCode, toDate } from '../row-values';
import type { Database } from '../schema';
import { checkedLimit } from './limits';
import { reportInScope, type ReportTable } from './scopes';

/** Which reports of the scope a list holds: all, the one with a number, or those a search matches. */
type Filter = { all: true } | { ref: string } | ReportSearch;

export function createReportListRepository(db: Kysely<Database>): ReportListRepository {
  /** Newest first, incidents and activities of the scope that `filter` lets through, at most `limit`. */
  const summaries = async (scope: ReportScope, filter: Filter, limit: number): Promise<ReportSummary[]> => {
    const incidents = db.selectFrom('incidents')
      .select(['id', 'ref', 'status', 'created_at', 'place_name', 'category as topic', sql.lit<ReportKind>('incident').as('kind')])
      .where(reportInScope('incidents', scope)).where(matching('incidents', scope, filter));
    const activities = db.selectFrom('activities')
      .select(['id', 'ref', 'status', 'created_at', 'place_name', 'type as topic', sql.lit<ReportKind>('activity').as('kind')])
      .where(reportInScope('activities', scope)).where(matching('activities', scope, filter));
    // Activities first: their nullable place_name sets the union's row type.
    const rows = await db.selectFrom(activities.unionAll(incidents).as('report'))
      .selectAll()
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
      topic: row.topic,
      placeName: row.place_name,
    }));
  };
  return {
    latest: (scope, limit) => summaries(scope, { all: true }, limit),
    byRef: async (scope, ref) => (await summaries(scope, { ref }, 1))[0] ?? null,
    search: (scope, search, limit) => summaries(scope, search, limit),
  };
}

/**
 * The filter as SQL on `table`'s columns. A place matches by its key (placeKey keeps letters, digits
 * and spaces only, so the LIKE pattern has no wildcard of the user's), among the tenant's own places.
 */
function matching(table: ReportTable, scope: ReportScope, filter: Filter): RawBuilder<SqlBool> {
  const column = (name: 'ref' | 'place_id' | 'category' | 'type') => sql.ref(`${table}.${name}`);
  if ('all' in filter) return sql<SqlBool>`1 = 1`;
  if ('ref' in filter) return sql<SqlBool>`${column('ref')} = ${filter.ref}`;
  const either: RawBuilder<unknown>[] = [];
  if (filter.placeKey !== '') {
    either.push(sql`${column('place_id')} in (select id from places where tenant_id = ${scope.tenantId} and name_key like ${`%${filter.placeKey}%`})`);
  }
  if (filter.topics.length > 0) either.push(sql`${column(table === 'incidents' ? 'category' : 'type')} in (${sql.join([...filter.topics])})`);
  return either.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`(${sql.join(either, sql` or `)})`;
}

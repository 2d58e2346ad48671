import { sql, type Kysely } from 'kysely';
import type { ReportListRepository } from '../../domain/ports/store.port';
import type { ReportKind, ReportSummary } from '../../domain/report';
import { REPORT_STATUSES } from '../../domain/vocabulary';
import { toCode, toDate } from '../row-values';
import type { Database } from '../schema';
import { checkedLimit } from './limits';
import { reportInScope } from './scopes';

export function createReportListRepository(db: Kysely<Database>): ReportListRepository {
  return {
    async latest(scope, limit) {
      const incidents = db.selectFrom('incidents')
        .select(['id', 'ref', 'status', 'created_at', 'place_name', 'category as topic', sql.lit<ReportKind>('incident').as('kind')])
        .where(reportInScope('incidents', scope));
      const activities = db.selectFrom('activities')
        .select(['id', 'ref', 'status', 'created_at', 'place_name', 'type as topic', sql.lit<ReportKind>('activity').as('kind')])
        .where(reportInScope('activities', scope));
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
    },
  };
}

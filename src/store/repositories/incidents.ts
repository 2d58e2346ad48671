import type { Kysely, UpdateResult } from 'kysely';
import type { IncidentRepository } from '../../domain/ports/store.port';
import type { Incident, IncidentFields } from '../../domain/report';
import type { ReportScope } from '../../domain/scope';
import { INCIDENT_CATEGORIES, SEVERITIES } from '../../domain/vocabulary';
import { everyColumn, prepareQuery, type InsertRow } from '../prepared-query';
import { toCode, toDate } from '../row-values';
import type { Database, IncidentRow } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { countNewIncident, incidentDayOf, recountIncidentDays } from './incident-calendar-counts';
import { changedReportColumns, newReportColumns, toReportBase } from './report-columns';
import { createNumberedReport, updateVersionedReport } from './report-writes';
import { reportIdBySubmitKey, reportInScope } from './scopes';

// The insert of every report submit: prepared (prepared-query.ts).
const insertIncident = prepareQuery<InsertRow<'incidents'>>()((db, p) => db.insertInto('incidents').values(everyColumn('incidents', p)));

const incidentIdBySubmitKey = reportIdBySubmitKey('incidents');

export function createIncidentRepository(db: Kysely<Database>, dialect: StoreDialect): IncidentRepository {
  return {
    create: (report) =>
      createNumberedReport(db, dialect, 'incident', report, async (trx, ref) => {
        const row = { ...newReportColumns(report, ref), ...incidentColumns(report.fields), resolution: null };
        await insertIncident.affected(trx, row);
        await countNewIncident(trx, dialect, row);
        return toIncident(row);
      }),

    get: (scope, id) => findIncident(db, scope, id),

    findBySubmitKey: async (scope, submitKey) => {
      const id = await incidentIdBySubmitKey(db, scope, submitKey);
      return id === undefined ? null : findIncident(db, scope, id);
    },

    update: (scope, change) =>
      updateVersionedReport(db, 'incidents', scope, change,
        (trx) => recountingChangedDays(trx, dialect, scope, change.fields ? change.id : null, () => trx.updateTable('incidents')
          .set((eb) => ({
            ...(change.fields ? incidentColumns(change.fields) : {}),
            ...changedReportColumns(change),
            ...(change.resolution !== undefined ? { resolution: change.resolution } : {}),
            version: eb('version', '+', 1),
          }))
          .where('id', '=', change.id)
          .where('version', '=', change.expectedVersion)
          .where(reportInScope('incidents', scope))
          .executeTakeFirst()),
        (trx) => findIncident(trx, scope, change.id)),
  };
}

/**
 * Runs an update of incident `id` (null: one that changes no counted column, such as its status) and
 * counts again the days it was on before and is on after, in the update's transaction.
 */
async function recountingChangedDays(
  trx: Kysely<Database>, dialect: StoreDialect, scope: ReportScope, id: string | null, update: () => Promise<UpdateResult>,
): Promise<UpdateResult> {
  if (id === null) return update();
  const dayOf = async () => {
    const row = await trx.selectFrom('incidents').select(['tenant_id', 'conversation_id', 'occurred_at'])
      .where('id', '=', id).where(reportInScope('incidents', scope)).executeTakeFirst();
    return row ? [incidentDayOf(row)] : [];
  };
  const before = await dayOf();
  const result = await update();
  if (result.numUpdatedRows > 0n) await recountIncidentDays(trx, dialect, [...before, ...(await dayOf())]);
  return result;
}

async function findIncident(db: Kysely<Database>, scope: ReportScope, id: string): Promise<Incident | null> {
  const row = await db.selectFrom('incidents').selectAll()
    .where('id', '=', id).where(reportInScope('incidents', scope)).executeTakeFirst();
  return row ? toIncident(row) : null;
}

function incidentColumns(fields: IncidentFields) {
  return {
    occurred_at: fields.occurredAt,
    place_id: fields.placeId,
    place_name: fields.placeName,
    category: fields.category,
    description: fields.description,
    severity: fields.severity,
    organisation: fields.organisation,
    school: fields.school,
    youth_involved: fields.youthInvolved,
    police_report_number: fields.policeReportNumber,
    school_id: fields.schoolId,
    concern_reported: fields.concernReported,
  };
}

function toIncident(row: IncidentRow): Incident {
  return {
    kind: 'incident',
    ...toReportBase(row),
    occurredAt: toDate(row.occurred_at),
    placeId: row.place_id,
    placeName: row.place_name,
    category: toCode(INCIDENT_CATEGORIES, row.category, 'category'),
    description: row.description,
    severity: toCode(SEVERITIES, row.severity, 'severity'),
    school: row.school,
    youthInvolved: row.youth_involved,
    policeReportNumber: row.police_report_number,
    resolution: row.resolution ?? null,
    schoolId: row.school_id,
    concernReported: row.concern_reported === null ? null : Boolean(row.concern_reported),
  };
}

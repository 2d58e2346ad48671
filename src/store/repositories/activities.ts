import type { Kysely } from 'kysely';
import type { ActivityRepository } from '../../domain/ports/store.port';
import type { Activity, ActivityFields } from '../../domain/report';
import type { ReportScope } from '../../domain/scope';
import { ACTIVITY_TYPES, ORGANISATIONS, type Organisation } from '../../domain/vocabulary';
import { WALK_FINDINGS } from '../../domain/schools/walk-checklist';
import { everyColumn, prepareQuery, type InsertRow } from '../prepared-query';
import { toCalendarDay, toCalendarDayOrNull, toCode, toDate } from '../row-values';
import type { ActivityRow, Database } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { changedReportColumns, newReportColumns, toReportBase } from './report-columns';
import { createNumberedReport, updateVersionedReport } from './report-writes';
import { reportIdBySubmitKey, reportInScope } from './scopes';

const activityIdBySubmitKey = reportIdBySubmitKey('activities');

// The insert of every activity submit: prepared (prepared-query.ts).
const insertActivity = prepareQuery<InsertRow<'activities'>>()((db, p) => db.insertInto('activities').values(everyColumn('activities', p)));

export function createActivityRepository(db: Kysely<Database>, dialect: StoreDialect): ActivityRepository {
  return {
    create: (report) =>
      createNumberedReport(db, dialect, 'activity', report, async (trx, ref) => {
        const row = { ...newReportColumns(report, ref), ...activityColumns(report.fields), ...notFollowedUp() };
        await insertActivity.affected(trx, row);
        // A new activity has no organisations to replace yet: they are only inserted.
        return toActivity(row, await insertOrganisations(trx, row.id, report.fields.organisations));
      }),

    get: (scope, id) => findActivity(db, scope, id),

    findBySubmitKey: async (scope, submitKey) => {
      const id = await activityIdBySubmitKey(db, scope, submitKey);
      return id === undefined ? null : findActivity(db, scope, id);
    },

    update: (scope, change) =>
      updateVersionedReport(db, 'activities', scope, change,
        async (trx) => {
          const result = await trx.updateTable('activities')
            .set((eb) => ({
              ...(change.fields ? activityColumns(change.fields) : {}),
              // A follow-up moved to another day is a new one, not yet done (SET reads the row as it was).
              ...(change.fields ? {
                follow_up_done_at: eb.case().when('follow_up_date', '=', change.fields.followUpDate).then(eb.ref('follow_up_done_at')).else(null).end().$castTo<Date | null>(),
                follow_up_done_by: eb.case().when('follow_up_date', '=', change.fields.followUpDate).then(eb.ref('follow_up_done_by')).else(null).end().$castTo<string | null>(),
              } : {}),
              ...(change.followUpDone ? { follow_up_done_at: change.now, follow_up_done_by: change.actorId } : {}),
              ...changedReportColumns(change),
              version: eb('version', '+', 1),
            }))
            .where('id', '=', change.id)
            .where('version', '=', change.expectedVersion)
            .where(reportInScope('activities', scope))
            .executeTakeFirst();
          if (change.fields && result.numUpdatedRows > 0n) {
            await replaceOrganisations(trx, change.id, change.fields.organisations);
          }
          return result;
        },
        (trx) => findActivity(trx, scope, change.id)),
  };
}

async function findActivity(db: Kysely<Database>, scope: ReportScope, id: string): Promise<Activity | null> {
  const row = await db.selectFrom('activities').selectAll()
    .where('id', '=', id).where(reportInScope('activities', scope)).executeTakeFirst();
  if (!row) return null;
  const organisations = await db.selectFrom('activity_organisations').select('organisation')
    .where('activity_id', '=', id).orderBy('position').execute();
  return toActivity(row, organisations.map((o) => toCode(ORGANISATIONS, o.organisation, 'organisation')));
}

/** The organisations taking part are a set kept in the order given: a repeat is stored once, where it first came. */
async function insertOrganisations(trx: Kysely<Database>, activityId: string, organisations: readonly Organisation[]): Promise<Organisation[]> {
  const set = [...new Set(organisations)];
  if (set.length > 0) {
    await trx.insertInto('activity_organisations')
      .values(set.map((organisation, position) => ({ activity_id: activityId, organisation, position })))
      .execute();
  }
  return set;
}

async function replaceOrganisations(
  trx: Kysely<Database>, activityId: string, organisations: readonly Organisation[],
): Promise<Organisation[]> {
  await trx.deleteFrom('activity_organisations').where('activity_id', '=', activityId).execute();
  return insertOrganisations(trx, activityId, organisations);
}

function activityColumns(fields: ActivityFields) {
  return {
    type: fields.type,
    activity_date: fields.date,
    place_id: fields.placeId,
    place_name: fields.placeName,
    organisation: fields.organisation,
    notes: fields.notes,
    people_met: fields.peopleMet,
    follow_up_date: fields.followUpDate,
    commitment_id: fields.commitmentId ?? null,
    school_id: fields.schoolId,
    walk_findings: fields.walkFindings.length > 0 ? fields.walkFindings.join(',') : null,
  };
}

/** A new activity's follow-up is not done yet. */
function notFollowedUp() {
  return { follow_up_done_at: null, follow_up_done_by: null };
}

function toActivity(row: ActivityRow, organisations: Organisation[]): Activity {
  return {
    kind: 'activity',
    ...toReportBase(row),
    type: toCode(ACTIVITY_TYPES, row.type, 'type'),
    date: toCalendarDay(row.activity_date),
    placeId: row.place_id,
    placeName: row.place_name,
    organisations,
    notes: row.notes,
    peopleMet: row.people_met,
    followUpDate: toCalendarDayOrNull(row.follow_up_date),
    schoolId: row.school_id,
    walkFindings: row.walk_findings ? row.walk_findings.split(',').map((f) => toCode(WALK_FINDINGS, f, 'walk finding')) : [],
    followUpDone: row.follow_up_done_at === null ? null : { at: toDate(row.follow_up_done_at), byUserId: row.follow_up_done_by },
    // Only when set: an activity serving no commitment reads as it did before migration 0019.
    ...(row.commitment_id === null ? {} : { commitmentId: row.commitment_id }),
  };
}

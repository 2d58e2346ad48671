import type { Kysely } from 'kysely';
import type { AreaAssessment, EstRepository } from '../../domain/est/est.port';
import type { ChatScope, TenantScope } from '../../domain/scope';
import { ORGANISATIONS } from '../../domain/vocabulary';
import { toCalendarDay, toCode, toDate } from '../row-values';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { ignoreDuplicate, upsert } from './duplicates';

const organisation = (value: string) => toCode(ORGANISATIONS, value, 'organisation');
const inChat = (scope: ChatScope) => ({ tenant_id: scope.tenantId, conversation_id: scope.conversationId });

/** The EST week's tables (0020): every read and write within the caller's tenant, and conversation where it has one. */
export function createEstRepository(db: Kysely<Database>, dialect: StoreDialect): EstRepository {
  const affected = (r: { numUpdatedRows?: bigint; numDeletedRows?: bigint }) => r.numUpdatedRows ?? r.numDeletedRows ?? 0n;
  return {
    async reporters(scope: TenantScope) {
      const rows = await db.selectFrom('est_reporters').selectAll().where('tenant_id', '=', scope.tenantId)
        .orderBy('organisation').orderBy('display_name').orderBy('user_id').execute();
      return rows.map((r) => ({ userId: r.user_id, organisation: organisation(r.organisation), displayName: r.display_name, chatUserId: r.chat_user_id }));
    },

    saveReporter: (scope, reporter, addedBy, at) => upsert(dialect,
      async () => affected(await db.updateTable('est_reporters')
        .set({ organisation: reporter.organisation, display_name: reporter.displayName, chat_user_id: reporter.chatUserId })
        .where('tenant_id', '=', scope.tenantId).where('user_id', '=', reporter.userId).executeTakeFirst()),
      () => db.insertInto('est_reporters').values({
        tenant_id: scope.tenantId, user_id: reporter.userId, organisation: reporter.organisation, display_name: reporter.displayName,
        chat_user_id: reporter.chatUserId, added_by: addedBy, added_at: at,
      }).execute()),

    async removeReporter(scope, userId) {
      const r = await db.deleteFrom('est_reporters').where('tenant_id', '=', scope.tenantId).where('user_id', '=', userId).executeTakeFirst();
      return r.numDeletedRows > 0n;
    },

    async isReporter(scope, userId, org) {
      const row = await db.selectFrom('est_reporters').select('user_id')
        .where('tenant_id', '=', scope.tenantId).where('user_id', '=', userId).where('organisation', '=', org).executeTakeFirst();
      return row !== undefined;
    },

    async meeting(scope) {
      const row = await db.selectFrom('est_meetings').select(['weekday', 'time_of_day', 'nudge_time'])
        .where('tenant_id', '=', scope.tenantId).where('conversation_id', '=', scope.conversationId).executeTakeFirst();
      return row ? { weekday: row.weekday, time: row.time_of_day, nudgeTime: row.nudge_time } : null;
    },

    saveMeeting: (scope, meeting, by, at) => upsert(dialect,
      async () => affected(await db.updateTable('est_meetings')
        .set({ weekday: meeting.weekday, time_of_day: meeting.time, nudge_time: meeting.nudgeTime, updated_by: by, updated_at: at })
        .where('tenant_id', '=', scope.tenantId).where('conversation_id', '=', scope.conversationId).executeTakeFirst()),
      () => db.insertInto('est_meetings').values({
        ...inChat(scope), weekday: meeting.weekday, time_of_day: meeting.time, nudge_time: meeting.nudgeTime, updated_by: by, updated_at: at,
      }).execute()),

    async reportingOrganisations(scope, from, to) {
      // Registered in the window (created_at), whatever day they say they happened: the week's reporting.
      const of = (table: 'incidents' | 'activities') => db.selectFrom(table).select('organisation').distinct()
        .where('tenant_id', '=', scope.tenantId).where('conversation_id', '=', scope.conversationId)
        .where('created_at', '>=', from).where('created_at', '<', to);
      const rows = [...await of('incidents').execute(), ...await of('activities').execute()];
      return [...new Set(rows.map((r) => organisation(r.organisation)))];
    },

    markNothingToReport: (scope, meetingDay, org, by, at) => ignoreDuplicate(dialect, () => db.insertInto('est_nothing_to_report')
      .values({ ...inChat(scope), meeting_day: meetingDay, organisation: org, marked_by: by, marked_at: at }).execute()),

    async nothingToReport(scope, meetingDay) {
      const rows = await db.selectFrom('est_nothing_to_report').select('organisation')
        .where('tenant_id', '=', scope.tenantId).where('conversation_id', '=', scope.conversationId).where('meeting_day', '=', meetingDay).execute();
      return rows.map((r) => organisation(r.organisation));
    },

    async claimNudge(scope, meetingDay, userId, at, staleBefore) {
      try {
        await db.insertInto('est_nudges').values({ ...inChat(scope), meeting_day: meetingDay, user_id: userId, claimed_at: at, sent_at: null }).execute();
        return true;
      } catch (error) {
        if (!dialect.isUniqueViolation(error)) throw error;
      }
      if (!staleBefore) return false;
      // The update re-checks the old claim's time: of two instances that both see it stale, one takes it.
      const takeover = await db.updateTable('est_nudges').set({ claimed_at: at })
        .where('tenant_id', '=', scope.tenantId).where('conversation_id', '=', scope.conversationId)
        .where('meeting_day', '=', meetingDay).where('user_id', '=', userId)
        .where('sent_at', 'is', null).where('claimed_at', '<', staleBefore)
        .executeTakeFirst();
      return takeover.numUpdatedRows > 0n;
    },

    async nudgeSent(scope, meetingDay, userId, at) {
      await db.updateTable('est_nudges').set({ sent_at: at })
        .where('tenant_id', '=', scope.tenantId).where('conversation_id', '=', scope.conversationId)
        .where('meeting_day', '=', meetingDay).where('user_id', '=', userId).execute();
    },

    async releaseNudge(scope, meetingDay, userId) {
      await db.deleteFrom('est_nudges')
        .where('tenant_id', '=', scope.tenantId).where('conversation_id', '=', scope.conversationId)
        .where('meeting_day', '=', meetingDay).where('user_id', '=', userId).where('sent_at', 'is', null).execute();
    },

    saveAssessment: (scope, a) => upsert(dialect,
      async () => affected(await db.updateTable('area_assessments')
        .set({ level: a.level, reason: a.reason, set_by: a.setBy, set_at: a.setAt })
        .where('tenant_id', '=', scope.tenantId).where('conversation_id', '=', scope.conversationId)
        .where('area_id', '=', a.areaId).where('week_start', '=', a.weekStart).executeTakeFirst()),
      () => db.insertInto('area_assessments').values({
        ...inChat(scope), area_id: a.areaId, week_start: a.weekStart, level: a.level, reason: a.reason, set_by: a.setBy, set_at: a.setAt,
      }).execute()),

    async assessments(scope, weekStarts) {
      if (weekStarts.length === 0) return [];
      const rows = await db.selectFrom('area_assessments').selectAll()
        .where('tenant_id', '=', scope.tenantId).where('conversation_id', '=', scope.conversationId)
        .where('week_start', 'in', [...weekStarts]).orderBy('week_start').orderBy('area_id').execute();
      return rows.map((r): AreaAssessment => ({
        areaId: r.area_id, weekStart: toCalendarDay(r.week_start), level: levelOf(r.level), reason: r.reason, setBy: r.set_by, setAt: toDate(r.set_at),
      }));
    },

    async savePriorities(scope, tertial, areaIds, by, at) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('priority_areas').where('tenant_id', '=', scope.tenantId)
          .where('conversation_id', '=', scope.conversationId).where('tertial', '=', tertial).execute();
        if (areaIds.length === 0) return;
        await trx.insertInto('priority_areas').values(areaIds.map((areaId, position) => ({
          ...inChat(scope), tertial, area_id: areaId, position, chosen_by: by, chosen_at: at,
        }))).execute();
      });
    },

    async priorities(scope, tertial) {
      const rows = await db.selectFrom('priority_areas').select('area_id')
        .where('tenant_id', '=', scope.tenantId).where('conversation_id', '=', scope.conversationId).where('tertial', '=', tertial)
        .orderBy('position').execute();
      return rows.map((r) => r.area_id);
    },
  };
}

function levelOf(value: number): 1 | 2 | 3 {
  if (value !== 1 && value !== 2 && value !== 3) throw new Error(`Stored assessment level ${value} is not 1–3`);
  return value;
}


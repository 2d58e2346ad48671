import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { foldText } from '../../domain/place';
import type { PromiseRepository } from '../../domain/ports/promises.port';
import {
  COMMITMENT_STATUSES, type CitizenPromise, type Commitment, type StrategicMeeting, type TiedActivity,
} from '../../domain/promises/promise';
import { ACTIVITY_TYPES, ORGANISATIONS, type Organisation } from '../../domain/vocabulary';
import { toCalendarDay, toCode, toDate } from '../row-values';
import type { Database, PromiseCommitmentRow, PromiseRow, StrategicMeetingRow } from '../schema';
import type { StoreDialect } from '../store-dialect';

/** The promise register (migration 0019): promises, their commitments, and the strategic meetings, per tenant. */
export function createPromiseRepository(db: Kysely<Database>, dialect: StoreDialect): PromiseRepository {
  const commitmentRow = (scope: { tenantId: string }, id: string) => db.selectFrom('promise_commitments').selectAll()
    .where('tenant_id', '=', scope.tenantId).where('id', '=', id).executeTakeFirst();
  const readYear = async (scope: { tenantId: string }, year: number): Promise<CitizenPromise[]> => {
    const promiseRows = await db.selectFrom('promises').selectAll()
      .where('tenant_id', '=', scope.tenantId).where('promise_year', '=', year).orderBy('position').orderBy('id').execute();
    if (promiseRows.length === 0) return [];
    const commitmentRows = await db.selectFrom('promise_commitments').innerJoin('promises', 'promises.id', 'promise_commitments.promise_id')
      .selectAll('promise_commitments')
      .where('promises.tenant_id', '=', scope.tenantId).where('promises.promise_year', '=', year)
      .where('promise_commitments.tenant_id', '=', scope.tenantId)
      .orderBy('promise_commitments.promise_id').orderBy('promise_commitments.position').execute();
    return promiseRows.map((row) => toPromise(row, commitmentRows.filter((c) => c.promise_id === row.id).map(toCommitment)));
  };

  return {
    async add(scope, promises, createdBy, now) {
      const years = [...new Set(promises.map((p) => p.year))];
      if (promises.length === 0) return { ok: true, promises: [] };
      try {
        const ids = await db.transaction().execute(async (trx) => {
          const existing = await trx.selectFrom('promises').select(['promise_year', 'title_key', 'position'])
            .where('tenant_id', '=', scope.tenantId).where('promise_year', 'in', years).execute();
          const taken = new Set(existing.map((r) => `${r.promise_year}\n${r.title_key}`));
          const duplicate = promises.findIndex((p) => taken.has(`${p.year}\n${foldText(p.title)}`));
          if (duplicate >= 0) return { made: [], duplicate };
          const next = new Map(years.map((y) => [y, Math.max(0, ...existing.filter((r) => r.promise_year === y).map((r) => r.position + 1))]));
          const made: string[] = [];
          for (const p of promises) {
            const position = next.get(p.year) ?? 0;
            next.set(p.year, position + 1);
            const id = randomUUID();
            await trx.insertInto('promises').values({
              id, tenant_id: scope.tenantId, promise_year: p.year, position, title: p.title, title_key: foldText(p.title), body: p.text,
              created_by: createdBy, created_at: now,
            }).execute();
            if (p.commitments.length > 0) {
              await trx.insertInto('promise_commitments').values(p.commitments.map((c, i) => ({
                id: randomUUID(), promise_id: id, tenant_id: scope.tenantId, position: i, body: c.text, organisations: c.organisations.join(','),
                period_from: c.periodFrom, period_to: c.periodTo, status: COMMITMENT_STATUSES[0], status_by: null, status_at: null,
              }))).execute();
            }
            made.push(id);
          }
          return { made, duplicate: undefined };
        });
        if (ids.duplicate !== undefined) return { ok: false, duplicate: ids.duplicate };
        const stored = (await Promise.all(years.map((y) => readYear(scope, y)))).flat();
        return { ok: true, promises: ids.made.map((id) => stored.find((p) => p.id === id)!).filter(Boolean) };
      } catch (error) {
        // Another import of the same title won the race: nothing of this one was written.
        if (dialect.isUniqueViolation(error)) return { ok: false, duplicate: 0 };
        throw error;
      }
    },

    year: (scope, year) => readYear(scope, year),

    async commitment(scope, id) {
      const row = await commitmentRow(scope, id);
      return row ? toCommitment(row) : null;
    },

    async setStatus(scope, id, status, byUserId, at) {
      const result = await db.updateTable('promise_commitments').set({ status, status_by: byUserId, status_at: at })
        .where('tenant_id', '=', scope.tenantId).where('id', '=', id).executeTakeFirst();
      if (result.numUpdatedRows === 0n) return null;
      const row = await commitmentRow(scope, id);
      return row ? toCommitment(row) : null;
    },

    async tiedActivities(scope, year) {
      const rows = await db.selectFrom('activities')
        .innerJoin('promise_commitments', 'promise_commitments.id', 'activities.commitment_id')
        .innerJoin('promises', 'promises.id', 'promise_commitments.promise_id')
        .select(['activities.id', 'activities.ref', 'activities.commitment_id', 'activities.activity_date', 'activities.type', 'activities.organisation'])
        .where('activities.tenant_id', '=', scope.tenantId)
        .where('promise_commitments.tenant_id', '=', scope.tenantId)
        .where('promises.promise_year', '=', year)
        .orderBy('activities.activity_date').orderBy('activities.ref').execute();
      return rows.map((r): TiedActivity => ({
        id: r.id, ref: r.ref, commitmentId: r.commitment_id ?? '', date: toCalendarDay(r.activity_date),
        type: toCode(ACTIVITY_TYPES, r.type, 'type'), organisation: toCode(ORGANISATIONS, r.organisation, 'organisation'),
      }));
    },

    async recordMeeting(scope, m) {
      const row = {
        id: randomUUID(), tenant_id: scope.tenantId, meeting_year: m.year, meeting_date: m.date, organisations: m.organisations.join(','),
        decisions: m.decisions, recorded_by: m.recordedBy, recorded_at: m.recordedAt,
      };
      await db.insertInto('strategic_meetings').values(row).execute();
      return { ...m, id: row.id };
    },

    async meetings(scope, year) {
      const rows = await db.selectFrom('strategic_meetings').selectAll()
        .where('tenant_id', '=', scope.tenantId).where('meeting_year', '=', year).orderBy('meeting_date').orderBy('recorded_at').execute();
      return rows.map(toMeeting);
    },

    async tenantsWithPromises(year) {
      const rows = await db.selectFrom('promises').select('tenant_id').distinct().where('promise_year', '=', year).orderBy('tenant_id').execute();
      return rows.map((r) => r.tenant_id);
    },
  };
}

const organisationsOf = (codes: string): Organisation[] => codes.split(',').filter(Boolean).map((c) => toCode(ORGANISATIONS, c, 'organisation'));

function toPromise(row: PromiseRow, commitments: Commitment[]): CitizenPromise {
  return { id: row.id, year: row.promise_year, position: row.position, title: row.title, text: row.body, commitments };
}

function toCommitment(row: PromiseCommitmentRow): Commitment {
  return {
    id: row.id, promiseId: row.promise_id, position: row.position, text: row.body, organisations: organisationsOf(row.organisations),
    periodFrom: toCalendarDay(row.period_from), periodTo: toCalendarDay(row.period_to),
    status: toCode(COMMITMENT_STATUSES, row.status, 'commitment status'),
    statusSet: row.status_by !== null && row.status_at !== null ? { byUserId: row.status_by, at: toDate(row.status_at) } : null,
  };
}

function toMeeting(row: StrategicMeetingRow): StrategicMeeting {
  return {
    id: row.id, year: row.meeting_year, date: toCalendarDay(row.meeting_date), organisations: organisationsOf(row.organisations),
    decisions: row.decisions, recordedBy: row.recorded_by, recordedAt: toDate(row.recorded_at),
  };
}

import { sql, type Kysely } from 'kysely';
import type { RecordCutoffs, RecordKind, RetentionRepository } from '../../domain/ports/retention.port';
import { RECORD_KINDS } from '../../domain/ports/retention.port';
import { toCalendarDay } from '../row-values';
import type { Database } from '../schema';
import { inBatches, REMOVED, tenantTally } from './retention-batches';
import { localDay } from '../../domain/date-limits';
import { STOCKHOLM } from '../../domain/periods';

// The records besides reports (src/store/retention-plan.ts says why each table is treated as it is).
// Each statement changes one tenant's rows of one week, meeting day, year or tertial (or one batch of
// export links), so that no statement holds locks on a whole table of a busy SQL Server and a run
// stopped half-way is finished by the next: what was removed or emptied no longer matches.

/** The tables whose old rows go by tenant and meeting day, year or tertial. */
type GroupedTable = 'est_nothing_to_report' | 'est_nudges' | 'lagesbild_analyses' | 'strategic_meetings' | 'priority_areas';

/** One tenant's group of old rows: the key of a week, a day, a year or a tertial. */
interface Group<K> {
  tenant_id: string;
  key: K;
}

export function createRecordRetention(db: Kysely<Database>): Pick<RetentionRepository, 'removeRecordsBefore'> {
  return {
    async removeRecordsBefore({ cutoff, documentYear }: RecordCutoffs) {
      // The cutoff is the start of a Stockholm day (23:00 or 22:00 UTC the day before): that day's calendar date.
      const day = localDay(cutoff, STOCKHOLM);
      const counted = tenantTally(RECORD_KINDS);
      const tally = async <K>(kind: RecordKind, groups: Group<K>[], run: (tenantId: string, key: K) => Promise<bigint | number>) => {
        for (const { tenant_id: tenantId, key } of groups) counted.add(tenantId, kind, Number(await run(tenantId, key)));
      };

      /**
       * A table whose rows are removed one tenant's group at a time (a meeting day, a year, a tertial):
       * the old groups, and the statement that removes one.
       */
      const byGroup = async <K extends string | number>(
        // The stored key is a day (text or Date, by engine), a year or a tertial: `toKey` makes it what is written back.
        table: GroupedTable, column: 'meeting_day' | 'year' | 'meeting_year' | 'tertial', before: string | number, toKey: (stored: never) => K,
      ): Promise<[Group<K>[], (tenantId: string, key: K) => Promise<bigint>]> => {
        const old = await db.selectFrom(table).select(['tenant_id', sql<never>`${sql.ref(column)}`.as('key')]).distinct()
          .where(db.dynamic.ref(column), '<', before).execute();
        return [
          old.map((g) => ({ tenant_id: g.tenant_id, key: toKey(g.key) })),
          async (tenantId, key) => (await db.deleteFrom(table).where('tenant_id', '=', tenantId).where(db.dynamic.ref(column), '=', key)
            .executeTakeFirst()).numDeletedRows,
        ];
      };

      // EST: an assessment's level stays in the area's history; the reason, typed in the meeting, goes.
      const unemptied = ['', REMOVED];
      await tally('assessments',
        days(await db.selectFrom('area_assessments').select(['tenant_id', 'week_start as key']).distinct()
          .where('week_start', '<', day).where('reason', 'not in', unemptied).execute()),
        async (tenantId, weekStart) => (await db.updateTable('area_assessments').set({ reason: REMOVED })
          .where('tenant_id', '=', tenantId).where('week_start', '=', weekStart).where('reason', 'not in', unemptied)
          .executeTakeFirst()).numUpdatedRows);
      // The marks and nudge claims of past meetings did their work; the audit trail keeps who marked what.
      await tally('nothingToReport', ...await byGroup('est_nothing_to_report', 'meeting_day', day, toCalendarDay));
      await tally('nudges', ...await byGroup('est_nudges', 'meeting_day', day, toCalendarDay));

      // Export links that expired before the cutoff: who exported what is in the audit trail.
      const expired = (tenantId: string) => db.selectFrom('digest_exports').select('digest_exports.id')
        .where('digest_exports.tenant_id', '=', tenantId).where('digest_exports.expires_at', '<', cutoff);
      await tally('exports',
        await db.selectFrom('digest_exports').select(['tenant_id', 'tenant_id as key']).distinct().where('expires_at', '<', cutoff).execute(),
        async (tenantId) => inBatches(async (size) => (await db.deleteFrom('digest_exports')
          .where('id', 'in', expired(tenantId).limit(size)).executeTakeFirst()).numDeletedRows));

      // Call-outs made before the cutoff, with whom they called and their timelines: what was done lives
      // on as the mobilisering activity, which report retention anonymises.
      await tally('callouts',
        await db.selectFrom('callouts').select(['tenant_id', 'tenant_id as key']).distinct().where('called_at', '<', cutoff).execute(),
        (tenantId) => inBatches((size) => db.transaction().execute(async (trx) => {
          const ids = (await trx.selectFrom('callouts').select('id').where('tenant_id', '=', tenantId).where('called_at', '<', cutoff).limit(size).execute()).map((r) => r.id);
          if (ids.length === 0) return 0n;
          await trx.deleteFrom('callout_events').where('callout_id', 'in', ids).execute();
          await trx.deleteFrom('callout_recipients').where('callout_id', 'in', ids).execute();
          return (await trx.deleteFrom('callouts').where('tenant_id', '=', tenantId).where('id', 'in', ids).executeTakeFirst()).numDeletedRows;
        })));

      // Yearly documents of years before the document cutoff: the municipality's own records (the
      // exported årsrapport and lägesbild enligt lag) are its archive; the bot's copy goes.
      await tally('analyses', ...await byGroup('lagesbild_analyses', 'year', documentYear, Number));
      await tally('promises',
        (await db.selectFrom('promises').select(['tenant_id', 'promise_year as key']).distinct().where('promise_year', '<', documentYear).execute()),
        (tenantId, year) => db.transaction().execute(async (trx) => {
          const promiseIds = trx.selectFrom('promises').select('promises.id').where('promises.tenant_id', '=', tenantId).where('promises.promise_year', '=', year);
          const commitmentIds = trx.selectFrom('promise_commitments').select('promise_commitments.id')
            .where('promise_commitments.tenant_id', '=', tenantId).where('promise_commitments.promise_id', 'in', promiseIds);
          // The activities stay (their own rule anonymises them); only the link to the removed commitment goes.
          await trx.updateTable('activities').set({ commitment_id: null })
            .where('tenant_id', '=', tenantId).where('commitment_id', 'in', commitmentIds).execute();
          await trx.deleteFrom('promise_commitments').where('tenant_id', '=', tenantId).where('promise_id', 'in', promiseIds).execute();
          return (await trx.deleteFrom('promises').where('tenant_id', '=', tenantId).where('promise_year', '=', year).executeTakeFirst()).numDeletedRows;
        }));
      await tally('meetings', ...await byGroup('strategic_meetings', 'meeting_year', documentYear, Number));
      // A tertial is "YYYY-Tn": those of years before the document year sort before "YYYY".
      await tally('priorities', ...await byGroup('priority_areas', 'tertial', String(documentYear), String));

      return counted.counts();
    },
  };
}

/** SQLite reads a day back as text, SQL Server as a Date: either is written back as YYYY-MM-DD. */
const days = (groups: Group<Date | string>[]): Group<string>[] => groups.map((g) => ({ tenant_id: g.tenant_id, key: toCalendarDay(g.key) }));

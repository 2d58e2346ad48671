import { sql, type AliasableExpression, type Kysely, type RawBuilder } from 'kysely';
import type {
  ActivityDimension, DayRange, DigestScope, IncidentDimension, InstantRange, LagesbildAggregateRepository, Tally,
} from '../../domain/ports/lagesbild.port';
import { ACTIVITY_TYPES, INCIDENT_CATEGORIES, ORGANISATIONS, REPORT_STATUSES, SEVERITIES } from '../../domain/vocabulary';
import { toCalendarDay, toCode, toDate } from '../row-values';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { calendarParts, type UnitRun } from './calendar-parts';
import type { CountedDimension } from './incident-calendar-counts';
import { byRangeCountKey, mergedBy, mergedByFoldedKey, namedByArea, namedByPlace } from './lagesbild-keys';
import { checkedLimit } from './limits';

// The lägesbild's numbers, counted by the database. Each range gets a bucket number from a CASE in an
// inner query; the outer query groups by bucket and key. (SQL Server cannot group by a CASE written
// with parameters, since the SELECT's and the GROUP BY's parameters would differ; a derived table can.)
// Incidents are read from their counts per Stockholm day, month and year (incident-calendar-counts.ts):
// the whole units of every range in one query, the parts of a range before its first or after its last
// midnight (a period cut at now) in one more from the incidents, so that the cost follows the period,
// not the table.

/** Codes, ids and the exact school text (see lagesbild-keys.ts): never text a collation could merge. */
const incidentKeys = (dialect: StoreDialect): Record<IncidentDimension, RawBuilder<string>> => ({
  category: sql<string>`incidents.category`,
  organisation: sql<string>`incidents.organisation`,
  place: sql<string>`incidents.place_id`,
  area: sql<string>`incidents.place_id`,
  severity: sql<string>`incidents.severity`,
  school: dialect.exactText(sql<string>`incidents.school`),
  none: sql<string>`${sql.lit('')}`,
});

/**
 * The calendar counts each dimension is read from. The total ('none') is the sum over categories (every
 * incident has exactly one), an area the sum over its places; severity is not kept there (null: counted
 * from the incidents).
 */
const COUNTED_BY: Record<IncidentDimension, CountedDimension | null> = {
  category: 'category', organisation: 'organisation', place: 'place', area: 'place', severity: null, school: 'school', none: 'category',
};

const ACTIVITY_KEYS: Record<ActivityDimension, RawBuilder<string>> = {
  type: sql<string>`activities.type`,
  organisation: sql<string>`activity_organisations.organisation`,
  // An id (binary collation on both engines): named from the school register by the caller.
  school: sql<string>`activities.school_id`,
};

/** A part of the range with index `range` (a range may be read in parts: its days, and its edges). */
type Part<R> = R & { range: number };

/** CASE WHEN <column in part 0> THEN <its range> WHEN … END; null outside every part. */
function bucketOf<R>(parts: Part<R>[], inPart: (r: R) => RawBuilder<unknown>): RawBuilder<number | null> {
  const whens = parts.map((p) => sql`when ${inPart(p)} then ${sql.lit(p.range)}`);
  return sql<number | null>`case ${sql.join(whens, sql` `)} end`;
}

const indexed = <R>(ranges: R[]): Part<R>[] => ranges.map((r, range) => ({ ...r, range }));

type Bucketed = { bucket: number | null; group_key: string | null; n: number; youth: number | null };

async function tallies(db: Kysely<Database>, inner: AliasableExpression<Bucketed>): Promise<Tally[]> {
  const rows = await db.selectFrom(inner.as('t'))
    .select((eb) => ['t.bucket', 't.group_key', eb.fn.sum<number>('t.n').as('n'), eb.fn.sum<number | null>('t.youth').as('youth')])
    .where('t.bucket', 'is not', null)
    .groupBy(['t.bucket', 't.group_key'])
    .orderBy('t.bucket').orderBy('n', 'desc').orderBy('t.group_key')
    .execute();
  // SUM over nothing but NULLs is NULL: no incident of the group said how many young people, which is not zero.
  return rows.map((r) => ({ range: Number(r.bucket), key: r.group_key ?? '', count: Number(r.n), youth: r.youth === null ? null : Number(r.youth) }));
}

/** Tallies of the same range and key (from the days and from the edges) added up, ordered as the lägesbild lists them. */
function summed(parts: Tally[]): Tally[] {
  return mergedBy(parts).sort(byRangeCountKey);
}

/** Ranges that share an instant would each claim it (the CASE gives it to the first): those are read from the incidents alone. */
function overlapping(ranges: readonly InstantRange[]): boolean {
  const sorted = [...ranges].sort((a, b) => a.from.getTime() - b.from.getTime());
  return sorted.some((r, i) => i > 0 && r.from.getTime() < sorted[i - 1]!.to.getTime());
}

export function createLagesbildAggregateRepository(db: Kysely<Database>, dialect: StoreDialect): LagesbildAggregateRepository {
  const INCIDENT_KEYS = incidentKeys(dialect);
  const inScope = (scope: DigestScope, table: 'incidents' | 'activities') =>
    sql`${sql.ref(`${table}.tenant_id`)} = ${scope.tenantId} and ${sql.ref(`${table}.conversation_id`)} = ${scope.conversationId}`;

  /** The incidents of the parts, counted one by one (what the day counts are kept from). */
  const incidentTallies = async (scope: DigestScope, parts: Part<InstantRange>[], by: IncidentDimension): Promise<Tally[]> => {
    if (parts.length === 0) return [];
    const inner = db.selectFrom('incidents')
      .select([
        bucketOf(parts, (r: InstantRange) => sql`incidents.occurred_at >= ${r.from} and incidents.occurred_at < ${r.to}`).as('bucket'),
        INCIDENT_KEYS[by].as('group_key'),
        sql<number>`${sql.lit(1)}`.as('n'),
        'incidents.youth_involved as youth',
      ])
      .where(inScope(scope, 'incidents') as never)
      .where('incidents.occurred_at', '>=', new Date(Math.min(...parts.map((r) => r.from.getTime()))))
      .where('incidents.occurred_at', '<', new Date(Math.max(...parts.map((r) => r.to.getTime()))))
      .$if(by === 'school', (q) => q.where('incidents.school', 'is not', null));
    return tallies(db, inner as never);
  };

  /** The whole units of the parts, summed from the calendar counts. */
  const unitTallies = async (scope: DigestScope, parts: Part<UnitRun>[], by: IncidentDimension): Promise<Tally[]> => {
    if (parts.length === 0) return [];
    const inner = db.selectFrom('incident_calendar_counts as c')
      .select([
        bucketOf(parts, (r: UnitRun) => sql`c.unit = ${r.unit} and c.first_day >= ${r.firstDay} and c.first_day <= ${r.lastFirstDay}`).as('bucket'),
        (by === 'none' ? sql<string>`${sql.lit('')}` : sql<string>`c.group_key`).as('group_key'),
        'c.incident_count as n',
        // NULL where no incident said how many young people: SUM then gives NULL for a group of only those.
        sql<number | null>`case when c.youth_given > 0 then c.youth_involved end`.as('youth'),
      ])
      .where('c.tenant_id', '=', scope.tenantId)
      .where('c.conversation_id', '=', scope.conversationId)
      .where('c.dimension', '=', COUNTED_BY[by]!)
      .where('c.unit', 'in', [...new Set(parts.map((r) => r.unit))])
      .where('c.first_day', '>=', parts.map((r) => r.firstDay).sort()[0]!)
      .where('c.first_day', '<=', parts.map((r) => r.lastFirstDay).sort().at(-1)!);
    return tallies(db, inner as never);
  };

  /** Each range's whole units from the calendar counts and its edges from the incidents: two queries for any number of ranges. */
  const splitTallies = async (scope: DigestScope, ranges: InstantRange[], by: IncidentDimension): Promise<Tally[]> => {
    const split = ranges.map(calendarParts);
    const units = split.flatMap((s, range) => s.units.map((u) => ({ ...u, range })));
    const edges = split.flatMap((s, range) => s.edges.map((e) => ({ ...e, range })));
    const [fromUnits, fromEdges] = await Promise.all([unitTallies(scope, units, by), incidentTallies(scope, edges, by)]);
    return [...fromUnits, ...fromEdges];
  };

  return {
    async countIncidents(scope, ranges, by) {
      if (ranges.length === 0) return [];
      const fromRows = overlapping(ranges) || COUNTED_BY[by] === null;
      const counted = summed(fromRows ? await incidentTallies(scope, indexed(ranges), by) : await splitTallies(scope, ranges, by));
      if (by === 'place') return namedByPlace(db, scope.tenantId, counted);
      if (by === 'area') return namedByArea(db, scope.tenantId, counted);
      return by === 'school' ? mergedByFoldedKey(counted) : counted;
    },

    async countActivities(scope, ranges, by) {
      if (ranges.length === 0) return [];
      const inner = db.selectFrom('activities')
        .$if(by === 'organisation', (q) => q.innerJoin('activity_organisations', 'activity_organisations.activity_id', 'activities.id') as never)
        .select([
          bucketOf(indexed(ranges), (r: DayRange) => sql`activities.activity_date >= ${r.firstDay} and activities.activity_date <= ${r.lastDay}`).as('bucket'),
          ACTIVITY_KEYS[by].as('group_key'),
          sql<number>`${sql.lit(1)}`.as('n'),
          // Typed, so that SQL Server can SUM it.
          sql<number | null>`cast(null as int)`.as('youth'),
        ])
        .where(inScope(scope, 'activities') as never)
        .where('activities.activity_date', '>=', ranges.map((r) => r.firstDay).sort()[0]!)
        .where('activities.activity_date', '<=', ranges.map((r) => r.lastDay).sort().at(-1)!)
        .$if(by === 'school', (q) => q.where('activities.school_id', 'is not', null));
      return tallies(db, inner as never);
    },

    async seriousIncidents(scope, range, limit) {
      const serious = db.selectFrom('incidents')
        .where('tenant_id', '=', scope.tenantId)
        .where('conversation_id', '=', scope.conversationId)
        // A literal, not a parameter: only then can either engine read the partial index of the serious ones (migration 0024).
        .where('severity', '=', sql.lit('hog'))
        .where('occurred_at', '>=', range.from)
        .where('occurred_at', '<', range.to);
      const [count, rows] = await Promise.all([
        serious.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        serious.select(['ref', 'occurred_at', 'place_name', 'category'])
          .orderBy('occurred_at', 'desc').orderBy('ref').limit(checkedLimit(limit)).execute(),
      ]);
      return {
        total: Number(count.n),
        items: rows.map((r) => ({
          ref: r.ref, occurredAt: toDate(r.occurred_at), placeName: r.place_name, category: toCode(INCIDENT_CATEGORIES, r.category, 'category'),
        })),
      };
    },

    async overdueFollowUps(scope, today, limit) {
      const overdue = db.selectFrom('activities')
        .where('tenant_id', '=', scope.tenantId)
        .where('conversation_id', '=', scope.conversationId)
        .where('follow_up_date', 'is not', null)
        .where('follow_up_date', '<', today)
        .where('follow_up_done_at', 'is', null);
      const [count, rows] = await Promise.all([
        overdue.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        overdue.select(['ref', 'type', 'follow_up_date', 'place_name'])
          .orderBy('follow_up_date').orderBy('ref').limit(checkedLimit(limit)).execute(),
      ]);
      return {
        total: Number(count.n),
        items: rows.map((r) => ({ ref: r.ref, type: r.type, followUpDate: toCalendarDay(r.follow_up_date!), placeName: r.place_name })),
      };
    },

    async incidentsForExport(scope, range, limit) {
      const rows = await db.selectFrom('incidents')
        .select(['ref', 'occurred_at', 'place_name', 'category', 'severity', 'organisation', 'school', 'youth_involved', 'status', 'resolution', 'police_report_number', 'description'])
        .where('tenant_id', '=', scope.tenantId)
        .where('conversation_id', '=', scope.conversationId)
        .where('occurred_at', '>=', range.from)
        .where('occurred_at', '<', range.to)
        .orderBy('occurred_at').orderBy('ref')
        .limit(checkedLimit(limit))
        .execute();
      return rows.map((r) => ({
        ref: r.ref, occurredAt: toDate(r.occurred_at), placeName: r.place_name,
        category: toCode(INCIDENT_CATEGORIES, r.category, 'category'), severity: toCode(SEVERITIES, r.severity, 'severity'),
        organisation: toCode(ORGANISATIONS, r.organisation, 'organisation'), school: r.school, youthInvolved: r.youth_involved,
        status: toCode(REPORT_STATUSES, r.status, 'status'), resolution: r.resolution, policeReportNumber: r.police_report_number, description: r.description,
      }));
    },

    async activitiesForExport(scope, range, limit) {
      const rows = await db.selectFrom('activities')
        .select(['id', 'ref', 'activity_date', 'type', 'place_name', 'organisation', 'people_met', 'status', 'follow_up_date', 'follow_up_done_at', 'notes'])
        .where(inScope(scope, 'activities') as never)
        .where('activity_date', '>=', range.firstDay).where('activity_date', '<=', range.lastDay)
        .orderBy('activity_date').orderBy('ref')
        .limit(checkedLimit(limit))
        .execute();
      // The other organisations of just these activities, in the order they were given.
      const taking = rows.length === 0 ? [] : await db.selectFrom('activity_organisations')
        .select(['activity_id', 'organisation'])
        .where('activity_id', 'in', rows.map((r) => r.id))
        .orderBy('activity_id').orderBy('position')
        .execute();
      return rows.map((r) => ({
        ref: r.ref, date: toCalendarDay(r.activity_date), type: toCode(ACTIVITY_TYPES, r.type, 'type'), placeName: r.place_name,
        organisation: toCode(ORGANISATIONS, r.organisation, 'organisation'),
        organisations: taking.filter((o) => o.activity_id === r.id && o.organisation !== r.organisation).map((o) => toCode(ORGANISATIONS, o.organisation, 'organisation')),
        peopleMet: r.people_met, status: toCode(REPORT_STATUSES, r.status, 'status'),
        followUpDate: r.follow_up_date === null ? null : toCalendarDay(r.follow_up_date),
        followUpDoneAt: r.follow_up_done_at === null ? null : toDate(r.follow_up_done_at), notes: r.notes,
      }));
    },
  };
}

import { sql, type Expression, type ExpressionBuilder, type Kysely, type RawBuilder } from 'kysely';
import { DateTime } from 'luxon';
import type { IncidentDimension } from '../../domain/ports/lagesbild.port';
import { localDay } from '../../domain/date-limits';
import { STOCKHOLM } from '../../domain/periods';
import { prepareQuery, type Placeholders } from '../prepared-query';
import { toDate } from '../row-values';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';

// Incidents counted per channel and Stockholm day, month and year (migration 0015), so that the lägesbild
// of a year reads a row per key, not every incident. Kept by recounting: after a write, in its
// transaction, each day it touched is counted again from the incidents; what changed against the day's
// stored counts is added to the day, its month and its year. So a count cannot drift from the rows it
// counts, and an edit, a withdrawal, a place merge or retention needs no arithmetic of its own. A new
// report, the write that happens most, just adds one to its keys.

/** What the counts are kept by; the lägesbild's 'none' (the total) is the sum over categories, 'area' the sum over places. */
export type CountedDimension = Exclude<IncidentDimension, 'none' | 'area' | 'severity'>;
export type CalendarUnit = 'day' | 'month' | 'year';

/** A channel's Stockholm day, YYYY-MM-DD. */
export interface IncidentDay {
  tenantId: string;
  conversationId: string;
  day: string;
}

/** The Stockholm day an incident happened on. */
export function incidentDayOf(row: { tenant_id: string; conversation_id: string; occurred_at: Date | string }): IncidentDay {
  return {
    tenantId: row.tenant_id, conversationId: row.conversation_id,
    day: localDay(toDate(row.occurred_at), STOCKHOLM),
  };
}

interface Key<V = string> {
  dimension: string;
  group_key: V;
}

interface Tallied {
  incident_count: number;
  youth_given: number;
  youth_involved: number;
}

type Counted = Key & Tallied;

type CountedRow = {
  tenant_id: string; conversation_id: string; occurred_at: Date | string;
  category: string; organisation: string; place_id: string; school: string | null; youth_involved: number | null;
};

/**
 * Counts one new incident, inside the transaction that inserts it: one more for each of its keys. (A
 * report is the write that happens most; recounting its day would read all of the day's incidents.)
 */
export async function countNewIncident(trx: Kysely<Database>, dialect: StoreDialect, row: CountedRow): Promise<void> {
  const day = incidentDayOf(row);
  const keys = keysOfNew(row.category, row.organisation, row.place_id, row.school);
  const units = unitsOf(day.day);
  const change = { incident_count: 1, youth_given: row.youth_involved === null ? 0 : 1, youth_involved: row.youth_involved ?? 0 };
  const [[, dayStart], [, monthStart], [, yearStart]] = units;
  const counts: NewIncidentCounts = {
    tenantId: day.tenantId, conversationId: day.conversationId, category: row.category, organisation: row.organisation,
    placeId: row.place_id, school: row.school, day: dayStart, month: monthStart, year: yearStart,
    youthGiven: change.youth_given, youthInvolved: change.youth_involved,
  };
  // SQLite: one upsert of the keys' rows, each sought by its whole key; it also makes the rows not there
  // yet (no look for them, no second insert). Cheaper than SQL Server's update below of the same twelve
  // whole keys (an OR of twelve seeks cost a submit 14 % more CPU on SQLite).
  if (dialect.kind === 'sqlite') {
    await (row.school === null ? upsertNewWithoutSchool : upsertNewWithSchool).affected(trx, counts);
    return;
  }
  const updated = await (row.school === null ? addNewWithoutSchool : addNewWithSchool).affected(trx, counts);
  await insertMissing(trx, day, units, keys, change, updated);
}

/** What a new incident is counted by: its category, organisation, place and, when it names one, school. */
function keysOfNew<V>(category: V, organisation: V, place: V, school: V | null): Key<V>[] {
  return [
    { dimension: 'category', group_key: category }, { dimension: 'organisation', group_key: organisation },
    { dimension: 'place', group_key: place }, ...(school === null ? [] : [{ dimension: 'school', group_key: school }]),
  ];
}

type NewIncidentCounts = {
  tenantId: string; conversationId: string; category: string; organisation: string; placeId: string; school: string | null;
  day: string; month: string; year: string; youthGiven: number; youthInvolved: number;
};

/** A new incident's keys and its day, month and year, as placeholders: the rows both prepared counts write. */
function newIncidentRows(p: Placeholders<NewIncidentCounts>, withSchool: boolean): { keys: Key<Param<string>>[]; units: [CalendarUnit, Param<string>][] } {
  return {
    keys: keysOfNew<Param<string>>(p.category, p.organisation, p.placeId, withSchool ? p.school as Expression<string> : null),
    units: [['day', p.day], ['month', p.month], ['year', p.year]],
  };
}

/**
 * addTo's update for one new incident, prepared (prepared-query.ts): the keys of an incident with a
 * school and of one without are two fixed shapes.
 */
const addNewIncident = (withSchool: boolean) => prepareQuery<NewIncidentCounts>()((db, p) => {
  const { keys, units } = newIncidentRows(p, withSchool);
  return db.updateTable('incident_calendar_counts').where(theRows({ tenantId: p.tenantId, conversationId: p.conversationId }, units, keys))
    .set(added({ incident_count: 1, youth_given: p.youthGiven, youth_involved: p.youthInvolved }));
});
const addNewWithSchool = addNewIncident(true);
const addNewWithoutSchool = addNewIncident(false);

/**
 * SQLite's count of a new incident: its rows inserted, or, where there already, added to (INSERT … ON
 * CONFLICT DO UPDATE; SQL Server has no such statement short of MERGE, and keeps the update and
 * insertMissing). Prepared, with the same two shapes as addNewIncident.
 */
const upsertNewIncident = (withSchool: boolean) => prepareQuery<NewIncidentCounts>()((db, p) => {
  const { keys, units } = newIncidentRows(p, withSchool);
  return db.insertInto('incident_calendar_counts')
    .values(keys.flatMap((k) => units.map(([unit, firstDay]) => ({
      tenant_id: p.tenantId, conversation_id: p.conversationId, dimension: k.dimension, group_key: k.group_key, unit, first_day: firstDay,
      incident_count: 1, youth_given: p.youthGiven, youth_involved: p.youthInvolved,
    }))))
    .onConflict((oc) => oc.columns(['tenant_id', 'conversation_id', 'dimension', 'unit', 'first_day', 'group_key']).doUpdateSet((eb) => ({
      incident_count: eb('incident_count', '+', eb.ref('excluded.incident_count')),
      youth_given: eb('youth_given', '+', eb.ref('excluded.youth_given')),
      youth_involved: eb('youth_involved', '+', eb.ref('excluded.youth_involved')),
    })));
});
const upsertNewWithSchool = upsertNewIncident(true);
const upsertNewWithoutSchool = upsertNewIncident(false);

/** Counts the given days again, inside the caller's transaction and after its write. */
export async function recountIncidentDays(trx: Kysely<Database>, dialect: StoreDialect, days: readonly IncidentDay[]): Promise<void> {
  const unique = new Map(days.map((d) => [`${d.tenantId}\u0000${d.conversationId}\u0000${d.day}`, d]));
  for (const day of unique.values()) {
    const [stored, counted] = [await storedDay(trx, day), await countedDay(trx, dialect, day)];
    for (const change of changes(stored, counted)) await addTo(trx, day, unitsOf(day.day), [change], change);
  }
}

/** The day, its month and its year, each by its first day. */
const unitsOf = (day: string): [[CalendarUnit, string], [CalendarUnit, string], [CalendarUnit, string]] => [['day', day], ['month', `${day.slice(0, 8)}01`], ['year', `${day.slice(0, 5)}01-01`]];

/** Every dimension the counts are kept by (a record, so that a new one cannot be left out). */
const COUNTED: Record<CountedDimension, true> = { category: true, organisation: true, place: true, school: true };
const COUNTED_DIMENSIONS = Object.keys(COUNTED) as CountedDimension[];

/**
 * The day's stored counts. The dimensions are named so that the primary key (tenant, channel, dimension,
 * unit, first day, …) is sought for each; without them only the channel was, and every count row of its
 * history was read to find one day's.
 */
async function storedDay(trx: Kysely<Database>, { tenantId, conversationId, day }: IncidentDay): Promise<Counted[]> {
  return trx.selectFrom('incident_calendar_counts')
    .select(['dimension', 'group_key', 'incident_count', 'youth_given', 'youth_involved'])
    .where('tenant_id', '=', tenantId).where('conversation_id', '=', conversationId)
    .where('dimension', 'in', COUNTED_DIMENSIONS).where('unit', '=', 'day').where('first_day', '=', day)
    .execute();
}

/** The day's incidents grouped by each dimension (schools on the exact text, binary on both engines, as lagesbild-keys.ts explains). */
async function countedDay(trx: Kysely<Database>, dialect: StoreDialect, { tenantId, conversationId, day }: IncidentDay): Promise<Counted[]> {
  const start = DateTime.fromISO(day, { zone: STOCKHOLM });
  const ofDay = trx.selectFrom('incidents')
    .where('tenant_id', '=', tenantId).where('conversation_id', '=', conversationId)
    .where('occurred_at', '>=', start.toJSDate()).where('occurred_at', '<', start.plus({ days: 1 }).toJSDate());
  const grouped = (dimension: CountedDimension, key: RawBuilder<string>) => ofDay
    .select((eb) => [
      sql<string>`${sql.lit(dimension)}`.as('dimension'), key.as('group_key'), eb.fn.countAll<number>().as('incident_count'),
      eb.fn.count<number>('youth_involved').as('youth_given'), eb.fn.sum<number | null>('youth_involved').as('youth_involved'),
    ])
    .groupBy(key);
  const rows = await grouped('category', sql<string>`category`)
    .unionAll(grouped('organisation', sql<string>`organisation`))
    .unionAll(grouped('place', sql<string>`place_id`))
    .unionAll(grouped('school', dialect.exactText(sql<string>`school`)).where('school', 'is not', null))
    .execute();
  return rows.map((r) => ({
    dimension: r.dimension, group_key: r.group_key, incident_count: Number(r.incident_count),
    youth_given: Number(r.youth_given), youth_involved: Number(r.youth_involved ?? 0),
  }));
}

/** What to add per dimension and key to turn the stored counts into the counted ones (nothing where they agree). */
function changes(stored: Counted[], counted: Counted[]): Counted[] {
  const id = (c: Counted) => `${c.dimension}\u0000${c.group_key}`;
  const delta = new Map<string, Counted>(stored.map((s) => [id(s), {
    ...s, incident_count: -Number(s.incident_count), youth_given: -Number(s.youth_given), youth_involved: -Number(s.youth_involved),
  }]));
  for (const c of counted) {
    const d = delta.get(id(c));
    delta.set(id(c), d ? {
      ...d, incident_count: d.incident_count + c.incident_count, youth_given: d.youth_given + c.youth_given, youth_involved: d.youth_involved + c.youth_involved,
    } : c);
  }
  return [...delta.values()].filter((d) => d.incident_count !== 0 || d.youth_given !== 0 || d.youth_involved !== 0);
}

/** A value, or a placeholder of a prepared query. */
type Param<T> = T | Expression<T>;

/**
 * The rows of these keys for the channel's day, month and year, each by its whole primary key. Written as
 * one OR of whole keys, not as the channel AND (the keys' ORs) AND (the units' ORs): with that, SQLite's
 * planner sought only the channel and dimension and read every such row of it, a cost growing with the
 * channel's history (EXPLAIN QUERY PLAN); with whole keys it seeks each row (MULTI-INDEX OR), and SQL
 * Server can make each disjunct a seek of its own on the same key (not seen here: no server).
 */
function theRows(
  { tenantId, conversationId }: { tenantId: Param<string>; conversationId: Param<string> },
  units: [Param<CalendarUnit>, Param<string>][], keys: Key<Param<string>>[],
) {
  return (eb: ExpressionBuilder<Database, 'incident_calendar_counts'>) => eb.or(keys.flatMap((k) => units.map(([unit, firstDay]) => eb.and([
    eb('tenant_id', '=', tenantId), eb('conversation_id', '=', conversationId), eb('dimension', '=', k.dimension),
    eb('unit', '=', unit), eb('first_day', '=', firstDay), eb('group_key', '=', k.group_key),
  ]))));
}

/** The same change added to each row's tallies. */
function added(change: { [K in keyof Tallied]: Param<number> }) {
  return (eb: ExpressionBuilder<Database, 'incident_calendar_counts'>) => ({
    incident_count: eb('incident_count', '+', change.incident_count),
    youth_given: eb('youth_given', '+', change.youth_given),
    youth_involved: eb('youth_involved', '+', change.youth_involved),
  });
}

/**
 * Adds the same change to the rows of these keys for the day, its month and its year, in one update;
 * makes those that are not there yet; removes those left with nothing in them.
 */
async function addTo(trx: Kysely<Database>, day: IncidentDay, units: [CalendarUnit, string][], keys: Key[], change: Tallied): Promise<void> {
  const { numUpdatedRows } = await trx.updateTable('incident_calendar_counts').where(theRows(day, units, keys)).set(added(change)).executeTakeFirst();
  await insertMissing(trx, day, units, keys, change, numUpdatedRows);
  if (change.incident_count < 0) {
    await trx.deleteFrom('incident_calendar_counts').where(theRows(day, units, keys)).where('incident_count', '=', 0).execute();
  }
}

/** After the update of `updated` rows: makes, with the change as their tallies, the rows of these keys that were not there. */
async function insertMissing(trx: Kysely<Database>, day: IncidentDay, units: [CalendarUnit, string][], keys: Key[], change: Tallied, updated: bigint): Promise<void> {
  if (Number(updated) >= keys.length * units.length) return;
  const rowId = (dimension: string, groupKey: string, unit: string) => `${dimension}\u0000${groupKey}\u0000${unit}`;
  const there = new Set((await trx.selectFrom('incident_calendar_counts').select(['dimension', 'group_key', 'unit']).where(theRows(day, units, keys)).execute())
    .map((r) => rowId(r.dimension, r.group_key, r.unit)));
  const missing = keys.flatMap((k) => units.filter(([unit]) => !there.has(rowId(k.dimension, k.group_key, unit)))
    .map(([unit, firstDay]) => ({ tenant_id: day.tenantId, conversation_id: day.conversationId, ...k, unit, first_day: firstDay, ...change })));
  if (missing.length > 0) await trx.insertInto('incident_calendar_counts').values(missing).execute();
}

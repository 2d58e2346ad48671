import { DateTime } from 'luxon';
import type { InstantRange } from '../../domain/ports/lagesbild.port';
import { STOCKHOLM } from '../../domain/periods';
import type { CalendarUnit } from './incident-calendar-counts';

// A range of instants cut into what the calendar counts hold (incident-calendar-counts.ts): whole
// Stockholm years, months and days, as few as cover it, and the edges before its first and after its
// last Stockholm midnight (a period cut at now; a range in another zone), which are counted from the
// incidents. A year is then one unit, a quarter three, a week seven days: the cost follows the period.

/** Consecutive units of one kind: the rows whose first_day lies from `firstDay` to `lastFirstDay`. */
export interface UnitRun {
  unit: CalendarUnit;
  firstDay: string;
  lastFirstDay: string;
}

export function calendarParts(range: InstantRange): { units: UnitRun[]; edges: InstantRange[] } {
  const from = DateTime.fromJSDate(range.from, { zone: STOCKHOLM });
  const to = DateTime.fromJSDate(range.to, { zone: STOCKHOLM });
  const startOfFrom = from.startOf('day');
  const firstMidnight = startOfFrom.toMillis() === from.toMillis() ? startOfFrom : startOfFrom.plus({ days: 1 });
  const lastMidnight = to.startOf('day');
  if (firstMidnight.toMillis() >= lastMidnight.toMillis()) return { units: [], edges: range.from < range.to ? [range] : [] };
  const edges: InstantRange[] = [];
  if (from.toMillis() < firstMidnight.toMillis()) edges.push({ from: range.from, to: firstMidnight.toJSDate() });
  if (lastMidnight.toMillis() < to.toMillis()) edges.push({ from: lastMidnight.toJSDate(), to: range.to });
  return { units: unitsOfDays(firstMidnight.toFormat('yyyy-MM-dd'), lastMidnight.toFormat('yyyy-MM-dd')), edges };
}

/**
 * The whole days from `first` up to (not including) `end`, both YYYY-MM-DD, in the largest units that
 * fit. Plain calendar arithmetic (a date as midnight UTC): the zone mattered only for finding the days.
 */
function unitsOfDays(first: string, end: string): UnitRun[] {
  const runs: UnitRun[] = [];
  const endMs = Date.parse(`${end}T00:00:00Z`);
  for (let cursor = new Date(`${first}T00:00:00Z`); cursor.getTime() < endMs;) {
    const next = { year: shifted(cursor, 12, 0), month: shifted(cursor, 1, 0), day: shifted(cursor, 0, 1) };
    const unit: CalendarUnit = cursor.getUTCMonth() === 0 && cursor.getUTCDate() === 1 && next.year.getTime() <= endMs ? 'year'
      : cursor.getUTCDate() === 1 && next.month.getTime() <= endMs ? 'month' : 'day';
    const day = cursor.toISOString().slice(0, 10);
    const last = runs.at(-1);
    if (last?.unit === unit) last.lastFirstDay = day;
    else runs.push({ unit, firstDay: day, lastFirstDay: day });
    cursor = next[unit];
  }
  return runs;
}

/** The date `months` and `days` later (from a 1st, or by days only: no month-end clamping is needed). */
const shifted = (date: Date, months: number, days: number) =>
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate() + days));

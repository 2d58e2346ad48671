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
  return { units: unitsOfDays(firstMidnight, lastMidnight), edges };
}

/** The whole days from `first` up to (not including) `end`, both local midnights, in the largest units that fit. */
function unitsOfDays(first: DateTime, end: DateTime): UnitRun[] {
  const runs: UnitRun[] = [];
  const fits = (next: DateTime) => next.toMillis() <= end.toMillis();
  for (let cursor = first; cursor.toMillis() < end.toMillis();) {
    const unit: CalendarUnit = cursor.ordinal === 1 && fits(cursor.plus({ years: 1 })) ? 'year'
      : cursor.day === 1 && fits(cursor.plus({ months: 1 })) ? 'month' : 'day';
    const day = cursor.toFormat('yyyy-MM-dd');
    const last = runs.at(-1);
    if (last?.unit === unit) last.lastFirstDay = day;
    else runs.push({ unit, firstDay: day, lastFirstDay: day });
    cursor = cursor.plus({ [`${unit}s`]: 1 });
  }
  return runs;
}

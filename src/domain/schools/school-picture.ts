import { DateTime } from 'luxon';
import { comparedByKey } from '../lagesbild/lagesbild-service';
import type { Compared, KeyedCompared } from '../lagesbild/lagesbild';
import { LAGESBILD_LIMITS } from '../lagesbild/lagesbild';
import type { Tally } from '../ports/lagesbild.port';
import type { SchoolActivityRow, SchoolIncidentRow, SchoolReports } from '../ports/schools.port';
import { weekSoFar } from '../periods';
import type { School } from './school';
import { isPlannable } from '../planned-activities';

// `skola <namn>` (issue 11): a school's picture. Its incidents and activities over the last 4 and 12
// weeks against the period before (and the mean of the four before), compared as the lägesbild
// compares (comparedByKey); its categories; its open follow-ups; its planned school activities.

/** The windows a school's picture looks back over, in calendar weeks (this week so far included). */
export const PICTURE_WEEKS = [4, 12] as const;


/** How far back the picture reads: the longest window and the four before it. */
export function pictureSince(now: Date, zone: string): { instant: Date; day: string } {
  const start = earliestStart(now, zone, Math.max(...PICTURE_WEEKS) * (LAGESBILD_LIMITS.comparisonPeriods + 1));
  return { instant: start.toJSDate(), day: start.toFormat('yyyy-MM-dd') };
}

export interface PictureWindow {
  weeks: number;
  incidents: Compared;
  activities: Compared;
}

export interface SchoolPicture {
  school: School;
  windows: PictureWindow[];
  /** Incident categories over the shortest window, against the periods before. */
  categories: KeyedCompared[];
  openIncidents: SchoolIncidentRow[];
  /** Activities whose follow-up day has come and is not marked done. */
  dueFollowUps: SchoolActivityRow[];
  /** Planned school activities from today on, soonest first. */
  planned: SchoolActivityRow[];
}

const earliestStart = (now: Date, zone: string, weeks: number) =>
  DateTime.fromJSDate(weekSoFar(now, zone).from, { zone }).minus({ weeks: weeks - 1 });

/** Range i (0 = now) of a window of `weeks`: its start and end (the end of range 0 is now). */
function windowRanges(now: Date, zone: string, weeks: number): { from: number; to: number }[] {
  const start = earliestStart(now, zone, weeks);
  return Array.from({ length: LAGESBILD_LIMITS.comparisonPeriods + 1 }, (_, i) => ({
    from: start.minus({ weeks: weeks * i }).toMillis(),
    to: i === 0 ? now.getTime() + 1 : start.minus({ weeks: weeks * (i - 1) }).toMillis(),
  }));
}

/** The rows counted into the ranges (a row before all of them counts in none), keyed as given. */
function tallies<T>(rows: readonly T[], at: (row: T) => number, key: (row: T) => string, ranges: { from: number; to: number }[]): Tally[] {
  const counts = new Map<string, Tally>();
  for (const row of rows) {
    const range = ranges.findIndex((r) => at(row) >= r.from && at(row) < r.to);
    if (range < 0) continue;
    const id = `${range}\u0000${key(row)}`;
    const tally = counts.get(id) ?? { range, key: key(row), count: 0, youth: null };
    tally.count += 1;
    counts.set(id, tally);
  }
  return [...counts.values()];
}

/** Tallies of one key (''): the count of the whole window against the ones before. */
const total = (tally: Tally[]): Compared => comparedByKey(tally)[0] ?? { count: 0, previous: 0, average: 0 };

export function buildSchoolPicture(school: School, reports: SchoolReports, now: Date, zone: string): SchoolPicture {
  const incidentAt = (r: SchoolIncidentRow) => r.occurredAt.getTime();
  const activityAt = (r: SchoolActivityRow) => DateTime.fromISO(r.date, { zone }).toMillis();
  const today = DateTime.fromJSDate(now, { zone }).toFormat('yyyy-MM-dd');
  const done = reports.activities.filter((a) => a.date <= today);
  const windows = PICTURE_WEEKS.map((weeks) => {
    const ranges = windowRanges(now, zone, weeks);
    return {
      weeks,
      incidents: total(tallies(reports.incidents, incidentAt, () => '', ranges)),
      activities: total(tallies(done, activityAt, () => '', ranges)),
    };
  });
  return {
    school,
    windows,
    categories: comparedByKey(tallies(reports.incidents, incidentAt, (r) => r.category, windowRanges(now, zone, PICTURE_WEEKS[0]))),
    openIncidents: reports.incidents.filter((r) => r.status !== 'atgardad'),
    dueFollowUps: reports.activities.filter((a) => a.followUpDate !== null && a.followUpDate <= today && !a.followUpDone),
    planned: reports.activities.filter((a) => a.date >= today && isPlannable(a.type)).sort((a, b) => a.date.localeCompare(b.date)),
  };
}

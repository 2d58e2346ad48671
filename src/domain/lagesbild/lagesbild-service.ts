import type { Clock } from '../ports/clock.port';
import { noHotSpotSummaries, type HotSpotSummarySource } from '../ports/hot-spot-summary.port';
import type { DigestScope, LagesbildAggregateRepository, Tally } from '../ports/lagesbild.port';
import {
  STOCKHOLM, dayCount, monthsEndingWith, monthsSpanned, shiftPeriod, weekNumberOf, weeksEndingWith, type Period,
} from '../periods';
import { DateTime } from 'luxon';
import { doneSoFar } from '../planned-activities';
import { LAGESBILD_LIMITS as L, cut, type ChartBucket, type KeyedCompared, type Lagesbild } from './lagesbild';

/**
 * Builds the lägesbild of a period, the same for the scheduled digest, the on-demand card and the
 * export: a handful of GROUP BY queries, then comparison and cutting here.
 */
export class LagesbildService {
  constructor(
    private readonly aggregates: LagesbildAggregateRepository,
    private readonly clock: Clock,
    private readonly hotSpots: HotSpotSummarySource = noHotSpotSummaries,
    readonly zone = STOCKHOLM,
  ) {}

  async build(scope: DigestScope, period: Period): Promise<Lagesbild> {
    const now = this.clock.now();
    // The period itself, then the four before it: index 0 is now, 1 the previous, 1–4 the average.
    const compared = Array.from({ length: L.comparisonPeriods + 1 }, (_, i) => shiftPeriod(period, -i));
    const chart = chartPeriods(period);
    const today = DateTime.fromJSDate(now, { zone: period.zone }).toFormat('yyyy-MM-dd');
    const [byCategory, byOrganisation, places, schools, perBar, types, activityOrgs, overdue, serious, hotSpots] = await Promise.all([
      this.aggregates.countIncidents(scope, compared, 'category'),
      this.aggregates.countIncidents(scope, compared, 'organisation'),
      this.aggregates.countIncidents(scope, [period], 'place'),
      this.aggregates.countIncidents(scope, [period], 'school'),
      this.aggregates.countIncidents(scope, chart.periods, 'none'),
      // A planned activity (dated ahead) is not done until its day: the period's activities stop at today.
      this.aggregates.countActivities(scope, [doneSoFar(period, today)], 'type'),
      this.aggregates.countActivities(scope, [doneSoFar(period, today)], 'organisation'),
      this.aggregates.overdueFollowUps(scope, today, L.overdue),
      this.aggregates.seriousIncidents(scope, period, L.serious),
      this.hotSpots.overview(scope, today),
    ]);
    const totals = Array.from({ length: compared.length }, (_, range) => sum(byCategory.filter((t) => t.range === range)));
    return {
      scope,
      period,
      generatedAt: now,
      incidents: {
        total: { count: totals[0]!, previous: totals[1]!, average: mean(totals.slice(1)) },
        byCategory: comparedByKey(byCategory),
        byOrganisation: comparedByKey(byOrganisation),
        topPlaces: cut(places.map((t) => ({ name: t.key, count: t.count })), L.places),
      },
      schools: {
        incidents: sum(schools),
        youth: knownSum(schools.map((t) => t.youth)),
        bySchool: cut(schools.map((t) => ({ name: t.key, count: t.count, youth: t.youth })), L.schools),
      },
      activities: {
        total: sum(types),
        byType: types.map((t) => ({ key: t.key, count: t.count })),
        byOrganisation: activityOrgs.map((t) => ({ key: t.key, count: t.count })),
      },
      overdue: cut(overdue.items, L.overdue, overdue.total),
      chart: chart.periods.map((p, range): ChartBucket => ({
        unit: chart.unit, firstDay: p.firstDay, weekNumber: weekNumberOf(p).weekNumber, partial: p.partial,
        count: sum(perBar.filter((t) => t.range === range)),
      })),
      serious: cut(serious.items, L.serious, serious.total),
      hotSpots: cut(hotSpots.active, L.hotSpots),
      suggestions: cut(hotSpots.suggested, L.hotSpots),
      overdueMeasures: cut(hotSpots.overdueMeasures, L.overdue),
    };
  }
}

/**
 * The bars of the chart: eight weeks for a week or a short range; by month for a month (with the
 * months before it), a year (its months so far) or a long range (its months, the first and last cut
 * to the range).
 */
export function chartPeriods(period: Period): { unit: 'week' | 'month'; periods: Period[] } {
  if (period.kind === 'week' || (period.kind === 'days' && dayCount(period) <= L.weeklyChartMaxDays)) {
    return { unit: 'week', periods: weeksEndingWith(period, L.chartWeeks) };
  }
  if (period.kind === 'month') return { unit: 'month', periods: monthsEndingWith(period, L.chartMonthsForMonth) };
  const months = monthsEndingWith(period, monthsSpanned(period));
  const first = months[0]!;
  if (first.from.getTime() < period.from.getTime()) months[0] = { ...first, from: period.from, firstDay: period.firstDay, partial: true };
  return { unit: 'month', periods: months };
}

const sum = (tallies: Tally[]) => tallies.reduce((n, t) => n + t.count, 0);
/** The sum of the counts given; null when none was given. */
const knownSum = (counts: (number | null)[]) => counts.reduce<number | null>((n, c) => (c === null ? n : (n ?? 0) + c), null);
const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

/**
 * Every key seen in any of the compared periods, largest current count first, then by key. Range 0 is
 * now, 1 the period before, 1–4 the average; also a school's picture compares this way.
 */
export function comparedByKey(tallies: Tally[]): KeyedCompared[] {
  const keys = [...new Set(tallies.map((t) => t.key))];
  const count = (key: string, range: number) => tallies.find((t) => t.key === key && t.range === range)?.count ?? 0;
  return keys
    .map((key) => ({
      key, count: count(key, 0), previous: count(key, 1),
      average: mean(Array.from({ length: L.comparisonPeriods }, (_, i) => count(key, i + 1))),
    }))
    .sort((a, b) => b.count - a.count || b.previous - a.previous || a.key.localeCompare(b.key));
}

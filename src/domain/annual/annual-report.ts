import type { Effect } from '../hotspots/effect';
import { localYear } from '../form-fields';
import type { HotspotView } from '../hotspots/hotspot-service';
import type { HotspotState } from '../hotspots/hotspot';
import type { DigestScope, LagesbildAggregateRepository, Tally } from '../ports/lagesbild.port';
import type { Clock } from '../ports/clock.port';
import type { SchoolRepository } from '../ports/schools.port';
import { SCHOOL_REGISTER_MAX } from '../schools/school';
import { daysPeriod, shiftPeriod, STOCKHOLM, yearPeriod, type Period } from '../periods';
import type { PromiseFollowUpSource, YearFollowUp } from '../promises/progress';
import type { Organisation } from '../vocabulary';

// Årsrapport: the yearly follow-up of a conversation's work as data, in no language. The HTML page and
// the Word file draw this one structure. Every count comes from the lägesbild's aggregate queries
// (LagesbildAggregateRepository, the GROUP BY queries the lägesbild is built from), asked for the
// year, its quarters and the same stretches a year earlier: no second counting.

/** Where a section's figures come from; each section of the document names its source. */
export type FigureSource = 'promise_register' | 'incident_reports' | 'activity_reports' | 'hotspot_register'
  /** The lägesbild enligt lag's analysis: the emerging hot spot rule, the EST week's area assessments, the coordinator's text. */
  | 'emerging_rule' | 'est_assessments' | 'coordinator_analysis';

/** A count of the year (or quarter) and of the same stretch the year before. */
export interface YearCompared {
  count: number;
  previousYear: number;
}

export interface KeyedYear extends YearCompared {
  key: string;
}

export type QuarterYear = YearCompared & { quarter: number };

/** A school's incidents, with the young people involved as recorded (null where no incident gave a number). */
export type SchoolYear = KeyedYear & { youth: number | null };

/** What both yearly documents (the årsrapport, the lägesbild enligt lag) are of: a conversation's calendar year. */
export interface YearDocumentOf {
  scope: DigestScope;
  year: number;
  /** The calendar year, partial while it runs (the year before is then compared over the same stretch). */
  period: Period;
  generatedAt: Date;
}

export interface AnnualHotspot {
  placeName: string;
  state: HotspotState;
  ownerOrganisation: Organisation;
  measures: number;
  measuresDone: number;
  effect: Effect | null;
}

export interface AnnualReport extends YearDocumentOf {
  promises: { source: 'promise_register' } & YearFollowUp;
  incidents: {
    source: 'incident_reports';
    total: YearCompared;
    quarters: QuarterYear[];
    byCategory: KeyedYear[];
    byPlace: KeyedYear[];
    /** By the register's parent areas (key '': places in no area). */
    byArea: KeyedYear[];
  };
  activities: { source: 'activity_reports'; total: YearCompared; byType: KeyedYear[] };
  hotspots: { source: 'hotspot_register'; worked: AnnualHotspot[] };
  schools: {
    source: 'incident_reports';
    bySchool: SchoolYear[];
    /** Activities per register school, keyed by the school's name in the register (null: a school no longer found). */
    activities: { source: 'activity_reports'; bySchool: (YearCompared & { school: string | null })[] };
  };
}

/** The channel's hot spots with their measures and effect (ChannelHotspots, as for exports). */
export interface AnnualHotspotSource {
  views(scope: DigestScope): Promise<HotspotView[]>;
}

/** The first year a report may be asked for: older years hold no data of this bot. */
export const FIRST_REPORT_YEAR = 2000;

/** The year of "årsrapport 2025": four digits, from FIRST_REPORT_YEAR to this year; null for anything else. */
export function parseReportYear(args: string, now: Date, zone = STOCKHOLM): number | null {
  const text = args.trim();
  if (!/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= FIRST_REPORT_YEAR && year <= localYear(now, zone) ? year : null;
}

export class AnnualReportBuilder {
  constructor(
    private readonly aggregates: LagesbildAggregateRepository,
    private readonly promises: PromiseFollowUpSource,
    private readonly hotspots: AnnualHotspotSource,
    private readonly clock: Clock,
    readonly zone = STOCKHOLM,
    /** Names the schools activities were counted by (their ids); without it the section lists none. */
    private readonly schoolRegister: Pick<SchoolRepository, 'list'> | null = null,
  ) {}

  async build(scope: DigestScope, year: number): Promise<AnnualReport> {
    const now = this.clock.now();
    const period = yearPeriod(year, this.zone, now);
    // A running year compares with the same stretch of the year before, as the lägesbild does.
    const before = shiftPeriod(period, -1);
    // The quarters of the year (ranges 0–3) and of the year before (4–7): ranges of one query must not
    // overlap (an incident counts in one range only), so the years are counted apart from them.
    const quarters = quarterPeriods(year, this.zone, now);
    const beforeQuarters = quarterPeriods(year - 1, this.zone, null);
    const days = [period, before].map((p) => ({ firstDay: p.firstDay, lastDay: p.lastDay }));
    const [perQuarter, categories, places, schools, activityTypes, activitySchools, followUp, views, areas] = await Promise.all([
      this.aggregates.countIncidents(scope, [...quarters, ...beforeQuarters], 'none'),
      this.aggregates.countIncidents(scope, [period, before], 'category'),
      this.aggregates.countIncidents(scope, [period, before], 'place'),
      this.aggregates.countIncidents(scope, [period, before], 'school'),
      this.aggregates.countActivities(scope, days, 'type'),
      this.schoolRegister ? this.aggregates.countActivities(scope, days, 'school') : Promise.resolve([]),
      this.promises.followUp(scope, year),
      this.hotspots.views(scope),
      this.aggregates.countIncidents(scope, [period, before], 'area'),
    ]);
    return {
      scope, year, period, generatedAt: now,
      promises: { source: 'promise_register', ...followUp },
      incidents: {
        source: 'incident_reports',
        total: { count: inRange(categories, 0), previousYear: inRange(categories, 1) },
        quarters: quarters.map((_, i) => ({ quarter: i + 1, count: inRange(perQuarter, i), previousYear: inRange(perQuarter, 4 + i) })),
        byCategory: byKey(categories),
        byPlace: byKey(places),
        byArea: byKey(areas),
      },
      activities: { source: 'activity_reports', total: { count: inRange(activityTypes, 0), previousYear: inRange(activityTypes, 1) }, byType: byKey(activityTypes) },
      hotspots: { source: 'hotspot_register', worked: views.filter((v) => workedIn(v, period)).map(annualHotspot) },
      schools: {
        source: 'incident_reports',
        bySchool: withYouth(schools),
        activities: { source: 'activity_reports', bySchool: await namedSchools(this.schoolRegister, scope, byKey(activitySchools)) },
      },
    };
  }
}

/** The register's names for school ids (keys are ids, never shown): a school not found is named null. */
async function namedSchools(register: Pick<SchoolRepository, 'list'> | null, scope: DigestScope, counts: KeyedYear[]): Promise<(YearCompared & { school: string | null })[]> {
  if (!register || counts.length === 0) return [];
  // One read of the register, not one per school.
  const names = new Map((await register.list({ tenantId: scope.tenantId }, SCHOOL_REGISTER_MAX)).map((s) => [s.id, s.name]));
  // Ties ordered by name, not by the ids they were counted under.
  return counts.map(({ key, ...c }) => ({ ...c, school: names.get(key) ?? null }))
    .sort((a, b) => b.count - a.count || b.previousYear - a.previousYear || (a.school ?? '\uffff').localeCompare(b.school ?? '\uffff', 'sv'));
}

/** The four quarters of a year; the quarters of a running year stop at now (a quarter not begun is empty). */
export function quarterPeriods(year: number, zone: string, now: Date | null): Period[] {
  return [1, 4, 7, 10].map((month) => {
    const first = `${year}-${String(month).padStart(2, '0')}-01`;
    const last = new Date(Date.UTC(year, month + 2, 0)).toISOString().slice(0, 10);
    return daysPeriod(first, last, zone, now);
  });
}

/** A hot spot was worked in the year when a measure of it was due or done, or an activity logged there, in the year. */
function workedIn(v: HotspotView, p: Period): boolean {
  const inYear = (day: string | null) => day !== null && p.firstDay <= day && day <= p.lastDay;
  const atInYear = (at: Date | null) => at !== null && p.from <= at && at < p.to;
  return v.measures.some((m) => inYear(m.dueDate) || atInYear(m.doneAt)) || v.activities.some((a) => inYear(a.date));
}

const annualHotspot = (v: HotspotView): AnnualHotspot => ({
  placeName: v.hotspot.placeName, state: v.hotspot.state, ownerOrganisation: v.hotspot.ownerOrganisation,
  measures: v.measures.length, measuresDone: v.measures.filter((m) => m.doneAt !== null).length, effect: v.effect,
});

export const sum = (tallies: readonly Tally[]) => tallies.reduce((n, t) => n + t.count, 0);

/** The count of one range of a query's tallies. */
export const inRange = (tallies: readonly Tally[], range: number): number => sum(tallies.filter((t) => t.range === range));

/** Schools by key with the year before, each with the young people of this year's incidents there. */
export const withYouth = (schools: readonly Tally[]): SchoolYear[] =>
  byKey(schools).map((s) => ({ ...s, youth: schools.find((t) => t.range === 0 && t.key === s.key)?.youth ?? null }));

/** Every key of either year, largest count of the year first, then by key. */
export function byKey(tallies: readonly Tally[]): KeyedYear[] {
  const count = (key: string, range: number) => tallies.find((t) => t.key === key && t.range === range)?.count ?? 0;
  return [...new Set(tallies.map((t) => t.key))]
    .map((key) => ({ key, count: count(key, 0), previousYear: count(key, 1) }))
    .sort((a, b) => b.count - a.count || b.previousYear - a.previousYear || a.key.localeCompare(b.key));
}

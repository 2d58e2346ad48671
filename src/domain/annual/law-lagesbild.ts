import type { AreaAssessment } from '../est/est.port';
import type { EstScale } from '../est/est-week';
import { recentWeekStarts } from '../est/est-week';
import type { EmergingPlace } from '../hotspots/emerging-hotspots';
import type { EmergingLabel } from '../hotspots/emerging-rule';
import type { Clock } from '../ports/clock.port';
import type { DigestScope, LagesbildAggregateRepository, Tally } from '../ports/lagesbild.port';
import { monthPeriod, shiftPeriod, STOCKHOLM, yearPeriod, type Period } from '../periods';
import type { PromiseFollowUpSource } from '../promises/progress';
import type { TenantScope } from '../scope';
import { byKey, inRange, quarterPeriods, withYouth, type AnnualHotspotSource, type FigureSource, type KeyedYear, type QuarterYear, type SchoolYear, type YearCompared, type YearDocumentOf } from './annual-report';
import type { LawAnalysis, LawAnalysisRepository } from './law-analysis';
import { actionPlan, risingCategories, worsenedAreas, type AreaStatusChange, type PlannedMeasure } from './law-findings';

// Lägesbild enligt lag (SFS 2023:196 §4): the municipality's yearly picture of crime in the structure
// the law asks for: kartläggning (omfattning; konsekvenser as recorded), analys, and a draft
// åtgärdsplan, as data in no language. Every count comes from the lägesbild's aggregate queries
// (LagesbildAggregateRepository), the hot spot findings from the emerging hot spot rule, the areas'
// status from the EST week's assessments, the plan from the hot spot and promise registers.

/** How many places the "most affected" table lists. */
export const TOP_PLACES = 10;

export interface LawHotspotFinding {
  placeName: string;
  label: EmergingLabel;
  /** Incidents in the last week of the year looked at, and the mean of the 8 weeks before. */
  latest: number;
  baselineMean: number;
  /** Sen slope in incidents per week, when the trend is rising. */
  slope: number | null;
  /** Whether the place is already worked as a hot spot (else the rule proposes it). */
  hasHotspot: boolean;
}

export interface LawLagesbild extends YearDocumentOf {
  extent: {
    source: 'incident_reports';
    total: YearCompared;
    byCategory: KeyedYear[];
    /** By the register's parent areas (key '': places in no area). */
    byArea: KeyedYear[];
    quarters: QuarterYear[];
    months: (YearCompared & { month: number })[];
  };
  consequences: {
    source: 'incident_reports';
    bySeverity: KeyedYear[];
    topPlaces: KeyedYear[];
    /** Young people involved as recorded (a sum of counts, never names); null where no incident gave one. */
    youth: { count: number | null; previousYear: number | null; byCategory: { key: string; youth: number }[] };
    bySchool: SchoolYear[];
  };
  analysis: {
    hotspots: { source: 'emerging_rule'; at: Date; findings: LawHotspotFinding[] };
    areas: { source: 'est_assessments'; worsened: AreaStatusChange[]; scale: EstScale | null };
    categories: { source: 'incident_reports'; rising: KeyedYear[] };
    coordinator: { source: 'coordinator_analysis'; analysis: LawAnalysis | null };
  };
  actionPlan: { sources: FigureSource[]; items: PlannedMeasure[] };
}

/** Every place through the emerging hot spot rule, at a given moment (emergingHotspots). */
export interface EmergingAtSource {
  emerging(scope: TenantScope, at: Date): Promise<EmergingPlace[]>;
}

/** The register's areas and the conversation's weekly assessments (the EST week). */
export interface AreaAssessmentSource {
  areas(scope: TenantScope): Promise<{ id: string; name: string }[]>;
  assessments(scope: DigestScope, weekStarts: readonly string[]): Promise<AreaAssessment[]>;
  /** EST_SCALE's labels, as the lägesbild card shows them; null (or absent): the catalogue's. */
  readonly scale?: EstScale | null;
}

export interface LawLagesbildSources {
  aggregates: LagesbildAggregateRepository;
  promises: PromiseFollowUpSource;
  hotspots: AnnualHotspotSource;
  emerging: EmergingAtSource;
  est: AreaAssessmentSource;
  analyses: Pick<LawAnalysisRepository, 'get'>;
}

export class LawLagesbildBuilder {
  constructor(private readonly s: LawLagesbildSources, private readonly clock: Clock, readonly zone = STOCKHOLM) {}

  async build(scope: DigestScope, year: number): Promise<LawLagesbild> {
    const now = this.clock.now();
    const period = yearPeriod(year, this.zone, now);
    const before = shiftPeriod(period, -1);
    const compared = [period, before];
    // Months of the year (ranges 0–11) and of the year before (12–23): ranges of one query must not overlap.
    const months = [...monthPeriods(year, this.zone, now), ...monthPeriods(year - 1, this.zone, null)];
    // The rule looks at the weeks up to the end of the year (or now, while it runs).
    const lastMoment = new Date(period.to.getTime() - 1);
    const a = this.s.aggregates;
    const [categories, areas, perMonth, severities, places, schools, views, followUp, emerging, estAreas, assessments, analysis] = await Promise.all([
      a.countIncidents(scope, compared, 'category'),
      a.countIncidents(scope, compared, 'area'),
      a.countIncidents(scope, months, 'none'),
      a.countIncidents(scope, compared, 'severity'),
      a.countIncidents(scope, compared, 'place'),
      a.countIncidents(scope, compared, 'school'),
      this.s.hotspots.views(scope),
      this.s.promises.followUp(scope, year),
      this.s.emerging.emerging(scope, lastMoment),
      this.s.est.areas(scope),
      this.s.est.assessments(scope, weekStartsOf(year, lastMoment, this.zone)),
      this.s.analyses.get(scope, year),
    ]);
    const byCategory = byKey(categories);
    const monthly = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, count: inRange(perMonth, i), previousYear: inRange(perMonth, 12 + i) }));
    return {
      scope, year, period, generatedAt: now,
      extent: {
        source: 'incident_reports',
        total: { count: inRange(categories, 0), previousYear: inRange(categories, 1) },
        byCategory,
        byArea: byKey(areas),
        // Quarters are their months added up (quarterPeriods cut the same way).
        quarters: quarterPeriods(year, this.zone, now).map((_, q) => ({
          quarter: q + 1, ...monthly.slice(q * 3, q * 3 + 3).reduce((t, m) => ({ count: t.count + m.count, previousYear: t.previousYear + m.previousYear }), { count: 0, previousYear: 0 }),
        })),
        months: monthly,
      },
      consequences: {
        source: 'incident_reports',
        bySeverity: byKey(severities),
        topPlaces: byKey(places).filter((p) => p.count > 0).slice(0, TOP_PLACES),
        youth: {
          count: youthOf(categories.filter((t) => t.range === 0)),
          previousYear: youthOf(categories.filter((t) => t.range === 1)),
          byCategory: categories.filter((t) => t.range === 0 && (t.youth ?? 0) > 0).map((t) => ({ key: t.key, youth: t.youth! }))
            .sort((x, y) => y.youth - x.youth || x.key.localeCompare(y.key)),
        },
        bySchool: withYouth(schools),
      },
      analysis: {
        hotspots: { source: 'emerging_rule', at: lastMoment, findings: emerging.map(lawFinding) },
        areas: { source: 'est_assessments', worsened: worsenedAreas(estAreas, assessments), scale: this.s.est.scale ?? null },
        categories: { source: 'incident_reports', rising: risingCategories(byCategory) },
        coordinator: { source: 'coordinator_analysis', analysis },
      },
      actionPlan: { sources: ['hotspot_register', 'promise_register'], items: actionPlan(views, followUp, period) },
    };
  }
}

/** The twelve months of a year; the months of a running year stop at now (a month not begun is empty). */
export function monthPeriods(year: number, zone: string, now: Date | null): Period[] {
  return Array.from({ length: 12 }, (_, i) => monthPeriod(year, i + 1, zone, now));
}

/** The Mondays in the year up to `last` (the weeks an assessment can be for), oldest first. */
function weekStartsOf(year: number, last: Date, zone: string): string[] {
  return recentWeekStarts(last, 54, zone).filter((w) => w.startsWith(`${year}-`));
}

/** Young people summed over the tallies that gave a count; null when none did. */
function youthOf(tallies: readonly Tally[]): number | null {
  const given = tallies.filter((t) => t.youth !== null);
  return given.length === 0 ? null : given.reduce((n, t) => n + t.youth!, 0);
}

const lawFinding = (e: EmergingPlace): LawHotspotFinding => ({
  placeName: e.place.name, label: e.finding.label, latest: e.finding.latest, baselineMean: e.finding.baselineMean,
  slope: e.finding.trend?.slope ?? null, hasHotspot: e.hotspot !== null,
});

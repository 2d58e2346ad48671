import type { ActiveHotSpot, OverdueMeasure, SuggestedPlace } from '../ports/hot-spot-summary.port';
import type { DigestScope, OverdueFollowUp, SeriousIncident } from '../ports/lagesbild.port';
import type { Period } from '../periods';

// The lokal lägesbild of a period as data, in no language: cards, the printable report and the
// scheduled digest all draw this one structure.

/** A count with what it is compared against: the period before, and the mean of the four before. */
export interface Compared {
  count: number;
  previous: number;
  average: number;
}

export interface KeyedCompared extends Compared {
  key: string;
}

/** A list cut to its first entries; `more` says how many were left out ("och N till"). */
export interface Cut<T> {
  items: T[];
  more: number;
}

/** One bar of the chart: a calendar week or month; `partial` when it is cut short at now. */
export interface ChartBucket {
  unit: 'week' | 'month';
  /** Local day YYYY-MM-DD the week or month starts on. */
  firstDay: string;
  weekNumber: number;
  count: number;
  partial: boolean;
}

export interface Lagesbild {
  scope: DigestScope;
  period: Period;
  generatedAt: Date;
  incidents: {
    total: Compared;
    byCategory: KeyedCompared[];
    byOrganisation: KeyedCompared[];
    topPlaces: Cut<{ name: string; count: number }>;
  };
  schools: {
    incidents: number;
    /** Young people involved, summed where a count was given; null: no incident gave one ("okänt antal", not 0). */
    youth: number | null;
    bySchool: Cut<{ name: string; count: number; youth: number | null }>;
  };
  activities: {
    total: number;
    byType: { key: string; count: number }[];
    byOrganisation: { key: string; count: number }[];
  };
  overdue: Cut<OverdueFollowUp>;
  /** Incidents per week (eight weeks up to the period's end) or, for a month or longer, per month; oldest first. */
  chart: ChartBucket[];
  /** Incidents of severity hög in the period, newest first. */
  serious: Cut<SeriousIncident>;
  /** The channel's hot spots with their SARA stage. */
  hotSpots: Cut<ActiveHotSpot>;
  /** Places the emerging rule suggests: not hot spots, shown apart. */
  suggestions: Cut<SuggestedPlace>;
  overdueMeasures: Cut<OverdueMeasure>;
}

/** How long the lists of a lägesbild may be: keeps a card far below Teams' 80 KB. */
export const LAGESBILD_LIMITS = {
  places: 10,
  schools: 10,
  overdue: 10,
  hotSpots: 10,
  serious: 10,
  chartWeeks: 8,
  /** A month is drawn with the months before it, to show the season. */
  chartMonthsForMonth: 6,
  /** A period longer than this many days is drawn by month. */
  weeklyChartMaxDays: 62,
  comparisonPeriods: 4,
  exportRows: 50_000,
} as const;

export function cut<T>(items: T[], max: number, total = items.length): Cut<T> {
  return { items: items.slice(0, max), more: Math.max(0, total - Math.min(max, items.length)) };
}

export function isEmpty(l: Lagesbild): boolean {
  return l.incidents.total.count === 0 && l.activities.total === 0 && l.overdue.items.length === 0 && l.hotSpots.items.length === 0
    && l.overdueMeasures.items.length === 0 && l.suggestions.items.length === 0;
}

/**
 * The category that moved most against its four-period average (up or down), when any moved by at
 * least one: the "what changed most" line of the summary.
 */
export function mostChanged(byCategory: readonly KeyedCompared[]): KeyedCompared | null {
  let best: KeyedCompared | null = null;
  for (const c of byCategory) {
    const change = Math.abs(c.count - c.average);
    if (change >= 1 && (best === null || change > Math.abs(best.count - best.average))) best = c;
  }
  return best;
}

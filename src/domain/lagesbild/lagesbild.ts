import type { HotSpotSummary } from '../ports/hot-spot-summary.port';
import type { DigestScope, OverdueFollowUp } from '../ports/lagesbild.port';
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
  /** Incidents per ISO week, the last eight weeks up to the period's end, oldest first. */
  weeks: { weekYear: number; weekNumber: number; count: number; partial: boolean }[];
  hotSpots: Cut<HotSpotSummary>;
}

/** How long the lists of a lägesbild may be: keeps a card far below Teams' 80 KB. */
export const LAGESBILD_LIMITS = {
  places: 10,
  schools: 10,
  overdue: 10,
  hotSpots: 10,
  chartWeeks: 8,
  comparisonPeriods: 4,
  exportRows: 50_000,
} as const;

export function cut<T>(items: T[], max: number, total = items.length): Cut<T> {
  return { items: items.slice(0, max), more: Math.max(0, total - Math.min(max, items.length)) };
}

export function isEmpty(l: Lagesbild): boolean {
  return l.incidents.total.count === 0 && l.activities.total === 0 && l.overdue.items.length === 0 && l.hotSpots.items.length === 0;
}

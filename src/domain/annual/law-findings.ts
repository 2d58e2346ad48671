import type { HotspotView } from '../hotspots/hotspot-service';
import type { Period } from '../periods';
import type { CommitmentStatus } from '../promises/promise';
import type { YearFollowUp } from '../promises/progress';
import type { Organisation } from '../vocabulary';
import type { KeyedYear } from './annual-report';

// The analysis and the draft åtgärdsplan of the lägesbild enligt lag, worked out from data the
// document has read: plain functions, so a test can check each rule on its own.

/** An area's EST status over the year: the first and the last assessment of the year (1 grön … 3 röd). */
export interface AreaStatusChange {
  areaName: string;
  from: { level: 1 | 2 | 3; weekStart: string };
  to: { level: 1 | 2 | 3; weekStart: string };
}

/** The areas whose last assessment of the year is worse than their first, most worsened first. */
export function worsenedAreas(
  areas: readonly { id: string; name: string }[], assessments: readonly { areaId: string; weekStart: string; level: 1 | 2 | 3 }[],
): AreaStatusChange[] {
  return areas.flatMap((area): AreaStatusChange[] => {
    const own = assessments.filter((a) => a.areaId === area.id).sort((a, b) => (a.weekStart < b.weekStart ? -1 : 1));
    const [first, last] = [own[0], own.at(-1)];
    if (!first || !last || last.level <= first.level) return [];
    return [{ areaName: area.name, from: { level: first.level, weekStart: first.weekStart }, to: { level: last.level, weekStart: last.weekStart } }];
  }).sort((a, b) => (b.to.level - b.from.level) - (a.to.level - a.from.level) || a.areaName.localeCompare(b.areaName, 'sv'));
}

/** How many rising categories the analysis names. */
export const RISING_CATEGORIES = 3;

/** The categories that rose most against the year before (by number of incidents), at most RISING_CATEGORIES. */
export function risingCategories(byCategory: readonly KeyedYear[]): KeyedYear[] {
  return byCategory.filter((c) => c.count > c.previousYear)
    .sort((a, b) => (b.count - b.previousYear) - (a.count - a.previousYear) || a.key.localeCompare(b.key))
    .slice(0, RISING_CATEGORIES);
}

/** A row of the draft åtgärdsplan: a hot spot's measure or a commitment of the year's medborgarlöften. */
export type PlannedMeasure = {
  what: string;
  responsible: Organisation[];
} & (
  | { source: 'hotspot_register'; placeName: string; dueDate: string | null; doneAt: Date | null }
  | { source: 'promise_register'; promiseTitle: string; periodFrom: string; periodTo: string; status: CommitmentStatus }
);

/**
 * The measures of the hot spots (open ones, and those done in the year), then the commitments of the
 * year's promises, each with who is responsible and when.
 */
export function actionPlan(views: readonly HotspotView[], followUp: YearFollowUp, period: Period): PlannedMeasure[] {
  const doneInYear = (at: Date | null) => at !== null && period.from <= at && at < period.to;
  const measures = views.flatMap((v) => v.measures.filter((m) => m.doneAt === null || doneInYear(m.doneAt)).map((m): PlannedMeasure => ({
    what: m.what, responsible: [m.organisation], source: 'hotspot_register', placeName: v.hotspot.placeName, dueDate: m.dueDate, doneAt: m.doneAt,
  })));
  const commitments = followUp.promises.flatMap((p) => p.commitments.map((c): PlannedMeasure => ({
    what: c.commitment.text, responsible: c.commitment.organisations, source: 'promise_register', promiseTitle: p.promise.title,
    periodFrom: c.commitment.periodFrom, periodTo: c.commitment.periodTo, status: c.status,
  })));
  return [...measures, ...commitments];
}

import type { Period } from '../periods';
import type { DigestScope } from './lagesbild.port';

/**
 * The hook where hot spots join the lägesbild (issue 4 builds them): emerging and active hot spots of
 * the scope with their next follow-up. Until a source is wired, the lägesbild has no hot spot section.
 */
export interface HotSpotSummary {
  placeName: string;
  /** Already readable labels, e.g. "ny", "återkommande". */
  labels: string[];
  /** Local day YYYY-MM-DD of the next follow-up, when one is planned. */
  nextFollowUp: string | null;
}

export interface HotSpotSummarySource {
  summaries(scope: DigestScope, period: Period): Promise<HotSpotSummary[]>;
}

export const noHotSpotSummaries: HotSpotSummarySource = { summaries: async () => [] };

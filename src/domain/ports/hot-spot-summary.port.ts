import type { EmergingLabel } from '../hotspots/emerging-rule';
import type { HotspotState } from '../hotspots/hotspot';
import type { Organisation } from '../vocabulary';
import type { DigestScope } from './lagesbild.port';

/**
 * Where hot spots join the lägesbild: the channel's real hot spots with their SARA stage, the places
 * the emerging rule only suggests (kept apart, they are not hot spots), and the measures past due.
 */
export interface ActiveHotSpot {
  placeName: string;
  stage: HotspotState;
  /** Local day YYYY-MM-DD of the next follow-up, when one is planned. */
  nextFollowUp: string | null;
}

export interface SuggestedPlace {
  placeName: string;
  label: EmergingLabel;
}

export interface OverdueMeasure {
  placeName: string;
  /** The measure as typed (already through the personal-data guard when saved). */
  what: string;
  /** Who owns it: the organisation that took it on. */
  organisation: Organisation;
  dueDate: string;
}

export interface HotSpotOverview {
  active: ActiveHotSpot[];
  suggested: SuggestedPlace[];
  /** Open measures of the channel's hot spots due before `today`, oldest due first. */
  overdueMeasures: OverdueMeasure[];
}

export interface HotSpotSummarySource {
  /** `today` is the local day YYYY-MM-DD the lägesbild is made on. */
  overview(scope: DigestScope, today: string): Promise<HotSpotOverview>;
}

export const noHotSpotSummaries: HotSpotSummarySource = { overview: async () => ({ active: [], suggested: [], overdueMeasures: [] }) };

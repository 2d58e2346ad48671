import type { HotSpotSummary, HotSpotSummarySource } from '../ports/hot-spot-summary.port';
import type { HotspotRepository } from '../ports/hotspots.port';
import type { EmergingPlace } from './emerging-hotspots';
import type { EmergingLabel } from './emerging-rule';
import type { ChatScope, TenantScope } from '../scope';

/** The port asks for readable labels; these are the rule's own words (DOMAIN.md). */
const LABEL_WORDS: Record<EmergingLabel, string> = { ny: 'ny', aterkommande: 'återkommande', ihallande: 'ihållande', okande: 'ökande' };

/**
 * Hot spots for the lägesbild: the channel's active hot spots with their next follow-up, then the
 * places of the tenant the emerging rule proposes (not hot spots yet), each with its label.
 */
export class HotspotSummaries implements HotSpotSummarySource {
  constructor(private readonly hotspots: HotspotRepository, private readonly emerging: (scope: TenantScope) => Promise<EmergingPlace[]>) {}

  async summaries(scope: ChatScope): Promise<HotSpotSummary[]> {
    const [active, found] = await Promise.all([this.hotspots.listActive(scope), this.emerging(scope)]);
    const labelOf = new Map(found.map((f) => [f.place.id, LABEL_WORDS[f.finding.label]]));
    const ours = active.filter((h) => h.origin.conversationId === scope.conversationId).map((h) => ({
      placeName: h.placeName, labels: labelOf.has(h.placeId) ? [labelOf.get(h.placeId)!] : [], nextFollowUp: h.followUpDate,
    }));
    const proposed = found.filter((f) => !f.hotspot).map((f) => ({ placeName: f.place.name, labels: [LABEL_WORDS[f.finding.label]], nextFollowUp: null }));
    return [...ours, ...proposed];
  }
}

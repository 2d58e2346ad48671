import type { HotSpotOverview, HotSpotSummarySource } from '../ports/hot-spot-summary.port';
import type { HotspotRepository } from '../ports/hotspots.port';
import type { EmergingPlace } from './emerging-hotspots';
import type { ChatScope, TenantScope } from '../scope';

/**
 * Hot spots for the lägesbild: the channel's active hot spots with their stage, next follow-up and
 * overdue measures, then the places of the tenant the emerging rule proposes (not hot spots yet).
 * Measures are read only for the channel's own active hot spots: a handful, never every row.
 */
export class HotspotSummaries implements HotSpotSummarySource {
  constructor(private readonly hotspots: HotspotRepository, private readonly emerging: (scope: TenantScope) => Promise<EmergingPlace[]>) {}

  async overview(scope: ChatScope, today: string): Promise<HotSpotOverview> {
    const [active, found] = await Promise.all([this.hotspots.listActive(scope), this.emerging(scope)]);
    const ours = active.filter((h) => h.origin.conversationId === scope.conversationId);
    const placeOf = new Map(ours.map((h) => [h.id, h.placeName]));
    const measures = ours.length === 0 ? [] : await this.hotspots.measures(scope, ours.map((h) => h.id));
    return {
      // A hot spot is shown by its stage; the rule's labels are only for places that are not hot spots yet.
      active: ours.map((h) => ({ placeName: h.placeName, stage: h.state, nextFollowUp: h.followUpDate })),
      suggested: found.filter((f) => !f.hotspot).map((f) => ({ placeName: f.place.name, label: f.finding.label })),
      overdueMeasures: measures
        .filter((m) => m.doneAt === null && m.dueDate !== null && m.dueDate < today)
        .map((m) => ({ placeName: placeOf.get(m.hotspotId) ?? '', what: m.what, organisation: m.organisation, dueDate: m.dueDate! }))
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
    };
  }
}

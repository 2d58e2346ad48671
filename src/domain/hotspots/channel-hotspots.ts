import type { HotspotRepository } from '../ports/hotspots.port';
import type { ChatScope } from '../scope';
import type { HotspotService, HotspotView } from './hotspot-service';

/**
 * The hot spots an export of a channel holds: the tenant's active hot spots that were started in that
 * channel, each with its measures and effect. Hot spots belong to the tenant; a channel's export shows
 * only its own, so nothing started in another channel leaves through it.
 */
export class ChannelHotspots {
  constructor(private readonly hotspots: Pick<HotspotRepository, 'listActive'>, private readonly service: Pick<HotspotService, 'view'>) {}

  async views(scope: ChatScope): Promise<HotspotView[]> {
    const active = await this.hotspots.listActive(scope);
    const own = active.filter((h) => h.origin.tenantId === scope.tenantId && h.origin.conversationId === scope.conversationId);
    return Promise.all(own.map((h) => this.service.view(scope, h)));
  }
}

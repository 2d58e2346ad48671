import type { AdaptiveCard } from '../cards/card-schema';
import { hotspotView } from '../cards/hotspot-cards';
import { savedReport } from '../cards/report-cards';
import { personalVerbs, REFRESH_USER_LIMIT, SHARED_CARD_VERBS, withoutActions, withRefresh } from '../cards/shared-card';
import type { ConfiguredCoordinator } from '../domain/access-policy';
import type { HotspotService } from '../domain/hotspots/hotspot-service';
import type { SharedItem } from '../domain/ports/card-messages.port';
import type { UserProfileRepository } from '../domain/ports/store.port';
import type { ReportingService } from '../domain/reporting-service';
import type { ChatScope } from '../domain/scope';
import type { Locale } from '../i18n/messages';

export interface SharedCardSources {
  reporting: Pick<ReportingService, 'get'>;
  hotspots: Pick<HotspotService, 'get' | 'view'>;
  users: Pick<UserProfileRepository, 'get'>;
  /** The coordinators named in the configuration (COORDINATORS). */
  coordinators: readonly ConfiguredCoordinator[];
}

/**
 * The card everyone in the item's conversation sees: the report or hot spot as it now is, loaded within
 * its own tenant and conversation, with no note for any one user and only the buttons anyone may use.
 * The reporter (or the hot spot's owner and starter) and the tenant's coordinators known to the bot get
 * their own buttons through Universal Actions' refresh (at most 60 users). Null when the item is gone.
 */
export function sharedCardRenderer(s: SharedCardSources) {
  /** Teams ids of the users, from their profiles in the tenant; users the bot never met are left out. */
  const teamsIds = async (scope: ChatScope, userIds: readonly string[]): Promise<string[]> => {
    const coordinators = s.coordinators.filter((c) => c.tenantId.toLowerCase() === scope.tenantId.toLowerCase()).map((c) => c.userId.toLowerCase());
    const wanted = [...new Set([...userIds, ...coordinators])].slice(0, REFRESH_USER_LIMIT);
    const profiles = await Promise.all(wanted.map((id) => s.users.get({ tenantId: scope.tenantId }, id).catch(() => null)));
    return profiles.map((p) => p?.chatUserId ?? '').filter((id) => id !== '');
  };
  return async (scope: ChatScope, item: SharedItem, locale: Locale): Promise<AdaptiveCard | null> => {
    if (item.kind === 'hotspot') {
      const hotspot = await s.hotspots.get(scope, item.id);
      if (!hotspot) return null;
      const card = withoutActions(hotspotView(locale, await s.hotspots.view(scope, hotspot)), personalVerbs('hotspot'));
      return withRefresh(card, SHARED_CARD_VERBS.refreshHotspot, { id: hotspot.id }, await teamsIds(scope, [hotspot.owner.userId, hotspot.createdBy.userId]));
    }
    const report = await s.reporting.get(scope, item.kind, item.id);
    if (!report) return null;
    const card = withoutActions(savedReport(locale, report, 'none'), personalVerbs('report'));
    return withRefresh(card, SHARED_CARD_VERBS.refreshReport, { kind: report.kind, id: report.id }, await teamsIds(scope, [report.reporter.userId]));
  };
}

import type { AdaptiveCard } from '../cards/card-schema';
import { hotspotView } from '../cards/hotspot-cards';
import { savedReport } from '../cards/report-cards';
import { personalVerbs, REFRESH_USER_LIMIT, SHARED_CARD_VERBS, withoutActions, withRefresh } from '../cards/shared-card';
import { configuredCoordinatorsOf, organisationsWithButtons, type ConfiguredCoordinator } from '../domain/access-policy';
import type { CoordinatorRepository } from '../domain/ports/audit.port';
import type { HotspotService } from '../domain/hotspots/hotspot-service';
import type { SharedItem } from '../domain/ports/card-messages.port';
import type { MembershipRepository } from '../domain/ports/memberships.port';
import type { UserProfileRepository } from '../domain/ports/store.port';
import type { ReportingService } from '../domain/reporting-service';
import type { ChatScope } from '../domain/scope';
import type { Organisation } from '../domain/vocabulary';
import type { Locale } from '../i18n/messages';
import { calloutView } from '../cards/mobilisation-cards';
import type { CalloutRepository } from '../domain/ports/mobilisation.port';

export interface SharedCardSources {
  reporting: Pick<ReportingService, 'get'>;
  hotspots: Pick<HotspotService, 'get' | 'view'>;
  users: Pick<UserProfileRepository, 'get'>;
  /** The coordinators named in the configuration (COORDINATORS). */
  coordinators: readonly ConfiguredCoordinator[];
  /** The coordinators named by command (`koordinator @namn`), stored per tenant. */
  namedCoordinators: Pick<CoordinatorRepository, 'list'>;
  memberships: Pick<MembershipRepository, 'membersOf'>;
  /** Call-outs (issue 11): the same card for everyone, in the channel and in every personal copy. */
  callouts?: Pick<CalloutRepository, 'get'>;
  now?: () => Date;
}

/**
 * The card everyone in the item's conversation sees: the report or hot spot as it now is, loaded within
 * its own tenant and conversation, with no note for any one user and only the buttons anyone may use.
 * The users whose buttons differ get their own through Universal Actions' refresh, at most Teams' 60,
 * in this order: the reporter (or the hot spot's owner), the hot spot's starter, the tenant's
 * coordinators (configured, then named by command), the confirmed members of the organisations with
 * more buttons (src/domain/access-policy.ts). Users the bot never met are left out. Null when the item is gone.
 */
export function sharedCardRenderer(s: SharedCardSources) {
  const refreshUsers = async (scope: ChatScope, people: readonly string[], organisations: readonly Organisation[]): Promise<string[]> => {
    const tenant = { tenantId: scope.tenantId };
    const configured = configuredCoordinatorsOf(s.coordinators, scope.tenantId);
    const [named, members] = await Promise.all([
      s.namedCoordinators.list(tenant, REFRESH_USER_LIMIT),
      s.memberships.membersOf(tenant, organisations, REFRESH_USER_LIMIT),
    ]);
    const wanted = [...new Set([...people, ...configured, ...named, ...members])];
    const profiles = await Promise.all(wanted.map((id) => s.users.get(tenant, id).catch(() => null)));
    return profiles.map((p) => p?.chatUserId ?? '').filter((id) => id !== '').slice(0, REFRESH_USER_LIMIT);
  };
  return async (scope: ChatScope, item: SharedItem, locale: Locale): Promise<AdaptiveCard | null> => {
    if (item.kind === 'hotspot') {
      const hotspot = await s.hotspots.get(scope, item.id);
      if (!hotspot) return null;
      const card = withoutActions(hotspotView(locale, await s.hotspots.view(scope, hotspot)), personalVerbs('hotspot'));
      const users = await refreshUsers(scope, [hotspot.owner.userId, hotspot.createdBy.userId], organisationsWithButtons({ kind: 'hotspot', hotspot }));
      return withRefresh(card, SHARED_CARD_VERBS.refreshHotspot, { id: hotspot.id }, users);
    }
    if (item.kind === 'mobilisation') {
      const callout = await s.callouts?.get(scope, item.id);
      return callout ? calloutView(locale, callout, s.now?.() ?? new Date()) : null;
    }
    const report = await s.reporting.get(scope, item.kind, item.id);
    if (!report) return null;
    const card = withoutActions(savedReport(locale, report, 'none'), personalVerbs('report'));
    const users = await refreshUsers(scope, [report.reporter.userId], organisationsWithButtons({ kind: 'report', report }));
    return withRefresh(card, SHARED_CARD_VERBS.refreshReport, { kind: report.kind, id: report.id }, users);
  };
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type express from 'express';
import { ConversationRoster, type ConversationRosterOptions } from './bot/conversation-roster';
import type { Config } from './config/config';
import { LagesbildService } from './domain/lagesbild/lagesbild-service';
import type { Clock } from './domain/ports/clock.port';
import type { ConversationMembers } from './domain/ports/conversation-members.port';
import type { HotSpotSummarySource } from './domain/ports/hot-spot-summary.port';
import type { Store } from './domain/ports/store.port';
import { STOCKHOLM } from './domain/periods';
import { EstAreaStatuses } from './domain/tab/est-area-statuses';
import { LagesbildMap } from './domain/tab/lagesbild-map';
import { RegisterSchoolLocations } from './domain/tab/register-school-locations';
import { tabRoutes } from './http/tab/tab-routes';
import { tabTokenVerifier } from './http/tab/tab-token';
import type { Logger } from './logging/logger';

export interface TabWiringDeps {
  config: Config;
  store: Store;
  clock: Clock;
  log: Logger;
  adapter: ConversationRosterOptions['adapter'];
  hotSpots?: HotSpotSummarySource;
  /** Who is a member of a conversation; default the Teams roster (tests give the roster's answers). */
  members?: ConversationMembers;
}

/** The lägesbild tab (issue 13) wired together: the map's data, single sign-on, the roster check and the routes. */
export function composeTab(d: TabWiringDeps): { path: string; router: express.Router }[] {
  const { config, store, clock, log } = d;
  // The digest's own builder gives the tab its comparisons: the numbers are counted in one place.
  const lagesbild = new LagesbildService(store.lagesbild, clock, d.hotSpots, STOCKHOLM);
  const map = new LagesbildMap({
    incidents: store.mapIncidents, register: store.placeRegister, hotspots: store.hotspots, lagesbild,
    schoolRegister: store.schools,
    // The school register's schools (and skola places it does not name); areas by their latest EST status.
    schools: new RegisterSchoolLocations(store.schools, store.placeRegister),
    areaStatuses: new EstAreaStatuses(store.est, store.placeRegister, clock, STOCKHOLM),
  });
  const publicBaseUrl = config.exports.publicBaseUrl;
  return tabRoutes({
    map, clock, zone: STOCKHOLM, log, locales: config.defaultLocales,
    conversations: store.conversations, reports: store.reports,
    members: d.members ?? new ConversationRoster({ adapter: d.adapter, appId: config.bot.appId, serviceUrls: config.bot, log }),
    verify: tabTokenVerifier({
      appId: config.tab.ssoAppId, publicHost: publicBaseUrl ? new URL(publicBaseUrl).host : null,
      jwksUrl: config.tab.jwksUrl, issuers: config.tab.issuers, allowedTenants: config.allowedTenants,
    }),
    previewAllowed: !config.bot.authEnabled,
    tiles: { url: config.tab.tileUrl, attribution: config.tab.tileAttribution },
    assetsDir: tabAssetsDir(),
  });
}

/**
 * The bundled page: next to the compiled code (dist/tab) when running from dist/, else dist/tab of the
 * project when running the sources (tests, tsx).
 */
export function tabAssetsDir(): string {
  const beside = join(__dirname, 'tab');
  return existsSync(join(beside, 'tab.js')) ? beside : join(__dirname, '..', 'dist', 'tab');
}

import { randomUUID } from 'node:crypto';
import type express from 'express';
import { ConnectorDigestPoster, type ConnectorDigestPosterOptions } from './bot/connector-digest-poster';
import * as lagesbildCards from './cards/lagesbild-cards';
import type { Config } from './config/config';
import type { AccessPolicy } from './domain/access-policy';
import { lagesbildCommands, lagesbildVerbs, type LagesbildFeature } from './conversation/lagesbild-commands';
import type { CommandEntry, VerbEntry } from './conversation/registry/entries';
import { localYear } from './domain/form-fields';
import { DIGEST_POST_INTERVAL_MS, Pacer } from './domain/digests/pacer';
import { ScheduledDigests } from './domain/digests/scheduled-digests';
import { JobLeases } from './domain/jobs/job-leases';
import { SubscriptionService } from './domain/digests/subscription-service';
import { ExportService, type HotspotExportSource } from './domain/lagesbild/export-service';
import { LagesbildService } from './domain/lagesbild/lagesbild-service';
import { AnnualReportBuilder } from './domain/annual/annual-report';
import { LawAnalysisService } from './domain/annual/law-analysis';
import { LawLagesbildBuilder } from './domain/annual/law-lagesbild';
import { emergingHotspots } from './domain/hotspots/emerging-hotspots';
import { lawAnalysisVerbs } from './conversation/law-analysis-entries';
import type { PromiseFollowUpSource } from './domain/promises/progress';
import type { EstService } from './domain/est/est-service';
import type { Clock } from './domain/ports/clock.port';
import { realSleep, type DigestPoster, type Sleep } from './domain/ports/digest-poster.port';
import type { HotSpotSummarySource } from './domain/ports/hot-spot-summary.port';
import type { Store } from './domain/ports/store.port';
import { STOCKHOLM } from './domain/periods';
import { EXPORT_PATH, exportRoutes } from './http/export-routes';
import type { Logger } from './logging/logger';
import { DigestScheduler } from './scheduler/digest-scheduler';

export interface LagesbildWiring {
  commands: CommandEntry[];
  verbs: VerbEntry[];
  routes: { path: string; router: express.Router };
  scheduler: DigestScheduler;
  /** Once the server listens: fixes the export links' address and starts the cron. */
  start(port: number): void;
}

export interface LagesbildWiringDeps {
  config: Config;
  store: Store;
  clock: Clock;
  log: Logger;
  /** The adapter is made after the bot; it is needed only when a digest is posted. */
  adapter: () => ConnectorDigestPosterOptions['adapter'];
  hotSpots?: HotSpotSummarySource;
  /** Scheduled runs under leases (several instances). */
  leases?: JobLeases;
  /** The per-tenant posting budget shared by all instances (default: a per-instance pace). */
  budget?: { wait(tenantId: string): Promise<void> };
  /** Tests replace the waits between retries. */
  sleep?: Sleep;
  /** The channel's hot spots with measures and effect, for exports. */
  hotspotExports?: HotspotExportSource;
  /** Who may change a subscription (its buttons are shown to coordinators only). */
  access: Pick<AccessPolicy, 'allows'>;
  /** The EST week's part of the lägesbild card, and its areas for the lägesbild enligt lag. */
  est?: Pick<EstService, 'picture' | 'areas' | 'scale'>;
  /** The promise register's yearly follow-up, for the årsrapport (issue 12). */
  promises?: PromiseFollowUpSource;
}

/** The lägesbild feature wired together: services, commands, export routes and the digest scheduler. */
export function composeLagesbild(d: LagesbildWiringDeps): LagesbildWiring {
  const { config, store, clock, log } = d;
  let baseUrl = config.exports.publicBaseUrl ?? '';
  const lagesbild = new LagesbildService(store.lagesbild, clock, d.hotSpots, STOCKHOLM);
  const hotspotViews = d.hotspotExports ?? { views: async () => [] };
  const noPromises: PromiseFollowUpSource = { followUp: async (_scope, year) => ({ year, promises: [], activities: [], meetings: [] }) };
  const annual = new AnnualReportBuilder(store.lagesbild, d.promises ?? noPromises, hotspotViews, clock, STOCKHOLM, store.schools);
  const analyses = new LawAnalysisService(store.lawAnalyses, store.audit, clock);
  const law = new LawLagesbildBuilder({
    aggregates: store.lagesbild, promises: d.promises ?? noPromises, hotspots: hotspotViews, analyses,
    emerging: { emerging: (scope, at) => emergingHotspots(store, scope, at, STOCKHOLM) },
    est: { areas: async (scope) => (d.est ? d.est.areas(scope) : []), assessments: (scope, weeks) => store.est.assessments(scope, weeks), scale: d.est?.scale ?? null },
  }, clock, STOCKHOLM);
  const exports = new ExportService(store.digestExports, store.lagesbild, lagesbild, clock, config.exports.linkMinutes, store.audit, hotspotViews, annual, law);
  const feature: LagesbildFeature = {
    subscriptions: new SubscriptionService(store.digestSubscriptions, store.digestDeliveries, clock, STOCKHOLM),
    lagesbild,
    exports,
    clock,
    audit: store.audit,
    isCoordinator: (ctx) => d.access.allows('coordinator', ctx.scope, ctx.actor, { kind: 'none' }),
    ...(d.est ? { est: d.est } : {}),
    analyses,
    exportUrls: (token) => ({
      csv: `${baseUrl}${EXPORT_PATH}/${token}/export.zip`, html: `${baseUrl}${EXPORT_PATH}/${token}/report.html`,
      annualHtml: `${baseUrl}${EXPORT_PATH}/${token}/annual-report.html`, annualDocx: `${baseUrl}${EXPORT_PATH}/${token}/annual-report.docx`,
      lawHtml: `${baseUrl}${EXPORT_PATH}/${token}/lagesbild-enligt-lag.html`, lawDocx: `${baseUrl}${EXPORT_PATH}/${token}/lagesbild-enligt-lag.docx`,
    }),
  };
  let connectorPoster: ConnectorDigestPoster | null = null;
  const poster: DigestPoster = {
    post: (conversation, digest, locale, est) => (connectorPoster ??= new ConnectorDigestPoster({
      adapter: d.adapter(), appId: config.bot.appId, serviceUrls: config.bot, render: (l, loc, e) => lagesbildCards.lagesbild(loc, l, e),
    })).post(conversation, digest, locale, est),
  };
  const sleep = d.sleep ?? realSleep;
  const digests = new ScheduledDigests({
    subscriptions: store.digestSubscriptions, deliveries: store.digestDeliveries, conversations: store.conversations,
    lagesbild, poster, pacer: d.budget ?? new Pacer(DIGEST_POST_INTERVAL_MS, clock, sleep), clock, sleep, random: Math.random,
    log, leases: d.leases ?? new JobLeases(store.jobLeases, randomUUID(), config.jobs.leaseMs), catchUpMs: config.digests.catchUpHours * 3_600_000, zone: STOCKHOLM,
    ...(d.est ? { est: d.est } : {}),
  });
  const scheduler = new DigestScheduler(digests, clock, log, config.digests.cron, d.leases ?? null);
  return {
    commands: lagesbildCommands(feature),
    verbs: [...lagesbildVerbs(feature), ...lawAnalysisVerbs(analyses, () => localYear(clock.now(), STOCKHOLM))],
    routes: { path: EXPORT_PATH, router: exportRoutes(exports, log, config.defaultLocales) },
    scheduler,
    start(port) {
      if (!config.exports.publicBaseUrl) baseUrl = `http://localhost:${port}`;
      scheduler.start();
    },
  };
}

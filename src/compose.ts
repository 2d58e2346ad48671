import { createAdapter } from './bot/adapter';
import { ConnectorReminderPoster } from './bot/connector-reminder-poster';
import { HotspotReminders } from './domain/hotspots/hotspot-reminders';
import { applyRetention, LastSeen } from './domain/retention';
import { HousekeepingScheduler } from './scheduler/housekeeping-scheduler';
import { TrygghetsbotenBot } from './bot/trygghetsboten-bot';
import type { Config } from './config/config';
import { isLoopbackHost } from './config/service-urls';
import { composeLagesbild } from './compose-lagesbild';
import { MemberDirectory } from './bot/member-directory';
import { organisationForEmail } from './config/organisation-domains';
import { buildRegistry } from './conversation/bot-registry';
import { createHotspotFeature } from './conversation/hotspot-feature';
import { RateLimiter, type MonotonicClock } from './conversation/rate-limiter';
import { Dispatcher } from './conversation/registry/dispatcher';
import type { Registry } from './conversation/registry/entries';
import { InstallHandler } from './conversation/install-handler';
import { ReportViews } from './conversation/report-views';
import { systemClock, type Clock } from './domain/ports/clock.port';
import type { Store } from './domain/ports/store.port';
import { AccessPolicy } from './domain/access-policy';
import { ReportingService } from './domain/reporting-service';
import { createHttpApp } from './http/create-http-app';
import { listen, type RunningServer } from './http/http-server';
import { bridgeConsole } from './logging/console-bridge';
import type { Logger } from './logging/logger';
import type { DigestScheduler } from './scheduler/digest-scheduler';
import { createStore, describeDatabaseUrl } from './store/create-store';

export interface RunningBot {
  port: number;
  store: Store;
  server: RunningServer;
  /** The lägesbild digest scheduler; tests call its tick(now). */
  digests: DigestScheduler;
  /** Hot spot reminders and retention; tests call its run(name, now). */
  housekeeping: HousekeepingScheduler;
  /** Every card verb and command with its payload schema, target and right (tests enumerate it). */
  registry: Registry;
  /** Graceful: stop accepting, finish in-flight requests, close the database. */
  stop(): Promise<void>;
}

export interface ComposeOptions {
  clock?: Clock;
  host?: string;
  /** The rate limiter's clock (default: a monotonic clock; never the wall clock). */
  monotonic?: MonotonicClock;
  /** A store opened by the caller instead of the one DATABASE_URL names (tests that make the database fail). */
  store?: Store;
}

/** The composition root: config → store → domain services → bot → HTTP server. */
export async function startBot(config: Config, log: Logger, options: ComposeOptions = {}): Promise<RunningBot> {
  const clock = options.clock ?? systemClock;
  // The SDK writes plain-text lines (stacks, signing keys) to the console: as JSON log lines instead.
  const releaseConsole = bridgeConsole(log);
  const store = options.store ?? await createStore(config.databaseUrl, { logger: log });
  const domains = config.organisationDomains;
  const access = new AccessPolicy(config.coordinators, store, (email, tenantId) => organisationForEmail(email, tenantId, domains), () => clock.now());
  const limiter = new RateLimiter(config.rateLimit.burst, config.rateLimit.perMinute, options.monotonic);
  const reporting = new ReportingService(store, clock, access);
  const views = new ReportViews(reporting, () => clock.now());
  const hotspots = createHotspotFeature(store, reporting, views, clock, config.hotspots.effectWeeks);
  const lagesbild = composeLagesbild({ config, store, clock, log, adapter: () => adapter, hotSpots: hotspots.summaries });
  const registry = buildRegistry({ reporting, views, hotspots, store, clock, more: lagesbild });
  const bot = new TrygghetsbotenBot(
    {
      dispatcher: new Dispatcher({ registry, access, audit: store.audit, clock, limiter, lastSeen: new LastSeen(store.users) }),
      installs: new InstallHandler(store.conversations),
      // The roster is asked for an e-mail address only when domains can confirm an organisation.
      ...(domains.length > 0 ? { directory: new MemberDirectory({ log, clock }) } : {}),
    },
    clock,
    log,
  );
  const adapter = createAdapter(config.bot, config.allowedTenants, log);
  const reminders = new HotspotReminders(store.hotspots, new ConnectorReminderPoster({ adapter, appId: config.bot.appId, serviceUrls: config.bot }, store));
  const housekeeping = new HousekeepingScheduler([
    { name: 'hotspot-reminders', cron: '*/15 * * * *', run: (now) => reminders.dueReminders(now) },
    { name: 'retention', cron: '15 3 * * *', run: (now) => applyRetention(store, config.retentionMonths, now) },
  ], clock, log, config.digests.cron !== null);
  const app = createHttpApp({ adapter, bot, store, log, maxBodyBytes: config.maxBodyBytes, routes: [lagesbild.routes] });
  const host = options.host ?? config.host;
  if (!config.bot.authEnabled && !isLoopbackHost(host)) {
    log.warn({ setting: 'HOST', host, auth: 'off (local mode)', security: 'unauthenticated-bot-exposed' },
      `HOST=${host} exposes a bot WITHOUT AUTHENTICATION beyond this machine: anyone who can reach it can post and read `
      + 'reports. Set MicrosoftAppId for real use, or leave HOST unset (loopback only)');
  }
  const server = await listen(app, config.port, host);
  lagesbild.start(server.port);
  housekeeping.start();
  log.info(
    { port: server.port, host, pid: process.pid, store: describeDatabaseUrl(config.databaseUrl), auth: config.bot.authEnabled ? 'on' : 'off (local mode)' },
    `Trygghetsboten listens on http://localhost:${server.port}/api/messages`,
  );
  return {
    port: server.port,
    store,
    server,
    digests: lagesbild.scheduler,
    housekeeping,
    registry,
    stop: async () => {
      await lagesbild.scheduler.stop();
      await housekeeping.stop();
      await server.close();
      await store.close();
      releaseConsole();
    },
  };
}

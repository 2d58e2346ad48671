import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { createAdapter } from './bot/adapter';
import { AfterAnswerTasks } from './bot/after-answer-tasks';
import { answerBudget } from './bot/answer-budget';
import { sharedCardRenderer } from './bot/shared-card-renderer';
import { SharedCardUpdater } from './bot/shared-card-updater';
import { ChangeFeed, withChangeFeed } from './domain/shared-cards';
import { MessageExtension } from './bot/message-extension';
import { extensionEntries, extensionVerbs } from './conversation/message-extension-entries';
import { createSchoolFeature, schoolCommands, schoolVerbs } from './conversation/school-entries';
import { fileImportCommands } from './conversation/file-import-entries';
import { createSentFileReader } from './bot/sent-file-reader';
import { ReportFinder } from './domain/report-finder';
import { reportLinkRoutes } from './http/report-link-route';
import { JobLeases } from './domain/jobs/job-leases';
import { OncePerConversation } from './domain/jobs/once-per-conversation';
import { PostingBudget } from './domain/jobs/posting-budget';
import { STOCKHOLM } from './domain/periods';
import { rememberZoneOffsets } from './domain/zone-offsets';
import { ConnectorReminderPoster } from './bot/connector-reminder-poster';
import { ChannelHotspots } from './domain/hotspots/channel-hotspots';
import { HotspotReminders } from './domain/hotspots/hotspot-reminders';
import { EstService } from './domain/est/est-service';
import { EstNudges } from './domain/est/est-nudges';
import { ConnectorNudgePoster } from './bot/connector-nudge-poster';
import { applyRetention, LastSeen } from './domain/retention';
import { HousekeepingScheduler } from './scheduler/housekeeping-scheduler';
import { TrygghetsbotenBot } from './bot/trygghetsboten-bot';
import type { Config } from './config/config';
import { isLoopbackHost } from './config/service-urls';
import { composeLagesbild } from './compose-lagesbild';
import { composeMobilisation } from './compose-mobilisation';
import { composePromises } from './compose-promises';
import { composeTab } from './compose-tab';
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
import { describeSqliteDriver } from './store/sqlite/sqlite-driver';

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
  /** The job leases of this instance (its holder id and lease length). */
  leases: JobLeases;
  /** Resolves once every queued shared-card update was tried (tests). */
  sharedCardsIdle(): Promise<void>;
  /** Resolves once the work turns left for after their answers (a call-out's personal copies) has ended (tests). */
  afterAnswerIdle(): Promise<void>;
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
  rememberZoneOffsets(STOCKHOLM);
  const store = options.store ?? await createStore(config.databaseUrl, { logger: log });
  const domains = config.organisationDomains;
  const access = new AccessPolicy(config.coordinators, store, (email, tenantId) => organisationForEmail(email, tenantId, domains), () => clock.now());
  const limiter = new RateLimiter(config.rateLimit.burst, config.rateLimit.perMinute, options.monotonic);
  // Every change of a report or hot spot, whoever makes it, refreshes its shared card (issue 10).
  const changes = new ChangeFeed();
  const watched = withChangeFeed(store, changes);
  const reporting = new ReportingService(watched, clock, access);
  const leases = new JobLeases(store.jobLeases, randomUUID(), config.jobs.leaseMs);
  const budget = new PostingBudget(store.postBudget, { perSecond: config.jobs.postsPerSecond });
  // Medborgarlöften (issue 12): the activity form offers the commitments an activity can serve.
  const promises = composePromises({ config, store, clock, adapter: () => adapter, budget, leases });
  const views = new ReportViews(reporting, () => clock.now(), (scope, keep) => promises.register.commitmentChoices(scope, keep));
  const hotspots = createHotspotFeature(watched, reporting, views, clock, config.hotspots.effectWeeks);
  // The EST week (issue 12): rapportörer, the meeting, area assessments and priority areas.
  const est = new EstService(store.est, store.placeRegister, store.hotspots, store.audit, clock, STOCKHOLM, config.est.scale);
  const lagesbild = composeLagesbild({ config, store, clock, log, adapter: () => adapter, hotSpots: hotspots.summaries, leases, budget, access,
    hotspotExports: new ChannelHotspots(store.hotspots, hotspots.hotspots), est, promises: promises.register });
  // The message extension's form verb joins the registry; its search and link entries run through the same dispatcher.
  const extensionDeps = { reporting, views, register: store.placeRegister, finder: new ReportFinder(store.reports, reporting) };
  // The school register (issue 11): its verbs and commands join the registry.
  const schools = createSchoolFeature(store, clock, access, { reporting, views });
  // Call-outs (issue 11): their changes go through the same feed, which also updates their personal copies.
  // Work a turn leaves for after its answer (a call-out's personal copies), started once the answer is written.
  const afterAnswer = new AfterAnswerTasks(log);
  const mobilisation = composeMobilisation({ config, store, access, clock, log, changes, afterAnswer, adapter: () => adapter, stopRequested: () => leases.stopRequested });
  const registry = buildRegistry({ reporting, views, hotspots, store, clock,
    est: { est, users: store.users, conversations: store.conversations, now: () => clock.now() }, more: {
      verbs: [...lagesbild.verbs, ...extensionVerbs(extensionDeps), ...schoolVerbs(schools), ...mobilisation.verbs, ...promises.verbs],
      commands: [...lagesbild.commands, ...schoolCommands(schools), ...mobilisation.commands, ...promises.commands,
        // Issue 12: a CSV file sent in the personal chat; links to this machine are fetched in local mode only.
        ...fileImportCommands({ reader: createSentFileReader({ allowLoopback: !config.bot.authEnabled }), promises: promises.register, schools })],
    } });
  const dispatcher = new Dispatcher({ registry, access, audit: store.audit, clock, limiter, lastSeen: new LastSeen(store.users) });
  const sharedCards = new SharedCardUpdater({
    adapter: () => adapter, appId: config.bot.appId, serviceUrls: config.bot, conversations: store.conversations, cardMessages: store.cardMessages,
    copies: mobilisation.copies,
    render: sharedCardRenderer({
      reporting, hotspots: hotspots.hotspots, users: store.users, coordinators: config.coordinators, namedCoordinators: store.coordinators, memberships: store.memberships,
      callouts: store.callouts, now: () => clock.now(),
    }), log, now: () => clock.now(),
    locales: config.defaultLocales, answers: budget,
  });
  changes.listen(sharedCards);
  const bot = new TrygghetsbotenBot(
    {
      sharedCards,
      dispatcher,
      extension: new MessageExtension({ dispatcher, entries: extensionEntries(extensionDeps), publicBaseUrl: () => config.exports.publicBaseUrl, log }),
      installs: new InstallHandler(store.conversations),
      locales: config.defaultLocales,
      // The roster is asked for an e-mail address only when domains can confirm an organisation.
      ...(domains.length > 0 ? { directory: new MemberDirectory({ log, clock }) } : {}),
    },
    clock,
    log,
  );
  const adapter = createAdapter(config.bot, config.allowedTenants, log, config.defaultLocales);
  // Answers to users count in the tenant's posting budget (issue 14): digests fill what they leave.
  adapter.use(answerBudget(budget, log));
  const reminders = new HotspotReminders(watched.hotspots,
    new ConnectorReminderPoster({ adapter, appId: config.bot.appId, serviceUrls: config.bot }, store, budget, config.defaultLocales), new OncePerConversation(leases));
  const nudges = new EstNudges(store.est, store.digestSubscriptions,
    new ConnectorNudgePoster({ adapter, appId: config.bot.appId, serviceUrls: config.bot }, store.conversations, budget, config.defaultLocales), STOCKHOLM);
  // Every job on the scheduler's cron, each run once per period under a lease (any number of instances).
  const housekeeping = new HousekeepingScheduler([
    { name: 'est-nudges', period: quarterHourKey, run: (now) => nudges.run(now, () => leases.stopRequested) },
    { name: 'hotspot-reminders', period: quarterHourKey, run: (now) => reminders.dueReminders(now, () => leases.stopRequested) },
    mobilisation.escalation,
    {
      name: 'retention', period: retentionDay,
      run: async (now) => ({
        ...await applyRetention(store, { months: config.retentionMonths, documentYears: config.documentRetentionYears }, now),
        // A finished period's lease is what keeps it from running again: a job whose period lasts
        // months keeps its leases (and those of its posts) for over a year.
        leasesPruned: await store.jobLeases.prune(new Date(now.getTime() - 30 * 86_400_000), promises.longPeriodJobs)
          + await store.jobLeases.prune(new Date(now.getTime() - 400 * 86_400_000)),
      }),
    },
    ...promises.jobs(() => leases.stopRequested),
  ], clock, log, config.digests.cron, leases);
  const app = createHttpApp({ adapter, bot, store, log, afterAnswer, draining: () => leases.stopRequested, maxBodyBytes: config.maxBodyBytes, routes: [lagesbild.routes, reportLinkRoutes(config.bot.appId),
    ...composeTab({ config, store, clock, log, adapter: () => adapter, hotSpots: hotspots.summaries })] });
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
    { port: server.port, host, pid: process.pid, instance: leases.holder, store: describeDatabaseUrl(config.databaseUrl),
      ...(store.kind === 'sqlite' ? { sqliteDriver: describeSqliteDriver() } : {}), auth: config.bot.authEnabled ? 'on' : 'off (local mode)' },
    `Trygghetsboten listens on http://localhost:${server.port}/api/messages`,
  );
  return {
    port: server.port,
    store,
    server,
    digests: lagesbild.scheduler,
    housekeeping,
    registry,
    leases,
    sharedCardsIdle: () => sharedCards.idle(),
    afterAnswerIdle: async () => { await afterAnswer.idle(); },
    stop: async () => {
      // Jobs stop at their next safe point; turns in flight are answered (server.close waits for them).
      leases.stopTaking();
      const closing = server.close();
      await lagesbild.scheduler.stop();
      await housekeeping.stop();
      const released = await leases.releaseAll().catch(() => 0);
      if (released > 0) log.info({ leases: released }, 'job leases released for another instance');
      await closing;
      // No request comes in any more: the copies of a call answered just before are finished (and
      // recorded) before the store closes, within a bound well inside the 30 s stop grace; those cut
      // short are the scheduled job's on another instance after their grace.
      if (!(await afterAnswer.idle(AFTER_ANSWER_STOP_MS))) log.warn({ waitedMs: AFTER_ANSWER_STOP_MS }, 'stopping with work after an answer unfinished; the scheduled job takes it over');
      await store.close();
      releaseConsole();
    },
  };
}

/** How long a stopping instance waits for work left after an answer (a call-out's copies, each send at most 15 s). */
const AFTER_ANSWER_STOP_MS = 15_000;

/** Hot spot reminders: one run per quarter of an hour (UTC). */
export function quarterHourKey(now: Date): string {
  const quarter = Math.floor(now.getTime() / 900_000) * 900_000;
  return new Date(quarter).toISOString().slice(0, 16);
}

/** Retention: once a day, from 03:15 in Stockholm (a day's run missed then is made later that day). */
export function retentionDay(now: Date): string | null {
  const local = DateTime.fromJSDate(now, { zone: STOCKHOLM });
  return local.hour * 60 + local.minute >= 3 * 60 + 15 ? local.toFormat('yyyy-MM-dd') : null;
}

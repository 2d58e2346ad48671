import type { ConnectorDigestPosterOptions } from './bot/connector-digest-poster';
import { ConnectorPromiseReminderPoster } from './bot/connector-promise-reminder-poster';
import type { Config } from './config/config';
import { promiseCommands, promiseVerbs } from './conversation/promise-entries';
import type { CommandEntry, VerbEntry } from './conversation/registry/entries';
import { configuredCoordinatorsOf } from './domain/access-policy';
import { STOCKHOLM } from './domain/periods';
import type { Clock } from './domain/ports/clock.port';
import type { Store } from './domain/ports/store.port';
import { meetingReminderYear, quarterToReview } from './domain/promises/promise-calendar';
import { PromiseRegister } from './domain/promises/promise-register';
import { MEETING_REMINDER_JOB, PromiseReminders, QUARTERLY_REMINDER_JOB } from './domain/promises/promise-reminders';
import type { JobLeases } from './domain/jobs/job-leases';
import { OncePerConversation } from './domain/jobs/once-per-conversation';
import type { HousekeepingJob } from './scheduler/housekeeping-scheduler';

export interface PromiseWiring {
  register: PromiseRegister;
  commands: CommandEntry[];
  verbs: VerbEntry[];
  /** The quarterly reminder and the strategic meeting's, for the housekeeping scheduler (each under a lease). */
  jobs(stopRequested: () => boolean): HousekeepingJob[];
  /** Jobs whose period (1 October to 31 December) outlasts the usual pruning of finished leases. */
  longPeriodJobs: readonly string[];
}

export interface PromiseWiringDeps {
  config: Config;
  store: Store;
  clock: Clock;
  /** The adapter is made after the bot; it is needed only when a reminder is posted. */
  adapter: () => ConnectorDigestPosterOptions['adapter'];
  budget: { wait(tenantId: string): Promise<void> };
  /** Each conversation's reminder runs under a lease of its own: posted once per period. */
  leases: JobLeases;
}

/** Medborgarlöften wired together (issue 12): the register, its commands and buttons, and its reminders. */
export function composePromises(d: PromiseWiringDeps): PromiseWiring {
  const { config, store, clock } = d;
  const register = new PromiseRegister(store.promises, store.audit, clock, STOCKHOLM);
  const feature = { register };
  let poster: ConnectorPromiseReminderPoster | null = null;
  const reminders = new PromiseReminders({
    promises: store.promises,
    subscriptions: store.digestSubscriptions,
    memberships: store.memberships,
    coordinators: async (tenant) => [
      ...configuredCoordinatorsOf(config.coordinators, tenant.tenantId),
      ...await store.coordinators.list(tenant, 20),
    ].filter((v, i, all) => all.indexOf(v) === i),
    poster: {
      post: (conversation, reminder) => (poster ??= new ConnectorPromiseReminderPoster(
        { adapter: d.adapter(), appId: config.bot.appId, serviceUrls: config.bot }, store, d.budget, config.defaultLocales,
      )).post(conversation, reminder),
    },
    once: new OncePerConversation(d.leases),
    zone: STOCKHOLM,
  });
  return {
    register,
    longPeriodJobs: [MEETING_REMINDER_JOB],
    commands: promiseCommands(feature),
    verbs: promiseVerbs(feature),
    jobs: (stopRequested) => [
      { name: QUARTERLY_REMINDER_JOB, period: (now) => quarterToReview(now, STOCKHOLM)?.key ?? null, run: (now) => reminders.quarterly(now, stopRequested) },
      { name: MEETING_REMINDER_JOB, period: (now) => meetingReminderYear(now, STOCKHOLM)?.toString() ?? null, run: (now) => reminders.strategicMeeting(now, stopRequested) },
    ],
  };
}

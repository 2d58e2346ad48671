import { ConnectorCalloutMessenger, type ConnectorCalloutMessengerOptions } from './bot/connector-callout-messenger';
import type { Config } from './config/config';
import { mobilisationCommands, mobilisationVerbs } from './conversation/mobilisation-entries';
import type { CommandEntry, VerbEntry } from './conversation/registry/entries';
import type { AccessPolicy } from './domain/access-policy';
import { MobilisationService } from './domain/mobilisation/mobilisation-service';
import { STOCKHOLM } from './domain/periods';
import type { AfterAnswer } from './domain/ports/after-answer.port';
import type { ChangeListener } from './domain/ports/card-messages.port';
import type { Clock } from './domain/ports/clock.port';
import type { Store } from './domain/ports/store.port';
import type { Logger } from './logging/logger';
import { minuteKey } from './scheduler/digest-scheduler';
import type { HousekeepingJob } from './scheduler/housekeeping-scheduler';

export interface MobilisationParts {
  verbs: VerbEntry[];
  commands: CommandEntry[];
  /** The personal copies of call-outs, updated with their channel card. */
  copies: ConnectorCalloutMessenger;
  /**
   * The scheduled check: sends the personal copies not gone out yet (the calling instance died, or a
   * try failed for a passing reason), and escalates the call-outs nobody answered "kommer" to in time.
   */
  escalation: HousekeepingJob;
}

/** Call-outs and call lists (issue 11), wired from the store, the rights, the change feed and the Teams edge. */
export function composeMobilisation(d: {
  config: Config; store: Store; access: AccessPolicy; clock: Clock; log: Logger; changes: ChangeListener; afterAnswer: AfterAnswer;
  adapter: ConnectorCalloutMessengerOptions['adapter']; stopRequested: () => boolean;
}): MobilisationParts {
  const now = () => d.clock.now();
  const escalateMinutes = d.config.mobilisation.escalateMinutes;
  const messenger = new ConnectorCalloutMessenger({
    adapter: d.adapter, appId: d.config.bot.appId, serviceUrls: d.config.bot, conversations: d.store.conversations, callouts: d.store.callouts,
    now, log: d.log, escalateMinutes, locales: d.config.defaultLocales,
  });
  const service = new MobilisationService({
    callLists: d.store.callLists, callouts: d.store.callouts, schools: d.store.schools, activities: d.store.activities, messenger,
    changes: d.changes, afterAnswer: d.afterAnswer, organisationOf: (scope, actor) => d.access.organisationOf(scope, actor), clock: d.clock, escalateMinutes, timeZone: STOCKHOLM,
  });
  const feature = { service, schools: d.store.schools, callLists: d.store.callLists, callouts: d.store.callouts, users: d.store.users, access: d.access, now };
  return {
    verbs: mobilisationVerbs(feature),
    commands: mobilisationCommands(feature),
    copies: messenger,
    // Every minute: a copy is sent, and a call-out escalates, at most a minute late, once whatever the
    // number of instances (the job's lease, and each copy's claim in the store). Copies first: step 1's
    // unsent copies before the next step is called.
    escalation: {
      name: 'mobilisation-escalation', period: minuteKey,
      run: async (at) => ({ ...(await service.deliverDue(at, d.stopRequested)), ...(await service.escalateDue(at, d.stopRequested)) }),
    },
  };
}

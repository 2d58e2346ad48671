import type { DigestSubscriptionRepository } from '../ports/digest-subscriptions.port';
import type { MembershipRepository } from '../ports/memberships.port';
import type { PromiseRepository } from '../ports/promises.port';
import type { ChatScope, TenantScope } from '../scope';
import { rollUp, type CommitmentProgress } from './progress';
import { meetingReminderYear, quarterToReview, type Quarter } from './promise-calendar';
import type { CitizenPromise, TiedActivity } from './promise';

/** At most this many people are @mentioned per commitment (a mention list stays readable). */
const OWNERS_MAX = 10;

export interface IdleCommitment {
  progress: CommitmentProgress;
  promiseTitle: string;
  /** User ids to @mention: the responsible organisations' confirmed members, or the coordinators when none. */
  owners: string[];
}

export type PromiseReminder =
  | { kind: 'idle_commitments'; quarter: Quarter; commitments: IdleCommitment[] }
  | { kind: 'strategic_meeting'; year: number; coordinators: string[] };

/**
 * Posts a reminder in a conversation that subscribes to the lägesbild, @mentioning the user ids named.
 * Implemented at the Teams edge; resolves false when the conversation cannot be reached.
 */
export interface PromiseReminderPoster {
  post(conversation: ChatScope, reminder: PromiseReminder): Promise<boolean>;
}

/**
 * Commitments with nothing done in a quarter: their period overlaps it, they are not genomförda, and no
 * activity serving them falls in it.
 */
export function idleInQuarter(promises: readonly CitizenPromise[], activities: readonly TiedActivity[], quarter: Quarter): { progress: CommitmentProgress; promiseTitle: string }[] {
  const inQuarter = activities.filter((a) => a.date >= quarter.firstDay && a.date <= quarter.lastDay);
  return rollUp(promises, inQuarter).flatMap(({ promise, commitments }) => commitments
    .filter((p) => p.commitment.periodFrom <= quarter.lastDay && p.commitment.periodTo >= quarter.firstDay)
    .filter((p) => p.status !== 'genomford' && p.total === 0)
    .map((progress) => ({ progress, promiseTitle: promise.title })));
}

export interface PromiseReminderSources {
  promises: PromiseRepository;
  subscriptions: Pick<DigestSubscriptionRepository, 'listActive'>;
  memberships: Pick<MembershipRepository, 'membersOf'>;
  /** The tenant's coordinators: configured and named by command. */
  coordinators(scope: TenantScope): Promise<string[]>;
  poster: PromiseReminderPoster;
  zone: string;
}

/** What a run did, for the job's log line (counts only). */
export interface ReminderRun extends Record<string, number> {
  posted: number;
  failed: number;
}

/**
 * The promise register's scheduled reminders, each run once per period under a job lease (src/compose.ts):
 * the quarterly list of idle commitments and the strategic meeting not yet recorded by 1 October. They
 * go to every conversation of the tenant that subscribes to the lägesbild.
 */
export class PromiseReminders {
  constructor(private readonly s: PromiseReminderSources) {}

  async quarterly(now: Date, stopRequested: () => boolean = () => false): Promise<ReminderRun> {
    const quarter = quarterToReview(now, this.s.zone);
    const run: ReminderRun = { posted: 0, failed: 0 };
    if (!quarter) return run;
    for (const tenantId of await this.s.promises.tenantsWithPromises(quarter.year)) {
      const tenant = { tenantId };
      const [promises, activities] = await Promise.all([this.s.promises.year(tenant, quarter.year), this.s.promises.tiedActivities(tenant, quarter.year)]);
      const idle = idleInQuarter(promises, activities, quarter);
      if (idle.length === 0) continue;
      const coordinators = await this.s.coordinators(tenant);
      const commitments = await Promise.all(idle.map(async (i) => {
        const members = await this.s.memberships.membersOf(tenant, i.progress.commitment.organisations, OWNERS_MAX);
        return { ...i, owners: members.length > 0 ? members : coordinators.slice(0, OWNERS_MAX) };
      }));
      await this.postToTenant(tenantId, { kind: 'idle_commitments', quarter, commitments }, run, stopRequested);
    }
    return run;
  }

  async strategicMeeting(now: Date, stopRequested: () => boolean = () => false): Promise<ReminderRun> {
    const year = meetingReminderYear(now, this.s.zone);
    const run: ReminderRun = { posted: 0, failed: 0 };
    if (year === null) return run;
    for (const tenantId of await this.s.promises.tenantsWithPromises(year)) {
      const tenant = { tenantId };
      if ((await this.s.promises.meetings(tenant, year)).length > 0) continue;
      const coordinators = (await this.s.coordinators(tenant)).slice(0, OWNERS_MAX);
      await this.postToTenant(tenantId, { kind: 'strategic_meeting', year, coordinators }, run, stopRequested);
    }
    return run;
  }

  private async postToTenant(tenantId: string, reminder: PromiseReminder, run: ReminderRun, stopRequested: () => boolean): Promise<void> {
    const conversations = (await this.s.subscriptions.listActive()).filter((s) => s.tenantId === tenantId);
    for (const subscription of conversations) {
      // The instance stops: the lease is let go and another instance runs the period again.
      if (stopRequested()) return;
      if (await this.s.poster.post({ tenantId, conversationId: subscription.conversationId }, reminder)) run.posted++;
      else run.failed++;
    }
  }
}

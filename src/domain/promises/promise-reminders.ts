import { count, finishedOrLeft, noPosts, type OncePerConversation, type PostCounts, type PostResult } from '../jobs/once-per-conversation';
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
 * Implemented at the Teams edge: `gone` when the bot is no longer there, `failed` when worth another try.
 */
export interface PromiseReminderPoster {
  post(conversation: ChatScope, reminder: PromiseReminder): Promise<PostResult>;
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
  /** Each conversation's post once per period, also when a run fails midway and is run again. */
  once: OncePerConversation;
  zone: string;
}

/** The jobs' names: their leases, and those of each conversation's post. */
export const QUARTERLY_REMINDER_JOB = 'promise-quarterly-reminder';
export const MEETING_REMINDER_JOB = 'strategic-meeting-reminder';

/**
 * The promise register's scheduled reminders, each run once per period under a job lease (src/compose.ts):
 * the quarterly list of idle commitments and the strategic meeting not yet recorded by 1 October. They
 * go to every conversation of the tenant that subscribes to the lägesbild, each once per period: a run
 * that failed to reach a conversation throws PostsLeft at its end, and the next tick posts to the ones left.
 */
export class PromiseReminders {
  constructor(private readonly s: PromiseReminderSources) {}

  async quarterly(now: Date, stopRequested: () => boolean = () => false): Promise<PostCounts> {
    const quarter = quarterToReview(now, this.s.zone);
    const run = noPosts();
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
      await this.postToTenant(QUARTERLY_REMINDER_JOB, quarter.key, now, tenantId, { kind: 'idle_commitments', quarter, commitments }, run, stopRequested);
    }
    return finishedOrLeft(run);
  }

  async strategicMeeting(now: Date, stopRequested: () => boolean = () => false): Promise<PostCounts> {
    const year = meetingReminderYear(now, this.s.zone);
    const run = noPosts();
    if (year === null) return run;
    for (const tenantId of await this.s.promises.tenantsWithPromises(year)) {
      const tenant = { tenantId };
      if ((await this.s.promises.meetings(tenant, year)).length > 0) continue;
      const coordinators = (await this.s.coordinators(tenant)).slice(0, OWNERS_MAX);
      await this.postToTenant(MEETING_REMINDER_JOB, String(year), now, tenantId, { kind: 'strategic_meeting', year, coordinators }, run, stopRequested);
    }
    return finishedOrLeft(run);
  }

  private async postToTenant(
    job: string, periodKey: string, now: Date, tenantId: string, reminder: PromiseReminder, run: PostCounts, stopRequested: () => boolean,
  ): Promise<void> {
    const conversations = (await this.s.subscriptions.listActive()).filter((s) => s.tenantId === tenantId);
    for (const { conversationId } of conversations) {
      // The instance stops: the lease is let go and another instance runs the period again.
      if (stopRequested()) return;
      count(run, await this.s.once.post(job, periodKey, conversationId, now, () => this.s.poster.post({ tenantId, conversationId }, reminder)));
    }
  }
}

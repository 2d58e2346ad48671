import type { DigestSubscriptionRepository } from '../ports/digest-subscriptions.port';
import { STOCKHOLM } from '../periods';
import type { ChatScope } from '../scope';
import type { EstRepository, Reporter } from './est.port';
import { DEFAULT_MEETING, nudgeDue, upcomingWeek, type EstMeeting, type EstWeek } from './est-week';
import { reportersToNudge } from './nudge-selection';

/**
 * A claim still unsent after this long was left by an instance that died while posting (a post takes
 * two connector calls of at most 15 s each, after the budget's short wait): the next run takes it over.
 * Should that instance have died after the post went out, the rapportör is nudged twice; never not at all.
 */
export const STALE_CLAIM_MS = 10 * 60_000;

/** A personal nudge: the rapportör's organisation has reported nothing in the conversation this EST week. */
export interface EstNudge {
  /** The conversation the week is about (a channel), not the 1:1 chat the nudge goes to. */
  scope: ChatScope;
  reporter: Reporter;
  meeting: EstMeeting;
  week: EstWeek;
}

/**
 * Sends a nudge as a 1:1 message (implemented at the Teams edge); false when it could not be delivered
 * (no chat could be opened, the connector refused), so that the next run tries again.
 */
export interface NudgePoster {
  post(nudge: EstNudge): Promise<boolean>;
}

/**
 * The EST week's nudges, run every quarter of an hour under a job lease: for every conversation that
 * subscribes to the lägesbild, from the nudge time the day before its meeting until the meeting, each
 * rapportör of an organisation that has reported nothing (and has not said "inget att rapportera") gets
 * one nudge. Each nudge is claimed in the store before it is posted, so that however many instances or
 * runs, a rapportör is nudged once per meeting; one that could not be posted is let go and tried again.
 */
export class EstNudges {
  constructor(
    private readonly est: EstRepository,
    private readonly subscriptions: Pick<DigestSubscriptionRepository, 'listActive'>,
    private readonly poster: NudgePoster,
    private readonly zone = STOCKHOLM,
  ) {}

  async run(now: Date, stopRequested: () => boolean = () => false): Promise<{ nudged: number; failed: number }> {
    let nudged = 0;
    let failed = 0;
    // The run's time moved on by what the run has taken so far: a claim made late in a long run is stamped
    // when it was made, so that another instance's next run does not take it over as stale while it is posted.
    const started = performance.now();
    const current = () => new Date(now.getTime() + (performance.now() - started));
    for (const subscription of await this.subscriptions.listActive()) {
      const scope: ChatScope = { tenantId: subscription.tenantId, conversationId: subscription.conversationId };
      const meeting = (await this.est.meeting(scope)) ?? DEFAULT_MEETING;
      const week = upcomingWeek(now, meeting, this.zone);
      if (!nudgeDue(now, week)) continue;
      const reporters = await this.est.reporters(scope);
      if (reporters.length === 0) continue;
      const due = reportersToNudge({
        reporters,
        reported: await this.est.reportingOrganisations(scope, week.from, now),
        nothingToReport: await this.est.nothingToReport(scope, week.meetingDay),
      });
      for (const reporter of due) {
        // The instance stops: the rest are left unclaimed for the instance that takes the job over.
        if (stopRequested()) return { nudged, failed };
        const claimedAt = current();
        if (!(await this.est.claimNudge(scope, week.meetingDay, reporter.userId, claimedAt, new Date(claimedAt.getTime() - STALE_CLAIM_MS)))) continue;
        if (await this.postOrLetGo(scope, week.meetingDay, reporter.userId, () => this.poster.post({ scope, reporter, meeting, week }))) {
          await this.est.nudgeSent(scope, week.meetingDay, reporter.userId, now);
          nudged++;
        } else {
          await this.est.releaseNudge(scope, week.meetingDay, reporter.userId);
          failed++;
        }
      }
    }
    return { nudged, failed };
  }

  /** A post that throws (the store or the network failed) lets its claim go too, or the nudge would never be sent. */
  private async postOrLetGo(scope: ChatScope, meetingDay: string, userId: string, post: () => Promise<boolean>): Promise<boolean> {
    try {
      return await post();
    } catch (error) {
      await this.est.releaseNudge(scope, meetingDay, userId);
      throw error;
    }
  }
}

import type { ChatScope, TenantScope } from '../scope';
import type { Organisation } from '../vocabulary';
import type { EstMeeting } from './est-week';

/** A rapportör of the tenant: reports for the organisation in the EST week, and is nudged when it has not. */
export interface Reporter {
  userId: string;
  organisation: Organisation;
  displayName: string;
  /** The Teams id a 1:1 chat is opened with; null until known (from an @mention or their own message). */
  chatUserId: string | null;
}

/** An area's assessment for one week: level 1 (grön) … 3 (röd) of the scale, and why. */
export interface AreaAssessment {
  areaId: string;
  weekStart: string;
  level: 1 | 2 | 3;
  reason: string;
  setBy: string;
  setAt: Date;
}

export interface EstRepository {
  reporters(scope: TenantScope): Promise<Reporter[]>;
  /** Adds the rapportör or changes their organisation. */
  saveReporter(scope: TenantScope, reporter: Reporter, addedBy: string, at: Date): Promise<void>;
  removeReporter(scope: TenantScope, userId: string): Promise<boolean>;
  isReporter(scope: TenantScope, userId: string, organisation: Organisation): Promise<boolean>;

  /** The conversation's meeting, or null when none was set (then DEFAULT_MEETING holds). */
  meeting(scope: ChatScope): Promise<EstMeeting | null>;
  saveMeeting(scope: ChatScope, meeting: EstMeeting, by: string, at: Date): Promise<void>;

  /** Organisations that reported something (an incident or an activity) in the conversation in [from, to). */
  reportingOrganisations(scope: ChatScope, from: Date, to: Date): Promise<Organisation[]>;
  /** Marks that the organisation has nothing to report for the meeting of `meetingDay` (idempotent). */
  markNothingToReport(scope: ChatScope, meetingDay: string, organisation: Organisation, by: string, at: Date): Promise<void>;
  nothingToReport(scope: ChatScope, meetingDay: string): Promise<Organisation[]>;

  /**
   * Claims the nudge of a rapportör for a meeting: false when it was claimed before (by this or another
   * instance), unless that claim was never marked sent and was made before `staleBefore` (its instance
   * died while posting): then it is taken over, by one caller only.
   */
  claimNudge(scope: ChatScope, meetingDay: string, userId: string, at: Date, staleBefore?: Date): Promise<boolean>;
  /** The nudge went out. */
  nudgeSent(scope: ChatScope, meetingDay: string, userId: string, at: Date): Promise<void>;
  /** The nudge could not be posted: its claim is let go, so that the next run tries again. */
  releaseNudge(scope: ChatScope, meetingDay: string, userId: string): Promise<void>;

  /** Sets (or replaces) an area's assessment for its week. */
  saveAssessment(scope: ChatScope, assessment: AreaAssessment): Promise<void>;
  /** The assessments of the conversation in the weeks starting on `weekStarts`. */
  assessments(scope: ChatScope, weekStarts: readonly string[]): Promise<AreaAssessment[]>;

  /** Replaces the conversation's priority areas of a tertial, in order. */
  savePriorities(scope: ChatScope, tertial: string, areaIds: readonly string[], by: string, at: Date): Promise<void>;
  priorities(scope: ChatScope, tertial: string): Promise<string[]>;
}

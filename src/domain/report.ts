import type { WalkFinding } from './schools/walk-checklist';
import type { ChatScope } from './scope';
import type { ActivityType, IncidentCategory, Organisation, ReportStatus, Severity } from './vocabulary';

export type ReportKind = 'incident' | 'activity';

/** A person acting through a chat client. `userId` is the Entra object id when known. */
export interface Person {
  userId: string;
  name: string;
}

/** Where a report was made: the conversation (channel, chat) and tenant. Reports belong there. */
export type ReportOrigin = ChatScope;

interface ReportBase {
  id: string;
  /** Human reference, e.g. H-2026-0042 or A-2026-0007. */
  ref: string;
  status: ReportStatus;
  assignee: Person | null;
  reporter: Person;
  /** The reporting organisation. */
  organisation: Organisation;
  /** Whether the reporter was a confirmed member of `organisation` when reporting. */
  organisationConfirmed: boolean;
  origin: ReportOrigin;
  createdAt: Date;
  updatedAt: Date;
  /** Optimistic concurrency: every update must name the version it read. */
  version: number;
}

export interface IncidentFields {
  occurredAt: Date;
  placeId: string;
  placeName: string;
  category: IncidentCategory;
  description: string;
  severity: Severity;
  organisation: Organisation;
  school: string | null;
  youthInvolved: number | null;
  policeReportNumber: string | null;
  /** The school of the register the incident is about (issue 11); `school` keeps the text typed before the register. */
  schoolId: string | null;
  /** Whether an orosanmälan (a report of concern to social services) was made: yes, no, or not answered. Never who. */
  concernReported: boolean | null;
}

export interface Incident extends ReportBase, IncidentFields {
  kind: 'incident';
  /** What was done, given when the incident was closed (åtgärdad); guarded free text, one line. */
  resolution: string | null;
}

export interface ActivityFields {
  type: ActivityType;
  /** Calendar day in Europe/Stockholm, YYYY-MM-DD. */
  date: string;
  placeId: string | null;
  placeName: string | null;
  organisation: Organisation;
  organisations: Organisation[];
  notes: string;
  peopleMet: number | null;
  followUpDate: string | null;
  /** The medborgarlöfte commitment the activity serves (migration 0019); absent or null: none. */
  commitmentId?: string | null;
  /** The school of the register the activity served (issue 11). */
  schoolId: string | null;
  /** A trygghetsvandring's checklist: the findings ticked (codes); empty for other activities. */
  walkFindings: WalkFinding[];
}

export interface Activity extends ReportBase, ActivityFields {
  kind: 'activity';
  /** The follow-up marked done ("Uppföljning gjord"): when, and the user id of who did it; null while it is not. */
  followUpDone: FollowUpDone | null;
}

export interface FollowUpDone {
  at: Date;
  /** A user id, never a name (`gallrad` once retention removed the people); null for one closed before migration 0014. */
  byUserId: string | null;
}

export type Report = Incident | Activity;

/** When a report's event happened: an incident at an instant, an activity on a day. */
export type Occurred = { at: Date } | { day: string };

/** A row of the compact "latest reports" list. */
export interface ReportSummary {
  kind: ReportKind;
  id: string;
  ref: string;
  status: ReportStatus;
  createdAt: Date;
  /** What the list is ordered by and shows: when it happened, not when it was registered. */
  occurred: Occurred;
  /** Incident category or activity type code. */
  topic: string;
  placeName: string | null;
}

export const REF_PREFIX: Record<ReportKind, string> = { incident: 'H', activity: 'A' };

export function formatReference(kind: ReportKind, year: number, sequence: number): string {
  return `${REF_PREFIX[kind]}-${year}-${String(sequence).padStart(4, '0')}`;
}

import type { ActivityType, IncidentCategory, Organisation, ReportStatus, Severity } from '../vocabulary';

// What the lägesbild needs from the database: counts grouped in SQL, never every row.

/** Whose reports a lägesbild covers: one channel (or chat) of one tenant. */
export interface DigestScope {
  tenantId: string;
  conversationId: string;
}

/** UTC instants, `from` inclusive, `to` exclusive. */
export interface InstantRange {
  from: Date;
  to: Date;
}

/** Local calendar days YYYY-MM-DD, both inclusive (activities are dated by day). */
export interface DayRange {
  firstDay: string;
  lastDay: string;
}

/**
 * 'area': the place's parent area in the register (a place that is itself an area counts to itself;
 * key '' for a place in no area), keyed by the area's name. 'severity': counted from the incidents
 * (the calendar counts do not keep it; the yearly documents ask for it once a year).
 */
export type IncidentDimension = 'category' | 'organisation' | 'place' | 'area' | 'severity' | 'school' | 'none';
/** `school`: the register school the activity served (its id; activities without a school are left out). */
export type ActivityDimension = 'type' | 'organisation' | 'school';

/** One group of one range: `range` is the index into the ranges asked for; `key` '' when not grouped. */
export interface Tally {
  range: number;
  key: string;
  count: number;
  /** Sum of young people involved where given; null when none of the group's incidents gave a count (and for activities). */
  youth: number | null;
}

export interface OverdueFollowUp {
  ref: string;
  type: string;
  followUpDate: string;
  placeName: string | null;
}

/** An incident of severity hög: what the meeting must hear of first. No description, no people. */
export interface SeriousIncident {
  ref: string;
  occurredAt: Date;
  placeName: string;
  category: IncidentCategory;
}

export interface IncidentExportRow {
  ref: string;
  occurredAt: Date;
  placeName: string;
  category: IncidentCategory;
  severity: Severity;
  organisation: Organisation;
  school: string | null;
  youthInvolved: number | null;
  status: ReportStatus;
  /** "Vad gjordes?", answered when it was closed; passed the personal-data guard. */
  resolution: string | null;
  policeReportNumber: string | null;
  description: string;
}

/** An activity in an export: its day, kind, place and who took part; `notes` passed the personal-data guard when saved. */
export interface ActivityExportRow {
  ref: string;
  date: string;
  type: ActivityType;
  placeName: string | null;
  organisation: Organisation;
  /** The other organisations taking part, in the order given. */
  organisations: Organisation[];
  peopleMet: number | null;
  status: ReportStatus;
  followUpDate: string | null;
  /** When its follow-up was marked done ("Uppföljning gjord"). */
  followUpDoneAt: Date | null;
  notes: string;
}

export interface LagesbildAggregateRepository {
  /** Incidents counted per range and key (school: only incidents with a school), largest count first. */
  countIncidents(scope: DigestScope, ranges: InstantRange[], by: IncidentDimension): Promise<Tally[]>;
  /** Activities per range and type, per participating organisation, or per register school (key: the school's id). */
  countActivities(scope: DigestScope, ranges: DayRange[], by: ActivityDimension): Promise<Tally[]>;
  /** Incidents of severity hög in the range, newest first, at most `limit`, and how many there are. */
  seriousIncidents(scope: DigestScope, range: InstantRange, limit: number): Promise<{ total: number; items: SeriousIncident[] }>;
  /** Activities whose follow-up day is before `today` and that are not resolved, oldest first. */
  overdueFollowUps(scope: DigestScope, today: string, limit: number): Promise<{ total: number; items: OverdueFollowUp[] }>;
  /** The incidents of a range, oldest first, for an export. */
  incidentsForExport(scope: DigestScope, range: InstantRange, limit: number): Promise<IncidentExportRow[]>;
  /** The activities of a range of days, oldest first, for an export. */
  activitiesForExport(scope: DigestScope, range: DayRange, limit: number): Promise<ActivityExportRow[]>;
}

import type { ChatScope } from '../scope';
import type { IncidentCategory, Organisation, ReportStatus, Severity } from '../vocabulary';
import type { InstantRange } from './lagesbild.port';

// What the lägesbild tab reads of incidents: one row per incident, without its text or its people.

/** The tab's filters as the database applies them; an empty or null value does not filter. */
export interface MapIncidentQuery {
  range: InstantRange;
  categories: readonly IncidentCategory[];
  organisation: Organisation | null;
  /** The school exactly as reported. */
  school: string | null;
  /** Only incidents at these places (an area with its places, a hot spot's place); null: anywhere. */
  placeIds: readonly string[] | null;
}

/** An incident as the map and table show it: number, category, time, place — never description or people. */
export interface MapIncidentRow {
  ref: string;
  occurredAt: Date;
  category: IncidentCategory;
  severity: Severity;
  organisation: Organisation;
  status: ReportStatus;
  placeId: string;
  placeName: string;
  school: string | null;
}

export interface MapIncidentRepository {
  /** The conversation's incidents matching the query, newest first, at most `limit`. */
  list(scope: ChatScope, query: MapIncidentQuery, limit: number): Promise<MapIncidentRow[]>;
}

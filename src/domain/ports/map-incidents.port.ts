import type { ChatScope } from '../scope';
import type { IncidentCategory, Organisation, ReportStatus, Severity } from '../vocabulary';
import type { InstantRange } from './lagesbild.port';

// What the lägesbild tab reads of incidents: one row per incident, without its text or its people.

/**
 * A school of the register (the incidents tied to it by id), or a school named only in free text by
 * incidents from before the register (exactly as reported, and only those not tied to a school).
 */
export type MapSchoolFilter = { id: string } | { name: string };

/** The tab's filters as the database applies them; an empty or null value does not filter. */
export interface MapIncidentQuery {
  range: InstantRange;
  categories: readonly IncidentCategory[];
  organisation: Organisation | null;
  school: MapSchoolFilter | null;
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
  /** The free-text schools of the conversation's incidents tied to no school of the register, alphabetical, at most `limit`. */
  untiedSchoolNames(scope: ChatScope, limit: number): Promise<string[]>;
}

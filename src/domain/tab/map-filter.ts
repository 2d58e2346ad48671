import type { Period } from '../periods';
import type { IncidentCategory, Organisation } from '../vocabulary';

/** What the lägesbild tab is asked to show: a period and, optionally, narrower filters. */
export interface MapFilter {
  period: Period;
  /** Empty: every category. */
  categories: readonly IncidentCategory[];
  organisation: Organisation | null;
  /** A register school's id, or a school's name as a link gives it (see schoolFilterOf). */
  school: string | null;
  /** An area of the place register: incidents at it and at the places inside it. */
  areaId: string | null;
  /** One of the conversation's hot spots: incidents at its place (and inside it, when it is an area). */
  hotspotId: string | null;
}

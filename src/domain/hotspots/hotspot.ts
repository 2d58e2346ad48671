import type { Person, ReportOrigin } from '../report';
import type { Organisation } from '../vocabulary';

/** SARA: kartläggs (scanning) → analyseras → åtgärdas (response) → följs upp (assessment) → avslutad. */
export const HOTSPOT_STATES = ['kartlaggs', 'analyseras', 'atgardas', 'foljs_upp', 'avslutad'] as const;
export type HotspotState = (typeof HOTSPOT_STATES)[number];

/** The analysis questions of problem-oriented work: who, what, when, and why at this place. */
export const ANALYSIS_ASPECTS = ['who', 'what', 'when', 'why'] as const;
export type AnalysisAspect = (typeof ANALYSIS_ASPECTS)[number];
export type Analysis = Record<AnalysisAspect, string | null>;

export interface Hotspot {
  id: string;
  placeId: string;
  placeName: string;
  state: HotspotState;
  /** The organisation that leads the work, and the person reminders @mention. */
  ownerOrganisation: Organisation;
  owner: Person;
  createdBy: Person;
  /** The channel the hot spot was started in: where its reminders go. */
  origin: ReportOrigin;
  analysis: Analysis;
  /** Calendar day YYYY-MM-DD in Europe/Stockholm. */
  followUpDate: string | null;
  /** The follow-up date a reminder was last posted for, so that it is posted once. */
  followUpReminded: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface Measure {
  id: string;
  hotspotId: string;
  what: string;
  organisation: Organisation;
  dueDate: string | null;
  doneAt: Date | null;
  reminded: boolean;
  createdBy: Person;
  createdAt: Date;
}

export const isActive = (h: Hotspot): boolean => h.state !== 'avslutad';

/** A hot spot moves forward one step at a time; a closed one is started again from the beginning. */
export function nextHotspotState(state: HotspotState): HotspotState | null {
  return HOTSPOT_STATES[HOTSPOT_STATES.indexOf(state) + 1] ?? null;
}

export function canMoveHotspot(from: HotspotState, to: HotspotState): boolean {
  return nextHotspotState(from) === to || (from === 'avslutad' && to === 'kartlaggs');
}

export const noAnalysis = (): Analysis => ({ who: null, what: null, when: null, why: null });

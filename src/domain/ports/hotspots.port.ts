import type { Analysis, Hotspot, HotspotState, Measure } from '../hotspots/hotspot';
import type { Person, ReportOrigin } from '../report';
import type { ReportScope, TenantScope } from '../scope';
import type { Organisation } from '../vocabulary';

export interface NewHotspot {
  placeId: string;
  ownerOrganisation: Organisation;
  owner: Person;
  /** Who starts it: also the actor of its audit row. */
  createdBy: Person;
  origin: ReportOrigin;
  now: Date;
}

export interface NewMeasure {
  what: string;
  organisation: Organisation;
  dueDate: string | null;
  createdBy: Person;
}

/**
 * One change to a hot spot, applied only if its stored version still equals `expectedVersion`; adding
 * a measure or marking one done also bumps the hot spot's version, so that no change is lost. Each
 * part of an applied change gets its audit row in the same transaction.
 */
export interface HotspotChange {
  id: string;
  expectedVersion: number;
  /** Who makes the change, for the audit trail written with it. */
  actorId: string;
  now: Date;
  state?: HotspotState;
  /** Starting a closed hot spot again also hands it to a new owner. */
  owner?: { organisation: Organisation; person: Person };
  analysis?: Analysis;
  followUpDate?: string | null;
  addMeasure?: NewMeasure;
  measureDone?: string;
}

/** `conflict`: changed by someone else since it was read; `missing`: gone. */
export type HotspotUpdate = { ok: true; hotspot: Hotspot } | { ok: false; reason: 'conflict' | 'missing' };

/**
 * Hot spots belong to a tenant (the tenant of `origin` when created). Reads and writes by id find only
 * the scope's tenant's hot spots. The two `…Due` reads are for the reminder job and span all tenants;
 * each result carries its tenant.
 */
export interface HotspotRepository {
  /** Creates the place's hot spot; `exists` when the place already has one (open or closed). */
  create(hotspot: NewHotspot): Promise<{ ok: true; hotspot: Hotspot } | { ok: false; reason: 'exists'; current: Hotspot }>;
  get(scope: TenantScope, id: string): Promise<Hotspot | null>;
  byPlace(scope: TenantScope, placeId: string): Promise<Hotspot | null>;
  /** The hot spots (open or closed) of these places of the tenant, in one read: none for a place without one. */
  byPlaces(scope: TenantScope, placeIds: readonly string[]): Promise<Hotspot[]>;
  /** Every hot spot of the tenant not closed, oldest first. */
  listActive(scope: TenantScope): Promise<Hotspot[]>;
  update(scope: TenantScope, change: HotspotChange): Promise<HotspotUpdate>;
  /** Oldest first; measures of other tenants' hot spots are not returned. */
  measures(scope: TenantScope, hotspotIds: readonly string[]): Promise<Measure[]>;
  /** Active hot spots (all tenants) whose follow-up day has come and not been reminded of. */
  followUpsDue(today: string): Promise<Hotspot[]>;
  /** Open measures of active hot spots (all tenants) whose due day has come and not been reminded of. */
  measuresDue(today: string): Promise<{ tenant: TenantScope; measure: Measure }[]>;
  markFollowUpReminded(scope: TenantScope, hotspotId: string, day: string): Promise<void>;
  markMeasureReminded(scope: TenantScope, measureId: string): Promise<void>;
}

/** An incident as the hot spot work counts it: when and where, nothing of its text. */
export interface IncidentStamp {
  id: string;
  ref: string;
  placeId: string;
  occurredAt: Date;
  category: string;
}

/** One place's incidents per week, counted where they are stored. */
export interface PlaceWeeklyCounts {
  placeId: string;
  /** Incidents in each of the asked weeks, in their order. */
  counts: number[];
  /** When the earliest of those incidents happened. */
  firstAt: Date;
}

/** A hot spot visit or a talk with those concerned, logged as an activity at the place. */
export interface VisitStamp {
  id: string;
  ref: string;
  placeId: string;
  type: string;
  date: string;
  peopleMet: number | null;
}

/** Counts for the hot spot work: they combine all conversations of one tenant, never two tenants. */
export interface PlaceHistoryRepository {
  /** The tenant's incidents at any of the places (all places when `placeIds` is null) in [from, to), oldest first. */
  incidents(scope: TenantScope, placeIds: readonly string[] | null, from: Date, to: Date): Promise<IncidentStamp[]>;
  /**
   * The tenant's incidents per place in each of `weeks`, consecutive and given by their bounds as the
   * domain's calendar draws them (a DST change makes a week 167 or 169 hours), for places with at least one.
   */
  weeklyIncidentCounts(scope: TenantScope, weeks: readonly { from: Date; to: Date }[]): Promise<PlaceWeeklyCounts[]>;
  /** The tenant's activities of the given types at any of the places, oldest first. */
  visits(scope: TenantScope, placeIds: readonly string[], types: readonly string[]): Promise<VisitStamp[]>;
  /**
   * Deletes an incident of the scope still at `expectedVersion` (an undone quick report) and records
   * who did it in the audit trail, together: `conflict` when it has changed since, `missing` when it
   * is gone or outside the scope.
   */
  withdrawIncident(scope: ReportScope, id: string, expectedVersion: number, actorId: string, now: Date): Promise<'ok' | 'conflict' | 'missing'>;
}

import type { TenantScope } from '../scope';

/** What the audit trail records: who did what to which entity, and when. Never report text. */
export type AuditAction =
  | 'report.created' | 'report.changed' | 'report.status' | 'report.assigned' | 'report.deleted' | 'report.anonymised'
  /** An activity's follow-up marked done ("Uppföljning gjord"). */
  | 'report.follow_up_done'
  | 'export.created' | 'coordinator.added' | 'organisation.changed' | 'organisation.confirmed'
  /** An export link was opened; the actor is the requester the link was shown to, `detail` the file (csv, html). */
  | 'export.downloaded'
  /** Hot spot work; `detail`: the owner organisation, the new state, the aspects answered or the follow-up day. */
  | 'hotspot.created' | 'hotspot.stage' | 'hotspot.reopened' | 'hotspot.owner' | 'hotspot.analysis' | 'hotspot.follow_up'
  /** A measure of a hot spot (entity kind `measure`); `detail`: its organisation. */
  | 'hotspot.measure_added' | 'hotspot.measure_done'
  /** The place register; `detail`: the fields that changed, or the id of the place merged in. Never a name. */
  | 'place.edited' | 'place.alias_added' | 'place.merged'
  /** The school register; `detail`: the fields that changed (name, stages, place, contacts). Never a name. */
  | 'school.added' | 'school.edited'
  /** Retention: `detail` counts what a run removed in the tenant (hot spots and measures; profiles). */
  | 'hotspot.anonymised' | 'user.anonymised'
  /** Retention of the other records (entity kind `records`): `detail` counts each kind removed, e.g. `assessments=3 promises=2`. */
  | 'records.removed'
  /** The EST week (entity kind `user` for a rapportör, `place` for an area, `action` otherwise); `detail`: an organisation, a level or a day. */
  | 'est.reporter_added' | 'est.reporter_removed' | 'est.meeting' | 'est.assessed' | 'est.priorities' | 'est.nothing_to_report'
  /** Medborgarlöften: promises added (`detail`: their year), a commitment's status (`detail`: the status), a strategic meeting (`detail`: its year). */
  | 'promise.added' | 'commitment.status' | 'meeting.recorded'
  /** The coordinator's analysis in the lägesbild enligt lag saved (`detail`: its year). */
  | 'analysis.saved'
  /** A write that the caller's scope or rights did not allow; `detail` is the verb or command. */
  | 'access.refused';

/** `action`: a refused card verb or command, named in `detail`. */
export type AuditEntityKind = 'incident' | 'activity' | 'export' | 'user' | 'place' | 'hotspot' | 'measure' | 'action' | 'school' | 'promise' | 'commitment' | 'meeting' | 'records';

export interface AuditEntry {
  at: Date;
  tenantId: string;
  actorId: string;
  action: AuditAction;
  entityKind: AuditEntityKind;
  entityId: string | null;
  /** A human reference such as H-2026-0042, when the entity has one. */
  entityRef: string | null;
  /** A code such as the new status or an organisation; never free text. */
  detail: string | null;
}

export interface AuditRepository {
  record(entry: AuditEntry): Promise<void>;
  /** Newest first, of the scope's tenant only. */
  latest(scope: TenantScope, limit: number): Promise<AuditEntry[]>;
}

/** Coordinators are per tenant: a coordinator in one tenant is nobody special in another. */
export interface CoordinatorRepository {
  isCoordinator(scope: TenantScope, userId: string): Promise<boolean>;
  add(scope: TenantScope, userId: string, addedBy: string, at: Date): Promise<void>;
  /** The user ids of the tenant's coordinators named by command, the earliest named first, at most `limit`. */
  list(scope: TenantScope, limit: number): Promise<string[]>;
}

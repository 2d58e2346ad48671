import type { TenantScope } from '../scope';

/** What the audit trail records: who did what to which entity, and when. Never report text. */
export type AuditAction =
  | 'report.created' | 'report.changed' | 'report.status' | 'report.assigned' | 'report.deleted' | 'report.anonymised'
  | 'export.created' | 'coordinator.added' | 'organisation.changed' | 'organisation.confirmed'
  /** A write that the caller's scope or rights did not allow; `detail` is the verb or command. */
  | 'access.refused';

/** `action`: a refused card verb or command, named in `detail`. */
export type AuditEntityKind = 'incident' | 'activity' | 'export' | 'user' | 'place' | 'hotspot' | 'action';

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
}

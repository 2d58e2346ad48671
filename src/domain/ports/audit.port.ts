/** What the audit trail records: who did what to which entity, and when. Never report text. */
export type AuditAction =
  | 'report.created' | 'report.changed' | 'report.status' | 'report.assigned' | 'report.deleted' | 'report.anonymised'
  | 'export.created' | 'coordinator.added' | 'organisation.changed';

export type AuditEntityKind = 'incident' | 'activity' | 'export' | 'user' | 'place' | 'hotspot';

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
  /** Newest first. */
  latest(tenantId: string, limit: number): Promise<AuditEntry[]>;
}

export interface CoordinatorRepository {
  isCoordinator(userId: string): Promise<boolean>;
  add(userId: string, addedBy: string, at: Date): Promise<void>;
}

import type { PeriodKind } from '../periods';
import type { ChatScope } from '../scope';

/** A recorded export: who asked, where, when and for which period; the link is known only by its hash. */
export interface DigestExportRecord {
  id: string;
  tokenHash: string;
  tenantId: string;
  conversationId: string;
  userId: string;
  periodKind: PeriodKind;
  periodFrom: Date;
  periodTo: Date;
  partial: boolean;
  createdAt: Date;
  expiresAt: Date;
}

export interface DigestExportRepository {
  create(record: DigestExportRecord): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<DigestExportRecord | null>;
  /** Newest first, for the audit trail. */
  list(scope: ChatScope, limit: number): Promise<DigestExportRecord[]>;
}

import type { PeriodKind } from '../periods';
import type { ChatScope } from '../scope';

/**
 * A recorded export: who asked, where, when and for which period; the link is known only by its hash.
 * The hash is replaced each time links are shown to the requester, so only the newest links work.
 */
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
  /** An export of the scope's tenant and conversation by id; null from anywhere else. */
  get(scope: ChatScope, id: string): Promise<DigestExportRecord | null>;
  /** Makes `tokenHash` the export's only valid link; false when the scope holds no such export. */
  replaceTokenHash(scope: ChatScope, id: string, tokenHash: string): Promise<boolean>;
  /** Newest first, for the audit trail. */
  list(scope: ChatScope, limit: number): Promise<DigestExportRecord[]>;
}

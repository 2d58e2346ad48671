import type { Kysely, Selectable } from 'kysely';
import type { DigestExportRecord, DigestExportRepository } from '../../domain/ports/digest-exports.port';
import { toCode, toDate } from '../row-values';
import type { Database, DigestExportsTable } from '../schema';
import { checkedLimit } from './limits';

const KINDS = ['week', 'month', 'year', 'days'] as const;

export function createDigestExportRepository(db: Kysely<Database>): DigestExportRepository {
  return {
    async create(r) {
      await db.insertInto('digest_exports').values({
        id: r.id, token_hash: r.tokenHash, tenant_id: r.tenantId, conversation_id: r.conversationId, user_id: r.userId,
        period_kind: r.periodKind, period_from: r.periodFrom, period_to: r.periodTo, partial: r.partial,
        created_at: r.createdAt, expires_at: r.expiresAt,
      }).execute();
    },

    async findByTokenHash(tokenHash) {
      const row = await db.selectFrom('digest_exports').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row ? toExport(row) : null;
    },

    async get(scope, id) {
      const row = await db.selectFrom('digest_exports').selectAll()
        .where('tenant_id', '=', scope.tenantId).where('conversation_id', '=', scope.conversationId).where('id', '=', id)
        .executeTakeFirst();
      return row ? toExport(row) : null;
    },

    async replaceTokenHash(scope, id, tokenHash) {
      const result = await db.updateTable('digest_exports').set({ token_hash: tokenHash })
        .where('tenant_id', '=', scope.tenantId).where('conversation_id', '=', scope.conversationId).where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async list(scope, limit) {
      const rows = await db.selectFrom('digest_exports').selectAll()
        .where('tenant_id', '=', scope.tenantId).where('conversation_id', '=', scope.conversationId)
        .orderBy('created_at', 'desc').orderBy('id').limit(checkedLimit(limit)).execute();
      return rows.map(toExport);
    },
  };
}

function toExport(row: Selectable<DigestExportsTable>): DigestExportRecord {
  return {
    id: row.id, tokenHash: row.token_hash, tenantId: row.tenant_id, conversationId: row.conversation_id, userId: row.user_id,
    periodKind: toCode(KINDS, row.period_kind, 'period_kind'), periodFrom: toDate(row.period_from), periodTo: toDate(row.period_to),
    partial: Boolean(row.partial), createdAt: toDate(row.created_at), expiresAt: toDate(row.expires_at),
  };
}

import type { Kysely } from 'kysely';
import type { LawAnalysisRepository } from '../../domain/annual/law-analysis';
import { toDate } from '../row-values';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { upsert } from './duplicates';

/** The coordinator's analysis per conversation and year (0021): read and written within the caller's tenant and conversation. */
export function createLawAnalysisRepository(db: Kysely<Database>, dialect: StoreDialect): LawAnalysisRepository {
  return {
    async get(scope, year) {
      const row = await db.selectFrom('lagesbild_analyses').selectAll()
        .where('tenant_id', '=', scope.tenantId).where('conversation_id', '=', scope.conversationId).where('year', '=', year)
        .executeTakeFirst();
      return row ? { year: Number(row.year), text: row.analysis, updatedBy: row.updated_by, updatedAt: toDate(row.updated_at) } : null;
    },

    save: (scope, a) => upsert(dialect,
      async () => (await db.updateTable('lagesbild_analyses').set({ analysis: a.text, updated_by: a.updatedBy, updated_at: a.updatedAt })
        .where('tenant_id', '=', scope.tenantId).where('conversation_id', '=', scope.conversationId).where('year', '=', a.year)
        .executeTakeFirst()).numUpdatedRows,
      () => db.insertInto('lagesbild_analyses').values({
        tenant_id: scope.tenantId, conversation_id: scope.conversationId, year: a.year, analysis: a.text, updated_by: a.updatedBy, updated_at: a.updatedAt,
      }).execute()),
  };
}

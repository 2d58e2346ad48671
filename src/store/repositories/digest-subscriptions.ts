import type { Kysely, Selectable } from 'kysely';
import type { Subscription } from '../../domain/digests/subscription';
import type { DigestSubscriptionRepository } from '../../domain/ports/digest-subscriptions.port';
import { toCode, toDate } from '../row-values';
import type { Database, DigestSubscriptionsTable } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { upsert } from './duplicates';

export function createDigestSubscriptionRepository(db: Kysely<Database>, dialect: StoreDialect): DigestSubscriptionRepository {
  const select = () => db.selectFrom('digest_subscriptions').selectAll();
  return {
    /** A conversation's subscription stays in its tenant: a save naming another tenant changes nothing. */
    async save(s) {
      const columns = {
        tenant_id: s.tenantId, cadence: s.cadence, weekday: s.weekday, time_of_day: s.time, locale: s.locale, status: s.status,
        paused_reason: s.pausedReason, created_by: s.createdBy, created_at: s.createdAt, updated_at: s.updatedAt,
      };
      await upsert(
        dialect,
        async () => (await db.updateTable('digest_subscriptions').set(columns)
          .where('conversation_id', '=', s.conversationId).where('tenant_id', '=', s.tenantId).executeTakeFirst()).numUpdatedRows,
        () => db.insertInto('digest_subscriptions').values({ conversation_id: s.conversationId, ...columns }).execute(),
      );
    },

    async get(scope) {
      const row = await select().where('conversation_id', '=', scope.conversationId).where('tenant_id', '=', scope.tenantId).executeTakeFirst();
      return row ? toSubscription(row) : null;
    },

    async remove(scope) {
      const result = await db.deleteFrom('digest_subscriptions')
        .where('conversation_id', '=', scope.conversationId).where('tenant_id', '=', scope.tenantId).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async listActive() {
      const rows = await select().where('status', '=', 'active').orderBy('conversation_id').execute();
      return rows.map(toSubscription);
    },

    async pause(scope, reason, at) {
      await db.updateTable('digest_subscriptions').set({ status: 'paused', paused_reason: reason, updated_at: at })
        .where('conversation_id', '=', scope.conversationId).where('tenant_id', '=', scope.tenantId).execute();
    },
  };
}

function toSubscription(row: Selectable<DigestSubscriptionsTable>): Subscription {
  return {
    conversationId: row.conversation_id,
    tenantId: row.tenant_id,
    cadence: toCode(['weekly', 'daily'] as const, row.cadence, 'cadence'),
    weekday: row.weekday,
    time: row.time_of_day,
    locale: toCode(['sv', 'en'] as const, row.locale, 'locale'),
    status: toCode(['active', 'paused'] as const, row.status, 'status'),
    pausedReason: row.paused_reason,
    createdBy: row.created_by,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

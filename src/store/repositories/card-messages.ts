import type { Kysely } from 'kysely';
import type { CardMessageRepository } from '../../domain/ports/card-messages.port';
import type { Database } from '../schema';
import { toDate } from '../row-values';

/** One row per item; every read and write names the item's tenant and conversation. */
export function createCardMessageRepository(db: Kysely<Database>): CardMessageRepository {
  return {
    remember: (scope, item, message) => db.transaction().execute(async (trx) => {
      // Replaced whole: an item whose card is posted again is refreshed in its newest message.
      await trx.deleteFrom('card_messages')
        .where('tenant_id', '=', scope.tenantId).where('item_kind', '=', item.kind).where('item_id', '=', item.id).execute();
      await trx.insertInto('card_messages').values({
        tenant_id: scope.tenantId, conversation_id: scope.conversationId, item_kind: item.kind, item_id: item.id,
        thread_id: message.threadId, activity_id: message.activityId, updated_at: message.updatedAt,
      }).execute();
    }),
    async find(scope, item) {
      const row = await db.selectFrom('card_messages').select(['thread_id', 'activity_id', 'updated_at'])
        .where('tenant_id', '=', scope.tenantId).where('conversation_id', '=', scope.conversationId)
        .where('item_kind', '=', item.kind).where('item_id', '=', item.id).executeTakeFirst();
      return row ? { threadId: row.thread_id, activityId: row.activity_id, updatedAt: toDate(row.updated_at) } : null;
    },
  };
}

import type { Kysely } from 'kysely';
import type { ConversationRecord } from '../../domain/conversation';
import type { ConversationRepository } from '../../domain/ports/store.port';
import { toCode, toDate } from '../row-values';
import type { ConversationRow, Database } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { upsert } from './duplicates';

const SCOPES = ['channel', 'groupChat', 'personal'] as const satisfies readonly ConversationRecord['scope'][];

export function createConversationRepository(db: Kysely<Database>, dialect: StoreDialect): ConversationRepository {
  return {
    /** A conversation stays in its tenant: a save naming another tenant changes nothing. */
    async save(record) {
      const columns = conversationColumns(record);
      await upsert(
        dialect,
        async () => (await db.updateTable('conversations').set(columns)
          .where('conversation_id', '=', record.conversationId).where('tenant_id', '=', record.tenantId)
          .executeTakeFirst()).numUpdatedRows,
        () => db.insertInto('conversations').values({ conversation_id: record.conversationId, ...columns }).execute(),
      );
    },

    async get(scope) {
      const row = await db.selectFrom('conversations').selectAll()
        .where('conversation_id', '=', scope.conversationId).where('tenant_id', '=', scope.tenantId).executeTakeFirst();
      return row ? toConversation(row) : null;
    },

    async list() {
      const rows = await db.selectFrom('conversations').selectAll()
        .orderBy('installed_at').orderBy('conversation_id').execute();
      return rows.map(toConversation);
    },
  };
}

/** Every column but the key: a save replaces the whole record. */
function conversationColumns(record: ConversationRecord) {
  return {
    tenant_id: record.tenantId,
    scope: record.scope,
    team_id: record.teamId,
    channel_id: record.channelId,
    service_url: record.serviceUrl,
    // Opaque to the store: kept as the JSON the chat platform's SDK can be handed back.
    reference_json: JSON.stringify(record.reference ?? null),
    installed_at: record.installedAt,
    updated_at: record.updatedAt,
  };
}

function toConversation(row: ConversationRow): ConversationRecord {
  return {
    conversationId: row.conversation_id,
    tenantId: row.tenant_id,
    scope: toCode(SCOPES, row.scope, 'scope'),
    teamId: row.team_id,
    channelId: row.channel_id,
    serviceUrl: row.service_url,
    reference: JSON.parse(row.reference_json) as unknown,
    installedAt: toDate(row.installed_at),
    updatedAt: toDate(row.updated_at),
  };
}

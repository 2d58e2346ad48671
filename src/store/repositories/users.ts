import type { Kysely } from 'kysely';
import type { UserProfile } from '../../domain/conversation';
import type { UserProfileRepository } from '../../domain/ports/store.port';
import { ORGANISATIONS } from '../../domain/vocabulary';
import { toCode, toDate } from '../row-values';
import type { Database, UserProfileRow } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { upsert } from './duplicates';

export function createUserProfileRepository(db: Kysely<Database>, dialect: StoreDialect): UserProfileRepository {
  return {
    async get(userId) {
      const row = await db.selectFrom('user_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
      return row ? toUserProfile(row) : null;
    },

    async findByChatUserId(chatUserId) {
      const row = await db.selectFrom('user_profiles').selectAll().where('chat_user_id', '=', chatUserId).executeTakeFirst();
      return row ? toUserProfile(row) : null;
    },

    async save(profile) {
      const columns = {
        tenant_id: profile.tenantId,
        organisation: profile.organisation,
        school: profile.school,
        updated_at: profile.updatedAt,
        ...(profile.chatUserId !== undefined ? { chat_user_id: profile.chatUserId } : {}),
        ...(profile.displayName !== undefined ? { display_name: profile.displayName } : {}),
      };
      await upsert(
        dialect,
        async () => (await db.updateTable('user_profiles').set(columns)
          .where('user_id', '=', profile.userId).executeTakeFirst()).numUpdatedRows,
        () => db.insertInto('user_profiles').values({ user_id: profile.userId, ...columns }).execute(),
      );
    },
  };
}

function toUserProfile(row: UserProfileRow): UserProfile {
  return {
    userId: row.user_id,
    tenantId: row.tenant_id,
    organisation: toCode(ORGANISATIONS, row.organisation, 'organisation'),
    school: row.school,
    updatedAt: toDate(row.updated_at),
    chatUserId: row.chat_user_id,
    displayName: row.display_name,
  };
}

import type { Kysely } from 'kysely';
import type { UserProfile } from '../../domain/conversation';
import type { UserProfileRepository } from '../../domain/ports/store.port';
import { RecentEntries } from '../../domain/recent-entries';
import { ORGANISATIONS } from '../../domain/vocabulary';
import { toCode, toDate } from '../row-values';
import type { Database, UserProfileRow } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { upsert } from './duplicates';
import { checkedLimit } from './limits';

/**
 * A report submit saves the reporter's profile (defaults, display name for the member directory and
 * mentions) every time, mostly unchanged. The same values saved again within this time are not written:
 * updated_at only has to be right to months (retention) and roughly (which profile a chat id found last),
 * and last_seen_at is kept by LastSeen.
 */
export const PROFILE_REWRITE_AFTER_MS = 10 * 60 * 1000;
/** How many users' last saves are remembered (the one saved longest ago is forgotten first, then written once more). */
const PROFILES_REMEMBERED = 10_000;

export function createUserProfileRepository(db: Kysely<Database>, dialect: StoreDialect): UserProfileRepository {
  const lastSaved = new RecentEntries<string, { values: string; at: number }>(PROFILES_REMEMBERED);
  return {
    async get(scope, userId) {
      const row = await db.selectFrom('user_profiles').selectAll()
        .where('tenant_id', '=', scope.tenantId).where('user_id', '=', userId).executeTakeFirst();
      return row ? toUserProfile(row) : null;
    },

    async findByChatUserId(scope, chatUserId) {
      const row = await db.selectFrom('user_profiles').selectAll()
        .where('tenant_id', '=', scope.tenantId).where('chat_user_id', '=', chatUserId)
        .orderBy('updated_at', 'desc').orderBy('user_id').executeTakeFirst();
      return row ? toUserProfile(row) : null;
    },

    /** One profile per (tenant, user): saving in one tenant never touches the user's profile in another. */
    async save(profile) {
      const values = {
        organisation: profile.organisation,
        school: profile.school,
        ...(profile.chatUserId !== undefined ? { chat_user_id: profile.chatUserId } : {}),
        ...(profile.displayName !== undefined ? { display_name: profile.displayName } : {}),
      };
      const key = `${profile.tenantId}\u0000${profile.userId}`;
      const at = profile.updatedAt.getTime();
      const seen = JSON.stringify(values);
      const last = lastSaved.get(key);
      if (last && last.values === seen && at >= last.at && at - last.at < PROFILE_REWRITE_AFTER_MS) return;
      const columns = { ...values, updated_at: profile.updatedAt };
      await upsert(
        dialect,
        async () => (await db.updateTable('user_profiles').set(columns)
          .where('tenant_id', '=', profile.tenantId).where('user_id', '=', profile.userId).executeTakeFirst()).numUpdatedRows,
        () => db.insertInto('user_profiles').values({ tenant_id: profile.tenantId, user_id: profile.userId, ...columns, last_seen_at: profile.updatedAt }).execute(),
      );
      lastSaved.set(key, { values: seen, at });
    },

    async named(scope, limit) {
      const rows = await db.selectFrom('user_profiles').selectAll()
        .where('tenant_id', '=', scope.tenantId).where('display_name', 'is not', null)
        .orderBy('display_name').orderBy('user_id').limit(checkedLimit(limit)).execute();
      return rows.map(toUserProfile);
    },

    async markSeen(scope, userId, at, since) {
      await db.updateTable('user_profiles').set({ last_seen_at: at })
        .where('tenant_id', '=', scope.tenantId).where('user_id', '=', userId)
        .where((eb) => eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<', since)]))
        .execute();
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

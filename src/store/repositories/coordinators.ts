import type { Kysely } from 'kysely';
import type { CoordinatorRepository } from '../../domain/ports/audit.port';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { ignoreDuplicate } from './duplicates';
import { checkedLimit } from './limits';

/** Coordinators per tenant: a coordinator in one tenant is nobody special in another. */
export function createCoordinatorRepository(db: Kysely<Database>, dialect: StoreDialect): CoordinatorRepository {
  return {
    async isCoordinator(scope, userId) {
      const row = await db.selectFrom('coordinators').select('user_id')
        .where('tenant_id', '=', scope.tenantId).where('user_id', '=', userId).executeTakeFirst();
      return row !== undefined;
    },
    add: (scope, userId, addedBy, at) =>
      ignoreDuplicate(dialect, () => db.insertInto('coordinators')
        .values({ tenant_id: scope.tenantId, user_id: userId, added_by: addedBy, added_at: at }).execute()),
    async list(scope, limit) {
      const rows = await db.selectFrom('coordinators').select('user_id').where('tenant_id', '=', scope.tenantId)
        .orderBy('added_at').orderBy('user_id').limit(checkedLimit(limit)).execute();
      return rows.map((r) => r.user_id);
    },
  };
}

import type { Kysely } from 'kysely';
import type { CoordinatorRepository } from '../../domain/ports/audit.port';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { ignoreDuplicate } from './duplicates';

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
  };
}

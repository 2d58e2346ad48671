import type { Kysely } from 'kysely';
import type { CoordinatorRepository } from '../../domain/ports/audit.port';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { ignoreDuplicate } from './duplicates';

export function createCoordinatorRepository(db: Kysely<Database>, dialect: StoreDialect): CoordinatorRepository {
  return {
    async isCoordinator(userId) {
      return (await db.selectFrom('coordinators').select('user_id').where('user_id', '=', userId).executeTakeFirst()) !== undefined;
    },
    add: (userId, addedBy, at) =>
      ignoreDuplicate(dialect, () => db.insertInto('coordinators').values({ user_id: userId, added_by: addedBy, added_at: at }).execute()),
  };
}

import type { Kysely } from 'kysely';
import { CALL_ROLES, CALL_STEPS, callingOrder } from '../../domain/mobilisation/call-list';
import type { CallListRepository } from '../../domain/ports/mobilisation.port';
import { toCode, toDate } from '../row-values';
import type { Database } from '../schema';

/** Every read and write names the school's tenant: an id of another tenant's school finds nobody. */
export function createCallListRepository(db: Kysely<Database>): CallListRepository {
  return {
    async list(scope, schoolId) {
      const rows = await db.selectFrom('call_list_entries').selectAll()
        .where('tenant_id', '=', scope.tenantId).where('school_id', '=', schoolId).execute();
      return callingOrder(rows.map((r) => ({
        schoolId: r.school_id, userId: r.user_id, chatUserId: r.chat_user_id, name: r.display_name,
        role: toCode(CALL_ROLES, r.role, 'call_list_entries.role'), step: CALL_STEPS.find((s) => s === Number(r.step)) ?? 3,
        addedBy: r.added_by, addedAt: toDate(r.added_at),
      })));
    },

    put: (scope, schoolId, callee, by) => db.transaction().execute(async (trx) => {
      await trx.deleteFrom('call_list_entries')
        .where('tenant_id', '=', scope.tenantId).where('school_id', '=', schoolId).where('user_id', '=', callee.userId).execute();
      await trx.insertInto('call_list_entries').values({
        tenant_id: scope.tenantId, school_id: schoolId, user_id: callee.userId, chat_user_id: callee.chatUserId, display_name: callee.name,
        role: callee.role, step: callee.step, added_by: by.actorId, added_at: by.now,
      }).execute();
    }),

    async remove(scope, schoolId, userId) {
      const result = await db.deleteFrom('call_list_entries')
        .where('tenant_id', '=', scope.tenantId).where('school_id', '=', schoolId).where('user_id', '=', userId).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

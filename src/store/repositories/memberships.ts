import type { Kysely } from 'kysely';
import type { Membership, MembershipRepository, MembershipSource } from '../../domain/ports/memberships.port';
import { ORGANISATIONS } from '../../domain/vocabulary';
import { prepareQuery } from '../prepared-query';
import { toCode, toDate } from '../row-values';
import type { Database, MembershipRow } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { upsert } from './duplicates';
import { checkedLimit } from './limits';

const SOURCES = ['coordinator', 'domain'] as const satisfies readonly MembershipSource[];

// Read at every report submit (the reporter's organisation).
const membershipOf = prepareQuery<{ tenantId: string; userId: string }>()((db, p) => db.selectFrom('memberships').selectAll()
  .where('tenant_id', '=', p.tenantId).where('user_id', '=', p.userId));

/** Confirmed memberships, one per (tenant, user): confirming again moves it. */
export function createMembershipRepository(db: Kysely<Database>, dialect: StoreDialect): MembershipRepository {
  return {
    async get(scope, userId) {
      const row = await membershipOf.first(db, { tenantId: scope.tenantId, userId });
      return row ? toMembership(row) : null;
    },

    async confirm(scope, m) {
      const columns = { organisation: m.organisation, source: m.source, confirmed_by: m.confirmedBy, confirmed_at: m.confirmedAt };
      await upsert(
        dialect,
        async () => (await db.updateTable('memberships').set(columns)
          .where('tenant_id', '=', scope.tenantId).where('user_id', '=', m.userId).executeTakeFirst()).numUpdatedRows,
        () => db.insertInto('memberships').values({ tenant_id: scope.tenantId, user_id: m.userId, ...columns }).execute(),
      );
    },

    async membersOf(scope, organisations, limit) {
      if (organisations.length === 0) return [];
      const rows = await db.selectFrom('memberships').select('user_id')
        .where('tenant_id', '=', scope.tenantId).where('organisation', 'in', [...organisations])
        .orderBy('confirmed_at').orderBy('user_id').limit(checkedLimit(limit)).execute();
      return rows.map((r) => r.user_id);
    },
  };
}

function toMembership(row: MembershipRow): Membership {
  return {
    userId: row.user_id,
    organisation: toCode(ORGANISATIONS, row.organisation, 'organisation'),
    source: toCode(SOURCES, row.source, 'membership source'),
    confirmedBy: row.confirmed_by,
    confirmedAt: toDate(row.confirmed_at),
  };
}

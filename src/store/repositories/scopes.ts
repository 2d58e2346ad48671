import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { ReportScope } from '../../domain/scope';
import { prepareQuery } from '../prepared-query';
import type { Database } from '../schema';

// What a scope allows, as SQL: every read and write by id goes through one of these.

export type ReportTable = 'incidents' | 'activities';

/**
 * The reports a scope may see: of its tenant, and made in its conversation or (a personal chat)
 * reported by `alsoReportedBy` anywhere in the tenant. Columns are qualified by `table`.
 */
export function reportInScope(table: ReportTable, scope: ScopeValues): RawBuilder<SqlBool> {
  const column = (name: 'tenant_id' | 'conversation_id' | 'reporter_id') => sql.ref(`${table}.${name}`);
  const here = sql`${column('conversation_id')} = ${scope.conversationId}`;
  const where = scope.alsoReportedBy === undefined
    ? here
    : sql`(${here} or ${column('reporter_id')} = ${scope.alsoReportedBy})`;
  return sql<SqlBool>`${column('tenant_id')} = ${scope.tenantId} and ${where}`;
}

/** A scope's values, or the placeholders of a prepared query (prepared-query.ts). */
type ScopeValues = { [K in keyof ReportScope]: ReportScope[K] | Expression<NonNullable<ReportScope[K]>> };

type SubmitKeyHere = { submitKey: string; tenantId: string; conversationId: string };

/**
 * The id of the report that a submit key saved, looked for within the scope (the first thing every
 * submit with a key does): prepared, one shape for a conversation and one for a personal chat.
 */
export function reportIdBySubmitKey(table: ReportTable) {
  const here = prepareQuery<SubmitKeyHere>()((db, p) => db.selectFrom(table).select('id')
    .where('submit_key', '=', p.submitKey).where(reportInScope(table, { tenantId: p.tenantId, conversationId: p.conversationId })));
  const personal = prepareQuery<SubmitKeyHere & { alsoReportedBy: string }>()((db, p) => db.selectFrom(table).select('id')
    .where('submit_key', '=', p.submitKey)
    .where(reportInScope(table, { tenantId: p.tenantId, conversationId: p.conversationId, alsoReportedBy: p.alsoReportedBy })));
  return async (db: Kysely<Database>, scope: ReportScope, submitKey: string): Promise<string | undefined> => {
    const key = { submitKey, tenantId: scope.tenantId, conversationId: scope.conversationId };
    const row = scope.alsoReportedBy === undefined
      ? await here.first(db, key)
      : await personal.first(db, { ...key, alsoReportedBy: scope.alsoReportedBy });
    return row?.id;
  };
}

const placeOfTenant = prepareQuery<{ placeId: string; tenantId: string }>()((db, p) => db.selectFrom('places').select('id')
  .where('id', '=', p.placeId).where('tenant_id', '=', p.tenantId));

/** A report or hot spot may only be at a place of its own tenant (a place id from elsewhere is refused). */
export async function requirePlaceOfTenant(db: Kysely<Database>, tenantId: string, placeId: string | null): Promise<void> {
  if (placeId === null) return;
  const place = await placeOfTenant.first(db, { placeId, tenantId });
  if (!place) throw new PlaceOutsideTenantError(placeId);
}

/** A place id that is not a place of the tenant: unknown, or another tenant's. */
export class PlaceOutsideTenantError extends Error {
  constructor(readonly placeId: string) {
    super('The place is not one of the tenant\'s places');
    this.name = 'PlaceOutsideTenantError';
  }
}

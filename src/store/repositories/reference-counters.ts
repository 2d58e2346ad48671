import type { Kysely } from 'kysely';
import { REF_PREFIX, formatReference, type ReportKind } from '../../domain/report';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { ignoreDuplicate } from './duplicates';

// Each tenant counts its own reports: a reference number tells nothing about other tenants' reports.

/**
 * Makes sure the counter row of a tenant, kind and year exists. Run outside the report's transaction:
 * on SQL Server a duplicate-key error inside a transaction is best not relied upon, and a lost race
 * here only means the other writer created the row.
 */
export async function ensureReferenceCounter(
  db: Kysely<Database>, dialect: StoreDialect, tenantId: string, kind: ReportKind, year: number,
): Promise<void> {
  const existing = await db.selectFrom('reference_counters').select('value')
    .where('tenant_id', '=', tenantId).where('kind', '=', REF_PREFIX[kind]).where('year', '=', year)
    .executeTakeFirst();
  if (existing) return;
  await ignoreDuplicate(dialect, () =>
    db.insertInto('reference_counters').values({ tenant_id: tenantId, kind: REF_PREFIX[kind], year, value: 0 }).execute());
}

/**
 * Takes the tenant's next number inside the caller's transaction. The UPDATE comes first so that the
 * row stays write-locked until commit: concurrent writers queue on it, and a rolled-back insert leaves no gap.
 */
export async function takeNextReference(trx: Kysely<Database>, tenantId: string, kind: ReportKind, year: number): Promise<string> {
  await trx.updateTable('reference_counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('tenant_id', '=', tenantId).where('kind', '=', REF_PREFIX[kind]).where('year', '=', year)
    .execute();
  const { value } = await trx.selectFrom('reference_counters').select('value')
    .where('tenant_id', '=', tenantId).where('kind', '=', REF_PREFIX[kind]).where('year', '=', year)
    .executeTakeFirstOrThrow();
  return formatReference(kind, year, value);
}

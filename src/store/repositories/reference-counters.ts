import type { Kysely } from 'kysely';
import { REF_PREFIX, formatReference, type ReportKind } from '../../domain/report';
import { prepareQuery } from '../prepared-query';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { ignoreDuplicate } from './duplicates';

// Each tenant counts its own reports: a reference number tells nothing about other tenants' reports.

/** The tenant has no counter row for this kind and year yet: create it (ensureReferenceCounter) and number again. */
export class MissingReferenceCounterError extends Error {
  constructor() {
    super('No reference counter row yet');
  }
}

/**
 * Creates the counter row of a tenant, kind and year, which numbering found missing (a tenant's first
 * report of the kind in the year). Run outside the report's transaction: on SQL Server a duplicate-key
 * error inside a transaction is best not relied upon, and a lost race here only means the other writer
 * created the row.
 */
export async function ensureReferenceCounter(
  db: Kysely<Database>, dialect: StoreDialect, tenantId: string, kind: ReportKind, year: number,
): Promise<void> {
  await ignoreDuplicate(dialect, () =>
    db.insertInto('reference_counters').values({ tenant_id: tenantId, kind: REF_PREFIX[kind], year, value: 0 }).execute());
}

type CounterKey = { tenantId: string; kind: string; year: number };

// Both run at every submit: prepared (prepared-query.ts). One UPDATE … RETURNING (SQL Server: OUTPUT)
// would do, but the T-SQL that test/store/mssql-sql.test.ts checks cannot contain OUTPUT (its parser
// lacks it), so both engines keep the update and the read.
const bumpCounter = prepareQuery<CounterKey>()((db, p) => db.updateTable('reference_counters')
  .set((eb) => ({ value: eb('value', '+', 1) }))
  .where('tenant_id', '=', p.tenantId).where('kind', '=', p.kind).where('year', '=', p.year));

const counterValue = prepareQuery<CounterKey>()((db, p) => db.selectFrom('reference_counters').select('value')
  .where('tenant_id', '=', p.tenantId).where('kind', '=', p.kind).where('year', '=', p.year));

/**
 * Takes the tenant's next number inside the caller's transaction. The UPDATE comes first so that the
 * row stays write-locked until commit: concurrent writers queue on it, and a rolled-back insert leaves
 * no gap. No row updated means the counter does not exist yet (MissingReferenceCounterError).
 */
export async function takeNextReference(trx: Kysely<Database>, tenantId: string, kind: ReportKind, year: number): Promise<string> {
  const key = { tenantId, kind: REF_PREFIX[kind], year };
  if ((await bumpCounter.affected(trx, key)) === 0n) throw new MissingReferenceCounterError();
  const counter = await counterValue.first(trx, key);
  if (!counter) throw new Error('The reference counter went away within its transaction');
  return formatReference(kind, year, counter.value);
}

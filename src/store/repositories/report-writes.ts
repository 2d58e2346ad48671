import type { Kysely, UpdateResult } from 'kysely';
import type { ReportChange, UpdateResult as ChangeResult } from '../../domain/ports/store.port';
import type { ReportKind } from '../../domain/report';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { ensureReferenceCounter, takeNextReference } from './reference-counters';

/** Numbers and inserts a report in one transaction, so that a failed insert gives its number back. */
export async function createNumberedReport<R>(
  db: Kysely<Database>,
  dialect: StoreDialect,
  kind: ReportKind,
  refYear: number,
  insert: (trx: Kysely<Database>, ref: string) => Promise<R>,
): Promise<R> {
  await ensureReferenceCounter(db, dialect, kind, refYear);
  return db.transaction().execute(async (trx) => insert(trx, await takeNextReference(trx, kind, refYear)));
}

/**
 * Optimistic concurrency: `apply` must update only `WHERE id = ? AND version = ?` (and bump the
 * version). No row updated means the report changed since it was read, or is gone; which of the two
 * is told apart by looking for it.
 */
export async function updateVersionedReport<R>(
  db: Kysely<Database>,
  table: 'incidents' | 'activities',
  change: ReportChange<unknown>,
  apply: (trx: Kysely<Database>) => Promise<UpdateResult>,
  reload: (trx: Kysely<Database>) => Promise<R | null>,
): Promise<ChangeResult<R>> {
  return db.transaction().execute(async (trx): Promise<ChangeResult<R>> => {
    const { numUpdatedRows } = await apply(trx);
    if (numUpdatedRows === 0n) {
      const stillThere = await trx.selectFrom(table).select('id').where('id', '=', change.id).executeTakeFirst();
      return { ok: false, reason: stillThere ? 'conflict' : 'missing' };
    }
    const report = await reload(trx);
    return report ? { ok: true, report } : { ok: false, reason: 'missing' };
  });
}

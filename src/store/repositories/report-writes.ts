import type { Kysely, UpdateResult } from 'kysely';
import type { AuditAction, AuditEntry } from '../../domain/ports/audit.port';
import type { NewReport, ReportChange, UpdateResult as ChangeResult } from '../../domain/ports/store.port';
import { writeAudit } from './audit';
import type { ReportKind } from '../../domain/report';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { ensureReferenceCounter, takeNextReference } from './reference-counters';

interface AuditedReport {
  id: string;
  ref: string;
  origin: { tenantId: string };
}

/**
 * Numbers and inserts a report in one transaction, so that a failed insert gives its number back;
 * its audit row is written in the same transaction.
 */
export async function createNumberedReport<R extends AuditedReport>(
  db: Kysely<Database>,
  dialect: StoreDialect,
  kind: ReportKind,
  report: NewReport<unknown>,
  insert: (trx: Kysely<Database>, ref: string) => Promise<R>,
): Promise<R> {
  await ensureReferenceCounter(db, dialect, kind, report.refYear);
  return db.transaction().execute(async (trx) => {
    const created = await insert(trx, await takeNextReference(trx, kind, report.refYear));
    await writeAudit(trx, auditOf(kind, created, report.reporter.userId, report.now, 'report.created', null));
    return created;
  });
}

function auditOf(kind: ReportKind, report: AuditedReport, actorId: string, at: Date, action: AuditAction, detail: string | null): AuditEntry {
  return { at, tenantId: report.origin.tenantId, actorId, action, entityKind: kind, entityId: report.id, entityRef: report.ref, detail };
}

/** Which change this was, for the audit trail: the new status or nothing; never the text. */
function changeAction(change: ReportChange<unknown>): { action: AuditAction; detail: string | null } {
  if (change.fields) return { action: 'report.changed', detail: null };
  if (change.assignee !== undefined) return { action: 'report.assigned', detail: change.status ?? null };
  return { action: 'report.status', detail: change.status ?? null };
}

/**
 * Optimistic concurrency: `apply` must update only `WHERE id = ? AND version = ?` (and bump the
 * version). No row updated means the report changed since it was read, or is gone; which of the two
 * is told apart by looking for it.
 */
export async function updateVersionedReport<R extends AuditedReport>(
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
    if (!report) return { ok: false, reason: 'missing' };
    const { action, detail } = changeAction(change);
    await writeAudit(trx, auditOf(table === 'incidents' ? 'incident' : 'activity', report, change.actorId, change.now, action, detail));
    return { ok: true, report };
  });
}

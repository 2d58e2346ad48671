import type { Kysely, UpdateResult } from 'kysely';
import { SubmitKeyUsedError } from '../../domain/errors';
import type { AuditAction, AuditEntry } from '../../domain/ports/audit.port';
import type { NewReport, ReportChange, UpdateResult as ChangeResult } from '../../domain/ports/store.port';
import { writeAudit } from './audit';
import type { ReportKind } from '../../domain/report';
import type { ReportScope } from '../../domain/scope';
import type { Database } from '../schema';
import type { StoreDialect } from '../store-dialect';
import { MissingReferenceCounterError, ensureReferenceCounter, takeNextReference } from './reference-counters';
import { PlaceOutsideTenantError, reportInScope, requirePlaceOfTenant } from './scopes';

interface AuditedReport {
  id: string;
  ref: string;
  origin: { tenantId: string };
}

/**
 * Numbers (per tenant) and inserts a report in one transaction, so that a failed insert gives its number back;
 * its audit row is written in the same transaction. A place that is not of the report's tenant is
 * refused before anything is written. A submit key already used in the tenant (a repeated or concurrent
 * submit of the same card: the unique index decides the race) fails with SubmitKeyUsedError, nothing written.
 */
export async function createNumberedReport<R extends AuditedReport>(
  db: Kysely<Database>,
  dialect: StoreDialect,
  kind: ReportKind,
  report: NewReport<{ placeId: string | null }>,
  insert: (trx: Kysely<Database>, ref: string) => Promise<R>,
): Promise<R> {
  // One statement fewer per submit when the caller has just read the place in this tenant (NewReport.placeReadInTenant).
  if (!report.placeReadInTenant) await requirePlaceOfTenant(db, report.origin.tenantId, report.fields.placeId);
  const numberAndInsert = async (): Promise<R> => {
    try {
      return await db.transaction().execute(async (trx) => {
        const created = await insert(trx, await takeNextReference(trx, report.origin.tenantId, kind, report.refYear));
        await writeAudit(trx, auditOf(kind, created, report.reporter.userId, report.now, 'report.created', null));
        return created;
      });
    } catch (error) {
      const { submitKey } = report;
      if (submitKey && dialect.isUniqueViolation(error) && (await submitKeyTaken(db, kind, report.origin.tenantId, submitKey))) {
        throw new SubmitKeyUsedError();
      }
      // The place was merged away between the check above and the insert: as unknown as if it had been gone before.
      if (report.fields.placeId !== null && dialect.isReferenceViolation(error)) throw new PlaceOutsideTenantError(report.fields.placeId);
      throw error;
    }
  };
  try {
    return await numberAndInsert();
  } catch (error) {
    // The counter row is made once per tenant, kind and year, when numbering first finds none: not looked for at every submit.
    if (!(error instanceof MissingReferenceCounterError)) throw error;
    await ensureReferenceCounter(db, dialect, report.origin.tenantId, kind, report.refYear);
    return numberAndInsert();
  }
}

async function submitKeyTaken(db: Kysely<Database>, kind: ReportKind, tenantId: string, submitKey: string): Promise<boolean> {
  const row = await db.selectFrom(kind === 'incident' ? 'incidents' : 'activities').select('id')
    .where('tenant_id', '=', tenantId).where('submit_key', '=', submitKey).executeTakeFirst();
  return row !== undefined;
}

function auditOf(kind: ReportKind, report: AuditedReport, actorId: string, at: Date, action: AuditAction, detail: string | null): AuditEntry {
  return { at, tenantId: report.origin.tenantId, actorId, action, entityKind: kind, entityId: report.id, entityRef: report.ref, detail };
}

/** Which change this was, for the audit trail: the new status or nothing; never the text. */
function changeAction(change: ReportChange<unknown>): { action: AuditAction; detail: string | null } {
  if (change.fields) return { action: 'report.changed', detail: null };
  if (change.followUpDone) return { action: 'report.follow_up_done', detail: null };
  if (change.assignee !== undefined) return { action: 'report.assigned', detail: change.status ?? null };
  return { action: 'report.status', detail: change.status ?? null };
}

/**
 * Optimistic concurrency within a scope: `apply` must update only
 * `WHERE id = ? AND version = ? AND <in scope>` (and bump the version). No row updated means the report
 * changed since it was read, or is gone or outside the scope; which is told apart by looking for it
 * in the scope, so that a report outside it is `missing` and nothing about it shows.
 */
export async function updateVersionedReport<R extends AuditedReport>(
  db: Kysely<Database>,
  table: 'incidents' | 'activities',
  scope: ReportScope,
  change: ReportChange<{ placeId: string | null }>,
  apply: (trx: Kysely<Database>) => Promise<UpdateResult>,
  reload: (trx: Kysely<Database>) => Promise<R | null>,
): Promise<ChangeResult<R>> {
  return db.transaction().execute(async (trx): Promise<ChangeResult<R>> => {
    const { numUpdatedRows } = await apply(trx);
    // Only now is the report known to be in scope: a place outside the tenant throws and rolls back.
    if (numUpdatedRows > 0n && change.fields) {
      await requirePlaceOfTenant(trx, scope.tenantId, change.fields.placeId);
    }
    if (numUpdatedRows === 0n) {
      const stillThere = await trx.selectFrom(table).select('id')
        .where('id', '=', change.id).where(reportInScope(table, scope)).executeTakeFirst();
      return { ok: false, reason: stillThere ? 'conflict' : 'missing' };
    }
    const report = await reload(trx);
    if (!report) return { ok: false, reason: 'missing' };
    const { action, detail } = changeAction(change);
    await writeAudit(trx, auditOf(table === 'incidents' ? 'incident' : 'activity', report, change.actorId, change.now, action, detail));
    return { ok: true, report };
  });
}

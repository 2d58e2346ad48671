import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { NewReport, ReportChange } from '../../domain/ports/store.port';
import type { Person } from '../../domain/report';
import { ORGANISATIONS, REPORT_STATUSES, type ReportStatus } from '../../domain/vocabulary';
import { toCode, toDate } from '../row-values';
import type { ReportColumns } from '../schema';

// The columns incidents and activities share, in both directions.

const FIRST_STATUS: ReportStatus = 'ny';

/** Everything but the kind-specific fields of a new report's row. */
export function newReportColumns(report: NewReport<unknown>, ref: string) {
  return {
    id: randomUUID(),
    ref,
    status: FIRST_STATUS,
    assignee_id: null,
    assignee_name: null,
    reporter_id: report.reporter.userId,
    reporter_name: report.reporter.name,
    tenant_id: report.origin.tenantId,
    conversation_id: report.origin.conversationId,
    created_at: report.now,
    updated_at: report.now,
    version: 1,
    anonymised_at: null,
    organisation_confirmed: report.organisationConfirmed,
    submit_key: report.submitKey ?? null,
  };
}

/** The shared columns a change sets; `undefined` in the change means "leave as it is". */
export function changedReportColumns(change: ReportChange<unknown>) {
  return {
    ...(change.status !== undefined ? { status: change.status } : {}),
    ...(change.assignee !== undefined
      ? { assignee_id: change.assignee?.userId ?? null, assignee_name: change.assignee?.name ?? null }
      : {}),
    updated_at: change.now,
  };
}

export function toReportBase(row: Selectable<ReportColumns>) {
  return {
    id: row.id,
    ref: row.ref,
    status: toCode(REPORT_STATUSES, row.status, 'status'),
    assignee: toPersonOrNull(row.assignee_id, row.assignee_name),
    reporter: { userId: row.reporter_id, name: row.reporter_name },
    organisation: toCode(ORGANISATIONS, row.organisation, 'organisation'),
    organisationConfirmed: Boolean(row.organisation_confirmed),
    origin: { tenantId: row.tenant_id, conversationId: row.conversation_id },
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    version: row.version,
  };
}

function toPersonOrNull(userId: string | null, name: string | null): Person | null {
  return userId === null ? null : { userId, name: name ?? '' };
}

import { REPORT_STATUSES, type ReportStatus } from './vocabulary';

/** Status moves one step at a time: forward as work progresses, or back when a report is reopened. */
export function canMoveStatus(from: ReportStatus, to: ReportStatus): boolean {
  return Math.abs(REPORT_STATUSES.indexOf(from) - REPORT_STATUSES.indexOf(to)) === 1;
}

export function nextStatus(status: ReportStatus): ReportStatus | null {
  return REPORT_STATUSES[REPORT_STATUSES.indexOf(status) + 1] ?? null;
}

export function previousStatus(status: ReportStatus): ReportStatus | null {
  const index = REPORT_STATUSES.indexOf(status);
  return index > 0 ? REPORT_STATUSES[index - 1]! : null;
}

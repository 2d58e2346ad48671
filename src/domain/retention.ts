import { DateTime } from 'luxon';
import type { AuditRepository } from './ports/audit.port';
import type { RetentionRepository } from './ports/retention.port';

/**
 * The daily retention job: reports older than `months` are anonymised rather than deleted, so that
 * past lägesbilder and hot-spot counts stay correct while no text or person outlives the rule.
 */
export async function applyRetention(
  store: { retention: RetentionRepository; audit: AuditRepository }, months: number, now: Date, zone = 'Europe/Stockholm',
): Promise<{ incidents: number; activities: number }> {
  const cutoff = DateTime.fromJSDate(now, { zone }).minus({ months }).startOf('day').toJSDate();
  const done = await store.retention.anonymiseBefore(cutoff, now);
  if (done.incidents + done.activities > 0) {
    await store.audit.record({
      at: now, tenantId: '*', actorId: 'gallring', action: 'report.anonymised', entityKind: 'incident', entityId: null, entityRef: null,
      detail: `${done.incidents} händelser, ${done.activities} aktiviteter`,
    });
  }
  return done;
}

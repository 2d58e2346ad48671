import { DateTime } from 'luxon';
import type { AuditRepository } from './ports/audit.port';
import type { RetentionRepository } from './ports/retention.port';

/**
 * The daily retention job: reports older than `months` are anonymised rather than deleted, so that
 * past lägesbilder and hot-spot counts stay correct while no text or person outlives the rule. Each
 * tenant's audit trail says how many of its reports were anonymised.
 */
export async function applyRetention(
  store: { retention: RetentionRepository; audit: AuditRepository }, months: number, now: Date, zone = 'Europe/Stockholm',
): Promise<{ incidents: number; activities: number }> {
  const cutoff = DateTime.fromJSDate(now, { zone }).minus({ months }).startOf('day').toJSDate();
  const counts = await store.retention.anonymiseBefore(cutoff, now);
  for (const c of counts) {
    await store.audit.record({
      at: now, tenantId: c.tenantId, actorId: 'gallring', action: 'report.anonymised', entityKind: 'incident', entityId: null, entityRef: null,
      detail: `incidents=${c.incidents} activities=${c.activities}`,
    });
  }
  return counts.reduce((sum, c) => ({ incidents: sum.incidents + c.incidents, activities: sum.activities + c.activities }), { incidents: 0, activities: 0 });
}

import { DateTime } from 'luxon';
import type { AuditEntry, AuditRepository } from './ports/audit.port';
import { RECORD_KINDS, type RecordKind, type RecordRetentionCount, type RetentionCount, type RetentionRepository } from './ports/retention.port';
import type { UserProfileRepository } from './ports/store.port';
import type { TenantScope } from './scope';
import { instantOfLocal, isoDay, localTime } from './local-time';
import { RecentEntries } from './recent-entries';

/** A type, not an interface: the housekeeping log takes it as a record of numbers. */
export type RetentionSummary = {
  incidents: number;
  activities: number;
  hotspots: number;
  measures: number;
  profiles: number;
  /** 1 when no removed text is left in the engine's files (SQLite: the WAL was checkpointed and cut), else 0. */
  erased: number;
} & Record<RecordKind, number>;

/** How long data is kept (RETENTION_MONTHS, DOCUMENT_RETENTION_YEARS). */
export interface RetentionPeriods {
  /** Reports, hot spot work, the EST week's records, export links and profiles: months after they happened. */
  months: number;
  /** The yearly documents (lägesbild enligt lag, medborgarlöften, strategic meetings, priority areas): full years after their year. */
  documentYears: number;
}

/**
 * The daily retention job. What is older than `months` is anonymised rather than deleted, so that past
 * lägesbilder, hot spot counts and effects stay correct while no text or person outlives the rule:
 * reports that happened before the cutoff, hot spots last changed before it (their analysis and
 * people), measures made before it (their text and person); profiles of users not seen since are
 * removed. The other records follow (RecordKind says which): the EST week's reasons, marks and nudges
 * and expired export links after the same months, the yearly documents after `documentYears` full
 * years. Then the engine is asked to leave none of it in its files. Each tenant's audit trail says how
 * much of its data went; the counts are the only detail. Which table is kept how long, and why:
 * src/store/retention-plan.ts.
 */
export async function applyRetention(
  store: { retention: RetentionRepository; audit: AuditRepository }, periods: RetentionPeriods, now: Date, zone = 'Europe/Stockholm',
): Promise<RetentionSummary> {
  const cutoff = retentionCutoff(periods.months, now, zone);
  const counts = await store.retention.anonymiseBefore(cutoff, now);
  for (const c of counts) {
    for (const entry of auditOf(c, now)) await store.audit.record(entry);
  }
  const documentYear = DateTime.fromJSDate(now, { zone }).year - periods.documentYears;
  const records = await store.retention.removeRecordsBefore({ cutoff, documentYear });
  for (const r of records) await store.audit.record(recordsAudit(r, now));
  // After the audit rows, so that the checkpoint also covers the last writes of the run.
  const erased = await store.retention.eraseRemnants();
  const total = (key: Exclude<keyof RetentionCount, 'tenantId'>) => counts.reduce((sum, c) => sum + c[key], 0);
  return {
    incidents: total('incidents'), activities: total('activities'), hotspots: total('hotspots'),
    measures: total('measures'), profiles: total('profiles'),
    ...Object.fromEntries(RECORD_KINDS.map((k) => [k, records.reduce((sum, r) => sum + r[k], 0)])) as Record<RecordKind, number>,
    erased: erased ? 1 : 0,
  };
}

/** The start of the day (in `zone`) `months` before `now`: what happened before it is old. */
export function retentionCutoff(months: number, now: Date, zone = 'Europe/Stockholm'): Date {
  return DateTime.fromJSDate(now, { zone }).minus({ months }).startOf('day').toJSDate();
}

/** One row per kind of data that went in the tenant: reports, hot spot work, profiles. */
function auditOf(c: RetentionCount, at: Date): AuditEntry[] {
  const row = (action: AuditEntry['action'], entityKind: AuditEntry['entityKind'], detail: string): AuditEntry =>
    ({ at, tenantId: c.tenantId, actorId: 'gallring', action, entityKind, entityId: null, entityRef: null, detail });
  return [
    ...(c.incidents + c.activities > 0 ? [row('report.anonymised', 'incident', `incidents=${c.incidents} activities=${c.activities}`)] : []),
    ...(c.hotspots + c.measures > 0 ? [row('hotspot.anonymised', 'hotspot', `hotspots=${c.hotspots} measures=${c.measures}`)] : []),
    ...(c.profiles > 0 ? [row('user.anonymised', 'user', `profiles=${c.profiles}`)] : []),
  ];
}

/** One row per tenant for the other records: the kinds that went, with how many (`assessments=3 nudges=12`). */
function recordsAudit(r: RecordRetentionCount, at: Date): AuditEntry {
  const detail = RECORD_KINDS.filter((k) => r[k] > 0).map((k) => `${k}=${r[k]}`).join(' ');
  return { at, tenantId: r.tenantId, actorId: 'gallring', action: 'records.removed', entityKind: 'records', entityId: null, entityRef: null, detail };
}

/**
 * Notes when users act, so that retention can tell who has not been seen for its period: at most one
 * write per user, tenant and day (Europe/Stockholm) — remembered here, and checked again by the store,
 * so that several instances or a restart do not write more than that either.
 */
export class LastSeen {
  private readonly noted: RecentEntries<string, string>;

  constructor(
    private readonly users: Pick<UserProfileRepository, 'markSeen'>,
    private readonly zone = 'Europe/Stockholm',
    /** How many users are remembered before the memory starts again (then each is written once more). */
    maxRemembered = 10_000,
  ) {
    this.noted = new RecentEntries(maxRemembered);
  }

  async note(scope: TenantScope, userId: string, now: Date): Promise<void> {
    const local = localTime(now, this.zone);
    const day = isoDay(local);
    const key = `${scope.tenantId}\u0000${userId}`;
    if (this.noted.get(key) === day) return;
    await this.users.markSeen(scope, userId, now, instantOfLocal({ ...local, hour: 0, minute: 0 }, this.zone));
    this.noted.set(key, day);
  }
}

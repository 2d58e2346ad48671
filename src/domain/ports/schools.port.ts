import type { School, SchoolContact, SchoolDetails } from '../schools/school';
import type { SchoolMatch } from '../schools/school-matcher';
import type { ReportScope, TenantScope } from '../scope';
import type { ActivityType, IncidentCategory, ReportStatus } from '../vocabulary';

/** Who changes the register, and when: the audit row written with each change names them. */
export interface SchoolCurator {
  actorId: string;
  now: Date;
}

/** A change applied only while the stored version still equals `expectedVersion`; `undefined` keeps a value. */
export interface SchoolChange extends Partial<SchoolDetails> {
  id: string;
  expectedVersion: number;
}

/**
 * Why a write did not happen. `name_taken`: another school of the tenant has the name (folded);
 * `place_missing`: the place is not in the tenant's register; `conflict`: someone changed the school
 * since it was read; `missing`: no such school in the tenant.
 */
export type SchoolWriteFailure = 'name_taken' | 'place_missing' | 'conflict' | 'missing';

export type SchoolWrite = { ok: true; school: School } | { ok: false; reason: SchoolWriteFailure };

/** All or nothing: on failure, `index` is the first of `schools` that could not be added. */
export type SchoolImport = { ok: true; schools: School[] } | { ok: false; index: number; reason: 'name_taken' | 'place_missing' };

/**
 * The tenant's school register: every conversation of the tenant sees the same schools, and an id of
 * another tenant's school is `missing`/null everywhere. Adding a school, or renaming one, ties the
 * tenant's incidents whose free-text school (as typed before the register) has the same folded name to it.
 */
export interface SchoolRepository {
  add(scope: TenantScope, school: SchoolDetails, by: SchoolCurator): Promise<SchoolWrite>;
  /** Adds all in one transaction (a CSV import): either every school is added or none. */
  addMany(scope: TenantScope, schools: readonly SchoolDetails[], by: SchoolCurator): Promise<SchoolImport>;
  update(scope: TenantScope, change: SchoolChange, by: SchoolCurator): Promise<SchoolWrite>;
  get(scope: TenantScope, id: string): Promise<School | null>;
  /** The school whose folded name is the typed one's; else the close matches, as the place matcher finds them. */
  findByName(scope: TenantScope, typed: string): Promise<SchoolMatch>;
  /** Alphabetical (by folded name), at most `limit`. */
  list(scope: TenantScope, limit: number): Promise<School[]>;
  /** The school's SSPF contacts in the order they were given; empty for a school not of the tenant. */
  contacts(scope: TenantScope, schoolId: string): Promise<SchoolContact[]>;
  /** The schools the user is a contact of, alphabetical. */
  ofContact(scope: TenantScope, userId: string): Promise<School[]>;
  /**
   * The school's reports the caller may see (their conversation's), incidents since `since` and
   * activities from `sinceDay` on (planned ones included), newest first, at most `limit` of each:
   * what a school's picture is counted from. A school has tens of reports a month, not thousands.
   */
  reports(scope: ReportScope, schoolId: string, since: { instant: Date; day: string }, limit: number): Promise<SchoolReports>;
}

/** A school's report as its picture needs it: codes and dates, no text. */
export interface SchoolIncidentRow { id: string; ref: string; occurredAt: Date; category: IncidentCategory; status: ReportStatus }
export interface SchoolActivityRow { id: string; ref: string; date: string; type: ActivityType; followUpDate: string | null; followUpDone: boolean }
export interface SchoolReports { incidents: SchoolIncidentRow[]; activities: SchoolActivityRow[] }

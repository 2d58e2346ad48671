import type {
  CitizenPromise, Commitment, CommitmentStatus, NewPromise, NewStrategicMeeting, StrategicMeeting, TiedActivity,
} from '../promises/promise';
import type { TenantScope } from '../scope';

/** `duplicate`: the index (in the list given) of a promise whose title the tenant's year already has. */
export type AddPromisesResult = { ok: true; promises: CitizenPromise[] } | { ok: false; duplicate: number };

/** The promise register: everything belongs to one tenant, and every read or write by id carries it. */
export interface PromiseRepository {
  /** Adds promises with their commitments in one transaction: all of them, or (a duplicate title) none. */
  add(scope: TenantScope, promises: readonly NewPromise[], createdBy: string, now: Date): Promise<AddPromisesResult>;
  /** The tenant's promises of a year, in order, each with its commitments in order. */
  year(scope: TenantScope, year: number): Promise<CitizenPromise[]>;
  commitment(scope: TenantScope, id: string): Promise<Commitment | null>;
  /** Null when the commitment is not the tenant's. */
  setStatus(scope: TenantScope, id: string, status: CommitmentStatus, byUserId: string, at: Date): Promise<Commitment | null>;
  /** The tenant's activities (every conversation) that serve a commitment of the year's promises. */
  tiedActivities(scope: TenantScope, year: number): Promise<TiedActivity[]>;
  recordMeeting(scope: TenantScope, meeting: NewStrategicMeeting): Promise<StrategicMeeting>;
  /** The year's strategic meetings, by date. */
  meetings(scope: TenantScope, year: number): Promise<StrategicMeeting[]>;
  /** Tenants with at least one promise in the year: for the scheduled reminders (system-wide). */
  tenantsWithPromises(year: number): Promise<string[]>;
}

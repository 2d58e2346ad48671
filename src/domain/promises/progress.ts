import type { Organisation } from '../vocabulary';
import type { CitizenPromise, Commitment, CommitmentStatus, StrategicMeeting, TiedActivity } from './promise';

/** How far a commitment has come: its activities by (reporting) organisation, the latest one, and its status. */
export interface CommitmentProgress {
  commitment: Commitment;
  total: number;
  /** Organisations with at least one activity, most activities first (then in vocabulary order of first appearance). */
  byOrganisation: { organisation: Organisation; count: number }[];
  /** The latest activity by date (then reference), or null. */
  last: TiedActivity | null;
  status: CommitmentStatus;
}

export interface PromiseProgress {
  promise: CitizenPromise;
  commitments: CommitmentProgress[];
}

/**
 * A year of the register as the follow-up reads it: `löften` shows it, and the yearly documents read
 * it through PromiseFollowUpSource (the same roll-up, not a second one).
 */
export interface YearFollowUp {
  year: number;
  promises: PromiseProgress[];
  /** Every activity serving a commitment of the year, for documents that list them. */
  activities: TiedActivity[];
  meetings: StrategicMeeting[];
}

export interface PromiseFollowUpSource {
  followUp(scope: { tenantId: string }, year: number): Promise<YearFollowUp>;
}

/** Rolls the activities up per commitment. Activities of commitments not given are ignored. */
export function rollUp(promises: readonly CitizenPromise[], activities: readonly TiedActivity[]): PromiseProgress[] {
  const byCommitment = new Map<string, TiedActivity[]>();
  for (const a of activities) byCommitment.set(a.commitmentId, [...(byCommitment.get(a.commitmentId) ?? []), a]);
  return promises.map((promise) => ({
    promise,
    commitments: promise.commitments.map((commitment) => progressOf(commitment, byCommitment.get(commitment.id) ?? [])),
  }));
}

function progressOf(commitment: Commitment, activities: readonly TiedActivity[]): CommitmentProgress {
  const counts = new Map<Organisation, number>();
  for (const a of activities) counts.set(a.organisation, (counts.get(a.organisation) ?? 0) + 1);
  const later = (a: TiedActivity, b: TiedActivity) => a.date > b.date || (a.date === b.date && a.ref > b.ref);
  const last = activities.reduce<TiedActivity | null>((latest, a) => (latest === null || later(a, latest) ? a : latest), null);
  return {
    commitment,
    total: activities.length,
    byOrganisation: [...counts].map(([organisation, count]) => ({ organisation, count })).sort((a, b) => b.count - a.count),
    last,
    status: commitment.status,
  };
}

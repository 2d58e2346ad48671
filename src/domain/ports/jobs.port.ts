/**
 * Scheduled jobs with any number of instances: a lease per (job, period) in the store. One instance
 * gets it (an insert wins, the others see the key taken); a lease whose holder stopped renewing it
 * (the process died) can be taken over once `leasedUntil` has passed; a finished period is never run
 * again. Jobs are system-wide: no tenant scope.
 */
export interface LeaseRequest {
  job: string;
  periodKey: string;
  /** Names the instance (random per process). */
  holder: string;
  now: Date;
  /** Until when the lease holds unless renewed. */
  until: Date;
}

export type LeaseOutcome = 'acquired' | 'taken_over' | 'held' | 'done';

export interface JobLeaseRepository {
  /** Takes the lease: `acquired` (new), `taken_over` (stale), `held` (another holder's, still valid) or `done` (period finished). */
  acquire(request: LeaseRequest): Promise<LeaseOutcome>;
  /** Extends a lease this holder still has; false when it has lost it (taken over after it lapsed). */
  renew(job: string, periodKey: string, holder: string, until: Date): Promise<boolean>;
  /** Marks the period done (only by the holder). */
  finish(job: string, periodKey: string, holder: string, at: Date): Promise<boolean>;
  /** Removes finished leases older than `before` (the retention job keeps the table small). */
  prune(before: Date): Promise<number>;
  /** Lets go of every unfinished lease of this holder now (shutdown), so that another instance takes over at once. */
  releaseAll(holder: string, now: Date): Promise<number>;
}

/**
 * The proactive posting budget of a tenant, shared by every instance: posts are counted per tenant
 * in time slots in the store, at most `perSlot` in each.
 */
export interface PostBudgetRepository {
  /** Counts one post in the slot starting at `slotAt` if it has room; false when the slot is full. */
  take(tenantId: string, slotAt: Date, perSlot: number): Promise<boolean>;
  /** Removes slots before `before` (kept small by whoever opens a new slot). */
  prune(before: Date): Promise<number>;
}

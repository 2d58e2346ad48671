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
  /**
   * Removes finished leases older than `before` (the retention job keeps the table small), except those
   * of the jobs in `except`: a job whose period lasts longer than the pruning age would otherwise run
   * its period again once the lease is gone.
   */
  prune(before: Date, except?: readonly string[]): Promise<number>;
  /** Lets go of every unfinished lease of this holder now (shutdown), so that another instance takes over at once. */
  releaseAll(holder: string, now: Date): Promise<number>;
}

/**
 * The posting budget of a tenant, shared by every instance: posts are counted per tenant in time slots
 * in the store. Proactive posts (digests, reminders) take a slot only while there is room; answers to
 * users are counted whatever the slot holds, since they are never held for the budget.
 */
export interface PostBudgetRepository {
  /**
   * Counts one proactive post in the slot starting at `slotAt` if the slot has fewer than `perSlot`
   * and, with a `window`, the slots after `window.from` up to this one hold fewer than `window.limit`
   * posts of either kind. One statement decides, so that instances never both take the last room.
   */
  take(tenantId: string, slotAt: Date, perSlot: number, window?: BudgetWindow): Promise<boolean>;
  /** The latest slot from `from` on that a proactive post took, or null. */
  lastTaken(tenantId: string, from: Date): Promise<Date | null>;
  /** Counts one answer to a user (or another post of a turn) in the slot starting at `slotAt`. */
  countAnswer(tenantId: string, slotAt: Date, posts?: number): Promise<void>;
  /** Answers counted in the slots from `since` on. */
  answersSince(tenantId: string, since: Date): Promise<number>;
  /** Removes slots before `before` (kept small by whoever opens a new slot). */
  prune(before: Date): Promise<number>;
}

/** The sliding second a take is checked against: at most `limit` posts in the slots after `from`. */
export interface BudgetWindow {
  from: Date;
  limit: number;
}

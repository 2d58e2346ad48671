import { performance } from 'node:perf_hooks';

/** Milliseconds from a clock that only moves forward (not the wall clock, which can be set back). */
export type MonotonicClock = () => number;

export const monotonicClock: MonotonicClock = () => performance.now();

/**
 * A token bucket per user: a burst of `capacity` actions, then `perMinute` a minute. Enough for the
 * busiest real reporter, not for a script or a stuck client flooding the database.
 *
 * Time is read from a monotonic clock: when the wall clock is set back (NTP, a VM resumed, daylight
 * saving done wrong), an elapsed time measured on it would be negative and empty every bucket for as
 * long as the jump, locking everyone out. Elapsed time is also never taken as negative.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly perMinute: number,
    private readonly now: MonotonicClock = monotonicClock,
    /** Most users remembered: past it, full buckets go, then the least recently seen (issue 14). */
    private readonly maxKeys = 10_000,
  ) {}

  /** True when the action may go ahead (and counts it). */
  take(key: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    const refilled = this.refilled(bucket, now);
    const allowed = refilled >= 1;
    this.buckets.delete(key); // set again below: the Map's order is then who was seen last
    this.buckets.set(key, { tokens: allowed ? refilled - 1 : refilled, at: now });
    if (this.buckets.size > this.maxKeys) this.forgetFull(now);
    // A flood of distinct users all acting within a minute leaves no full bucket: the least recently
    // seen go (forgotten, such a user gets a full burst back, which bounds memory, not fairness).
    while (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    return allowed;
  }

  /** How many users are remembered (tests: it stays bounded). */
  get size(): number {
    return this.buckets.size;
  }

  private refilled(bucket: { tokens: number; at: number }, now: number): number {
    const elapsed = Math.max(0, now - bucket.at);
    return Math.min(this.capacity, bucket.tokens + (elapsed / 60_000) * this.perMinute);
  }

  /** Buckets that have refilled completely carry no information; dropping them bounds memory. */
  private forgetFull(now: number): void {
    for (const [key, b] of this.buckets) {
      if (this.refilled(b, now) >= this.capacity) this.buckets.delete(key);
    }
  }
}

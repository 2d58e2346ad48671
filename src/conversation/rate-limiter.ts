import type { Clock } from '../domain/ports/clock.port';

/**
 * A token bucket per user: a burst of `capacity` actions, then `perMinute` a minute. Enough for the
 * busiest real reporter, not for a script or a stuck client flooding the database.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly capacity: number, private readonly perMinute: number, private readonly clock: Clock) {}

  /** True when the action may go ahead (and counts it). */
  take(key: string): boolean {
    const now = this.clock.now().getTime();
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    const refilled = Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 60_000) * this.perMinute);
    const allowed = refilled >= 1;
    this.buckets.set(key, { tokens: allowed ? refilled - 1 : refilled, at: now });
    if (this.buckets.size > 10_000) this.forgetFull(now);
    return allowed;
  }

  /** Buckets that have refilled completely carry no information; dropping them bounds memory. */
  private forgetFull(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 60_000) * this.perMinute >= this.capacity) this.buckets.delete(key);
    }
  }
}

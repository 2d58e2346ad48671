import type { Clock } from '../ports/clock.port';
import type { Sleep } from '../ports/digest-poster.port';

/**
 * Spaces posts at least `intervalMs` apart. Teams allows about 30 requests a second per app and tenant
 * and 7 a second per thread; a digest is one message per conversation, so a global pace covers both.
 */
export class Pacer {
  private last = Number.NEGATIVE_INFINITY;

  constructor(private readonly intervalMs: number, private readonly clock: Clock, private readonly sleep: Sleep) {}

  /** Per instance, whatever the tenant (see PostingBudget for the budget shared by all instances). */
  async wait(_tenantId?: string): Promise<void> {
    // The turn is taken before sleeping, so that callers waiting at once are spaced, not let through together.
    const now = this.clock.now().getTime();
    const turn = Math.max(now, this.last + this.intervalMs);
    this.last = turn;
    if (turn > now) await this.sleep(turn - now);
  }
}

/** One instance's pace for shared card updates, and for digests when no shared budget is given (tests): 25 a second, below Teams' 30. */
export const DIGEST_POST_INTERVAL_MS = 40;

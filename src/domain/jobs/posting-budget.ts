import type { PostBudgetRepository } from '../ports/jobs.port';

/** Slots of a fifth of a second: with N posts per second allowed, N/5 in each (N < 5: slots of 1/N s, one post each). */
export const BUDGET_SLOT_MS = 200;

/** 25 a second: below Teams' ~30 per app and tenant, with room for replies to users. */
export const DEFAULT_POSTS_PER_SECOND = 25;

export interface PostingBudgetOptions {
  /** Posts a second per tenant, for all instances together. */
  perSecond: number;
  /** Real time in ms since the epoch (the slots are shared with other processes: never a test's fake clock). */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The per-tenant budget for proactive posts (digests, reminders), shared by every instance through the
 * store: each post is counted in the tenant's current slot, and a full slot means waiting for the next.
 * Any second spans at most six slots, so no second sees more than perSecond + perSlot posts, whatever
 * the number of instances (without sharing, each instance would have its own perSecond).
 */
export class PostingBudget {
  private readonly perSlot: number;
  private readonly slotMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private lastPrune = 0;

  constructor(private readonly slots: PostBudgetRepository, options: PostingBudgetOptions) {
    // Fewer than one post a slot: longer slots, one post each (every instance has the same setting).
    this.slotMs = options.perSecond * BUDGET_SLOT_MS >= 1000 ? BUDGET_SLOT_MS : Math.ceil(1000 / options.perSecond);
    this.perSlot = Math.max(1, Math.floor((options.perSecond * this.slotMs) / 1000));
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms)));
  }

  /** Resolves once this post has been counted in the tenant's budget. */
  async wait(tenantId: string): Promise<void> {
    for (;;) {
      const now = this.now();
      const slot = Math.floor(now / this.slotMs) * this.slotMs;
      if (await this.slots.take(tenantId, new Date(slot), this.perSlot)) {
        if (now - this.lastPrune > 60_000) {
          this.lastPrune = now;
          await this.slots.prune(new Date(slot - 60_000));
        }
        return;
      }
      await this.sleep(slot + this.slotMs - now + 1);
    }
  }
}

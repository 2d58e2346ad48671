import type { PostBudgetRepository } from '../ports/jobs.port';

/** Teams allows about 30 requests a second per app and tenant: the whole budget, answers to users included. */
export const DEFAULT_POSTS_PER_SECOND = 30;

/**
 * One proactive post a slot, sent at its slot's start: with slots just over 1000 / (perSecond - 1) ms
 * (35 ms for 30: 28.6 a second), no sliding second holds more than perSecond - 1 of them, wherever it
 * falls. The one left is for an answer to a user that nobody announced. Slot times are the same in
 * every instance.
 */
export function budgetSlotMs(perSecond: number): number {
  return Math.floor(1000 / Math.max(1, perSecond - 1)) + 1;
}

/**
 * A waiting post takes its slot at most this many slots ahead: a late timer (a busy event loop) then
 * costs no slot, while an answer that comes meanwhile meets few posts it could not be counted against.
 */
const SLOTS_TAKEN_AHEAD = 4;

/**
 * Behind its pace (timers fired late, or the first post after a pause), a slot takes up to this many:
 * the second's count decides, so a stalled instance catches up without ever overfilling a second.
 */
const CATCH_UP_PER_SLOT = 3;

/** While answers were counted in the last this many ms, proactive posts leave them a fifth of the budget. */
export const ANSWERS_RECENT_MS = 10_000;
/** Whether answers were seen is asked again after this long (every proactive post asking would cost a query). */
const ANSWERS_CHECKED_EVERY_MS = 100;

/**
 * What proactive posts and the answers counted before them may fill of a sliding second (a post
 * counted at its slot's start): one post is always left for an answer that comes unannounced; once
 * answers were seen, a fifth (at least one). With a budget of one a second nothing is left: proactive
 * posts are never stopped entirely.
 */
export function proactiveLimit(perSecond: number, answersRecent: boolean): number {
  return Math.max(1, perSecond - (answersRecent ? Math.max(1, Math.ceil(perSecond / 5)) : 1));
}

export interface PostingBudgetOptions {
  /** Posts a second per tenant, for all instances together, answers to users included. */
  perSecond: number;
  /** Real time in ms since the epoch (the slots are shared with other processes: never a test's fake clock). */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The per-tenant posting budget, shared by every instance through the store (slots counted in
 * post_budget_slots). Two kinds of post count in it:
 *
 * | post                                  | waits? | counted                  | takes a sliding second's room  |
 * |---------------------------------------|--------|--------------------------|--------------------------------|
 * | proactive (digest, reminder, nudge)   | yes    | `wait` before posting    | only what answers left         |
 * | answer to a user (a turn's own posts) | never  | `countAnswer`, as posted | first: answers go out at once  |
 *
 * Proactive posts thus fill Teams' 30 a second when nobody else posts, and step back for answers.
 * Within an instance the waits of a tenant queue (first come, first served), so that one query a slot
 * asks the store rather than every waiting digest at once.
 */
export class PostingBudget {
  /** Every instance with the same POSTS_PER_SECOND has the same slots. */
  readonly slotMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly answersSeen = new Map<string, { at: number; recent: boolean }>();
  private lastPrune = 0;

  constructor(private readonly slots: PostBudgetRepository, private readonly options: PostingBudgetOptions) {
    this.slotMs = budgetSlotMs(options.perSecond);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms)));
  }

  /** Resolves at the start of the slot this proactive post took in the tenant's budget. */
  async wait(tenantId: string): Promise<void> {
    const slot = await this.queued(tenantId, () => this.take(tenantId));
    const early = slot - this.now();
    if (early > 0) await this.sleep(early);
  }

  /** Counts `posts` answers to users in the current slot. Never waits for room: answers go first. */
  async countAnswer(tenantId: string, posts = 1): Promise<void> {
    const now = this.now();
    this.answersSeen.set(tenantId, { at: now, recent: true });
    await this.slots.countAnswer(tenantId, new Date(this.slotOf(now)), posts);
  }

  /** Within an instance the slots of a tenant are taken one after the other (one query, not a herd). */
  private queued<T>(tenantId: string, work: () => Promise<T>): Promise<T> {
    const turn = (this.queues.get(tenantId) ?? Promise.resolve()).then(work);
    const settled = turn.catch(() => undefined);
    this.queues.set(tenantId, settled);
    void settled.then(() => { if (this.queues.get(tenantId) === settled) this.queues.delete(tenantId); });
    return turn;
  }

  /**
   * Takes the first free slot after the last one taken (by any instance), no further ahead than
   * SLOTS_TAKEN_AHEAD, whose sliding second still has room; returns its start. Slots are taken in
   * order, so a second that ends later than this slot holds nothing after it yet.
   */
  private async take(tenantId: string): Promise<number> {
    let candidate = Number.NEGATIVE_INFINITY;
    let perSlot = 1;
    for (;;) {
      const now = this.now();
      const current = this.slotOf(now);
      if (candidate < current) {
        const last = (await this.slots.lastTaken(tenantId, new Date(current - 1000)))?.getTime() ?? null;
        candidate = last === null ? current : Math.max(current, last + this.slotMs);
        perSlot = last === null || last + this.slotMs < current ? CATCH_UP_PER_SLOT : 1;
      }
      const ahead = candidate - this.slotMs * SLOTS_TAKEN_AHEAD - now;
      if (ahead > 0) {
        await this.sleep(ahead);
        continue;
      }
      const limit = proactiveLimit(this.options.perSecond, await this.answersRecent(tenantId, now));
      if (await this.slots.take(tenantId, new Date(candidate), perSlot, { from: new Date(candidate - 1000), limit })) {
        await this.pruneNowAndThen(now);
        return candidate;
      }
      // Full (taken by another instance meanwhile, or its second holds enough already): the next one.
      candidate += this.slotMs;
      perSlot = 1;
    }
  }

  private async pruneNowAndThen(now: number): Promise<void> {
    if (now - this.lastPrune < 60_000) return;
    this.lastPrune = now;
    await this.slots.prune(new Date(now - 60_000));
  }

  private slotOf(ms: number): number {
    return Math.floor(ms / this.slotMs) * this.slotMs;
  }

  /** Whether any instance counted an answer for the tenant in the last ANSWERS_RECENT_MS. */
  private async answersRecent(tenantId: string, now: number): Promise<boolean> {
    const seen = this.answersSeen.get(tenantId);
    if (seen && now - seen.at < ANSWERS_CHECKED_EVERY_MS) return seen.recent;
    const recent = await this.slots.answersSince(tenantId, new Date(now - ANSWERS_RECENT_MS)) > 0;
    this.answersSeen.set(tenantId, { at: now, recent });
    return recent;
  }
}

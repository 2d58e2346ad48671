import type { Clock } from '../ports/clock.port';
import type { ConversationRepository } from '../ports/store.port';
import type { DigestDeliveryRepository } from '../ports/digest-deliveries.port';
import type { DigestPoster, Sleep } from '../ports/digest-poster.port';
import type { DigestSubscriptionRepository } from '../ports/digest-subscriptions.port';
import type { EventLog } from '../ports/event-log.port';
import { periodKey } from '../periods';
import type { LagesbildService } from '../lagesbild/lagesbild-service';
import { DEFAULT_RETRY_POLICY, classify, retryDelay, type RetryPolicy } from './retry-policy';
import { digestPeriod, latestOccurrence, type Subscription } from './subscription';

/** Digests built and posted at once by one instance (the posting budget sets the pace, not this). */
const DIGESTS_AT_ONCE = 4;

export interface ScheduledDigestsDeps {
  subscriptions: DigestSubscriptionRepository;
  deliveries: DigestDeliveryRepository;
  conversations: ConversationRepository;
  lagesbild: LagesbildService;
  poster: DigestPoster;
  /** Waits for room in the tenant's posting budget (shared by all instances) before each post. */
  pacer: { wait(tenantId: string): Promise<void> };
  clock: Clock;
  sleep: Sleep;
  random: () => number;
  log: EventLog;
  /** Names this process in its claims. */
  instanceId: string;
  /** A digest missed while the bot was down is still posted this long after its time. */
  catchUpMs: number;
  zone: string;
  retry?: RetryPolicy;
  /** A claim not finished within this time is taken to be from a crashed instance. */
  staleClaimMs?: number;
}

export type DigestResult = { conversationId: string; periodKey: string; status: 'posted' | 'failed' | 'paused' };

/**
 * The scheduled lägesbild: on each tick, every active subscription whose latest scheduled time has
 * passed (within the catch-up window) is claimed for its period in the database, and only the
 * instance that wins the claim builds and posts it. A period is posted once per conversation.
 */
export class ScheduledDigests {
  private readonly retry: RetryPolicy;

  constructor(private readonly deps: ScheduledDigestsDeps) {
    this.retry = deps.retry ?? DEFAULT_RETRY_POLICY;
  }

  /** `stopRequested`: checked between digests; the instance stops, and another takes the rest over. */
  async runDue(now: Date, stopRequested: () => boolean = () => false): Promise<DigestResult[]> {
    const subscriptions = await this.deps.subscriptions.listActive();
    const results: (DigestResult | null)[] = new Array(subscriptions.length).fill(null);
    // A few digests are built while others wait for the posting budget: one at a time, building and
    // posting took longer than the budget's slot and 500 channels took twice the floor Teams' limits
    // allow (issue 14). The pace is still the shared budget's; results keep the subscriptions' order.
    let next = 0;
    const worker = async () => {
      while (next < subscriptions.length && !stopRequested()) {
        const index = next++;
        const subscription = subscriptions[index]!;
        results[index] = await this.runOne(subscription, now).catch((error: unknown) => {
          this.deps.log.error({ conversationId: subscription.conversationId, err: errorName(error) }, 'digest failed');
          return null;
        });
      }
    };
    await Promise.all(Array.from({ length: DIGESTS_AT_ONCE }, worker));
    return results.filter((r): r is DigestResult => r !== null);
  }

  private async runOne(subscription: Subscription, now: Date): Promise<DigestResult | null> {
    const { deps } = this;
    const occurrence = latestOccurrence(subscription, now, deps.zone);
    // Nothing from before the subscription began, and nothing older than the catch-up window.
    if (occurrence < subscription.createdAt || now.getTime() - occurrence.getTime() > deps.catchUpMs) return null;
    const period = digestPeriod(subscription, occurrence, deps.zone);
    const key = periodKey(period);
    const deliveryId = await deps.deliveries.claim({
      conversationId: subscription.conversationId, periodKey: key, scheduledFor: occurrence, claimedBy: deps.instanceId, now,
      staleBefore: new Date(now.getTime() - (deps.staleClaimMs ?? 15 * 60_000)),
    });
    if (!deliveryId) return null;
    const done = async (status: DigestResult['status'], detail: string | null) => {
      await deps.deliveries.finish(deliveryId, status, deps.clock.now(), detail);
      deps.log.info({ conversationId: subscription.conversationId, periodKey: key, status, detail }, 'digest delivery finished');
      return { conversationId: subscription.conversationId, periodKey: key, status };
    };
    const scope = { tenantId: subscription.tenantId, conversationId: subscription.conversationId };
    const conversation = await deps.conversations.get(scope);
    if (!conversation) {
      await deps.subscriptions.pause(scope, 'conversation unknown', now);
      return done('paused', 'conversation unknown');
    }
    const digest = await deps.lagesbild.build(scope, period);
    for (let attempt = 1; ; attempt += 1) {
      await deps.pacer.wait(subscription.tenantId);
      const outcome = await deps.poster.post(conversation, digest, subscription.locale);
      const verdict = classify(outcome, attempt, this.retry);
      const status = outcome.ok ? 201 : outcome.status;
      const wait = verdict === 'retry' ? retryDelay(outcome, attempt, this.retry, deps.random) : null;
      await deps.deliveries.recordAttempt({ deliveryId, attempt, at: deps.clock.now(), httpStatus: status, outcome: verdict, retryInMs: wait });
      if (verdict === 'posted') return done('posted', null);
      if (verdict === 'gone') {
        const reason = `bot removed from conversation (HTTP ${status})`;
        await deps.subscriptions.pause(scope, reason, now);
        return done('paused', reason);
      }
      if (verdict === 'failed') return done('failed', `HTTP ${status} after ${attempt} attempt(s)`);
      await deps.sleep(wait!);
    }
  }
}

export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown error';
}

import type { JobLeases } from '../jobs/job-leases';
import { conversationLeaseKey } from '../jobs/once-per-conversation';
import type { Clock } from '../ports/clock.port';
import type { ConversationRepository } from '../ports/store.port';
import type { DigestDeliveryRepository } from '../ports/digest-deliveries.port';
import type { DigestPoster, Sleep } from '../ports/digest-poster.port';
import type { DigestSubscriptionRepository } from '../ports/digest-subscriptions.port';
import type { EventLog } from '../ports/event-log.port';
import { periodKey, type Period } from '../periods';
import type { LagesbildService } from '../lagesbild/lagesbild-service';
import { withEstData, type EstService } from '../est/est-service';
import { DEFAULT_RETRY_POLICY, classify, retryDelay, type RetryPolicy } from './retry-policy';
import { digestPeriod, latestOccurrence, type Subscription } from './subscription';

/** Digests built and posted at once by one instance (the posting budget sets the pace, not this). */
const DIGESTS_AT_ONCE = 4;

export interface ScheduledDigestsDeps {
  subscriptions: DigestSubscriptionRepository;
  deliveries: DigestDeliveryRepository;
  conversations: ConversationRepository;
  lagesbild: LagesbildService;
  /** The EST week's part of the lägesbild (the same picture the `lägesbild` command shows). */
  est?: Pick<EstService, 'picture'>;
  poster: DigestPoster;
  /** Waits for room in the tenant's posting budget (shared by all instances) before each post. */
  pacer: { wait(tenantId: string): Promise<void> };
  clock: Clock;
  sleep: Sleep;
  random: () => number;
  log: EventLog;
  /**
   * Each digest (conversation and period) is posted under its own lease, renewed while it is being
   * posted: an instance that dies stops renewing, and another takes the digest over once the lease
   * lapsed (JOB_LEASE_SECONDS), not after a fixed claim timeout.
   */
  leases: Pick<JobLeases, 'run' | 'holder'>;
  /** A digest missed while the bot was down is still posted this long after its time. */
  catchUpMs: number;
  zone: string;
  retry?: RetryPolicy;
  /** Digests built and posted at once by this instance; DIGESTS_AT_ONCE unless set. */
  atOnce?: number;
}

export type DigestResult = { conversationId: string; periodKey: string; status: 'posted' | 'failed' | 'paused' };

/** The job name of a digest's lease; its period key names the period and the conversation. */
export const DIGEST_JOB = 'digest';

/**
 * The scheduled lägesbild: on each tick, every active subscription whose latest scheduled time has
 * passed (within the catch-up window) is posted for its period by the one instance that holds the
 * lease of that digest (src/domain/jobs/job-leases.ts). A period is posted once per conversation.
 *
 * Delivery is at least once: the delivery is noted as being sent before each POST, and an instance
 * that takes a delivery over and finds such a note (the previous holder died after the POST, before
 * recording its answer) posts again, logging and recording that the digest may appear twice. A
 * missing lägesbild before a meeting costs more than a repeated one. (SECURITY.md, "Scheduled posts".)
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
    await Promise.all(Array.from({ length: this.deps.atOnce ?? DIGESTS_AT_ONCE }, worker));
    return results.filter((r): r is DigestResult => r !== null);
  }

  private async runOne(subscription: Subscription, now: Date): Promise<DigestResult | null> {
    const { deps } = this;
    const occurrence = latestOccurrence(subscription, now, deps.zone);
    // Nothing from before the subscription began, and nothing older than the catch-up window.
    if (occurrence < subscription.createdAt || now.getTime() - occurrence.getTime() > deps.catchUpMs) return null;
    const period = digestPeriod(subscription, occurrence, deps.zone);
    const key = periodKey(period);
    const leased = await deps.leases.run(DIGEST_JOB, conversationLeaseKey(key, subscription.conversationId), now, () => this.deliver(subscription, period, key, occurrence, now));
    return leased.ran ? leased.result : null;
  }

  /** Posts the digest; only ever called under its lease. */
  private async deliver(subscription: Subscription, period: Period, key: string, occurrence: Date, now: Date): Promise<DigestResult | null> {
    const { deps } = this;
    // Under the lease, a delivery still marked claimed is one whose holder died or gave up: taken over at once.
    const delivery = await deps.deliveries.claim({
      conversationId: subscription.conversationId, periodKey: key, scheduledFor: occurrence, claimedBy: deps.leases.holder, now, staleBefore: now,
    });
    if (!delivery) return null;
    const repeated = delivery.unconfirmed;
    if (repeated) {
      deps.log.warn({ conversationId: subscription.conversationId, periodKey: key, attempt: repeated.attempt }, 'digest taken over after an unconfirmed post: it may appear twice');
    }
    const done = async (status: DigestResult['status'], detail: string | null) => {
      const noted = repeated && status === 'posted' ? `posted again after unconfirmed attempt ${repeated.attempt}` : detail;
      await deps.deliveries.finish(delivery.id, status, deps.clock.now(), noted);
      deps.log.info({ conversationId: subscription.conversationId, periodKey: key, status, detail: noted }, 'digest delivery finished');
      return { conversationId: subscription.conversationId, periodKey: key, status };
    };
    const scope = { tenantId: subscription.tenantId, conversationId: subscription.conversationId };
    const conversation = await deps.conversations.get(scope);
    if (!conversation) {
      await deps.subscriptions.pause(scope, 'conversation unknown', now);
      return done('paused', 'conversation unknown');
    }
    const [digest, est] = await Promise.all([deps.lagesbild.build(scope, period), deps.est?.picture(scope)]);
    // A conversation that keeps no EST week gets no empty EST block in its digest.
    const estPart = est && withEstData(est);
    // Attempt numbers go on after the previous holder's, so that they stay unique.
    for (let attempt = delivery.lastAttempt + 1, tries = 1; ; attempt += 1, tries += 1) {
      await deps.pacer.wait(subscription.tenantId);
      await deps.deliveries.sending(delivery.id, attempt, deps.clock.now());
      const outcome = await deps.poster.post(conversation, digest, subscription.locale, estPart ?? undefined);
      const verdict = classify(outcome, tries, this.retry);
      const status = outcome.ok ? 201 : outcome.status;
      const wait = verdict === 'retry' ? retryDelay(outcome, tries, this.retry, deps.random) : null;
      await deps.deliveries.recordAttempt({ deliveryId: delivery.id, attempt, at: deps.clock.now(), httpStatus: status, outcome: verdict, retryInMs: wait });
      if (verdict === 'posted') return done('posted', null);
      if (verdict === 'gone') {
        const reason = `bot removed from conversation (HTTP ${status})`;
        await deps.subscriptions.pause(scope, reason, now);
        return done('paused', reason);
      }
      if (verdict === 'failed') return done('failed', `HTTP ${status} after ${tries} attempt(s)`);
      await deps.sleep(wait!);
    }
  }
}

export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown error';
}

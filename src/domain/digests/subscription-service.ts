import type { Clock } from '../ports/clock.port';
import type { DigestDeliveryRepository, DeliveryRecord } from '../ports/digest-deliveries.port';
import type { DigestSubscriptionRepository } from '../ports/digest-subscriptions.port';
import type { ReportOrigin } from '../report';
import type { ChatScope } from '../scope';
import { nextOccurrence, type DigestLocale, type DigestSchedule, type Subscription } from './subscription';

export interface SubscriptionView {
  subscription: Subscription;
  next: Date;
  lastDelivery: DeliveryRecord | null;
}

/** Subscribing a conversation to the scheduled lägesbild, looking at it, and stopping it. */
export class SubscriptionService {
  constructor(
    private readonly subscriptions: DigestSubscriptionRepository,
    private readonly deliveries: DigestDeliveryRepository,
    private readonly clock: Clock,
    readonly zone: string,
  ) {}

  /** Subscribing again changes the time and resumes a paused subscription. */
  async subscribe(origin: ReportOrigin, userId: string, schedule: DigestSchedule, locale: DigestLocale): Promise<SubscriptionView> {
    const now = this.clock.now();
    const known = await this.subscriptions.get(origin);
    await this.subscriptions.save({
      ...schedule, conversationId: origin.conversationId, tenantId: origin.tenantId, locale, status: 'active', pausedReason: null,
      createdBy: userId, createdAt: known?.createdAt ?? now, updatedAt: now,
    });
    return (await this.current(origin))!;
  }

  async current(scope: ChatScope): Promise<SubscriptionView | null> {
    const subscription = await this.subscriptions.get(scope);
    if (!subscription) return null;
    const [lastDelivery] = await this.deliveries.list(scope.conversationId, 1);
    return { subscription, next: nextOccurrence(subscription, this.clock.now(), this.zone), lastDelivery: lastDelivery ?? null };
  }

  unsubscribe(scope: ChatScope): Promise<boolean> {
    return this.subscriptions.remove(scope);
  }
}

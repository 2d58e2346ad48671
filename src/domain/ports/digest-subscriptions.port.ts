import type { Subscription } from '../digests/subscription';
import type { ChatScope } from '../scope';

export interface DigestSubscriptionRepository {
  /** One subscription per conversation: saving again replaces it. */
  save(subscription: Subscription): Promise<void>;
  get(scope: ChatScope): Promise<Subscription | null>;
  /** True when there was one to remove. */
  remove(scope: ChatScope): Promise<boolean>;
  /** All tenants' active subscriptions: for the digest scheduler. */
  listActive(): Promise<Subscription[]>;
  /** Stops scheduled posts (e.g. the bot was removed) and records why. */
  pause(scope: ChatScope, reason: string, at: Date): Promise<void>;
}

import type { Subscription } from '../digests/subscription';

export interface DigestSubscriptionRepository {
  /** One subscription per conversation: saving again replaces it. */
  save(subscription: Subscription): Promise<void>;
  get(conversationId: string): Promise<Subscription | null>;
  /** True when there was one to remove. */
  remove(conversationId: string): Promise<boolean>;
  listActive(): Promise<Subscription[]>;
  /** Stops scheduled posts (e.g. the bot was removed) and records why. */
  pause(conversationId: string, reason: string, at: Date): Promise<void>;
}

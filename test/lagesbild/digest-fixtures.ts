import { LagesbildService } from '../../src/domain/lagesbild/lagesbild-service';
import { Pacer } from '../../src/domain/digests/pacer';
import { JobLeases } from '../../src/domain/jobs/job-leases';
import { ScheduledDigests } from '../../src/domain/digests/scheduled-digests';
import type { Subscription } from '../../src/domain/digests/subscription';
import type { Clock } from '../../src/domain/ports/clock.port';
import type { DigestPoster, PostOutcome } from '../../src/domain/ports/digest-poster.port';
import type { Store } from '../../src/domain/ports/store.port';
import { STOCKHOLM } from '../../src/domain/periods';
import { conversationRecord } from '../store/store-fixtures';

export const CONVERSATION = '19:abc@thread.tacv2';
/** The subscribed conversation as a scope: of tenant-1, the tenant of `subscription()` and `conversationRecord()`. */
export const CHAT = { tenantId: 'tenant-1', conversationId: CONVERSATION } as const;

export class StepClock implements Clock {
  constructor(public current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
}

export function subscription(over: Partial<Subscription> = {}): Subscription {
  return {
    conversationId: CONVERSATION, tenantId: 'tenant-1', cadence: 'weekly', weekday: 1, time: '07:30', locale: 'sv',
    status: 'active', pausedReason: null, createdBy: 'aad-user-1', createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-01T00:00:00Z'), ...over,
  };
}

/** Answers each post with the next outcome of the script (then 'ok'), and records the posts. */
export class ScriptedPoster implements DigestPoster {
  readonly posts: { conversationId: string; periodKey: string; locale: string }[] = [];
  constructor(private readonly script: PostOutcome[] = []) {}
  async post(conversation: { conversationId: string }, digest: { period: { firstDay: string; lastDay: string } }, locale: string): Promise<PostOutcome> {
    this.posts.push({ conversationId: conversation.conversationId, periodKey: `${digest.period.firstDay}..${digest.period.lastDay}`, locale });
    return this.script.shift() ?? { ok: true };
  }
}

export interface DigestRig {
  digests: ScheduledDigests;
  waits: number[];
}

/** A ScheduledDigests over a store, with waits recorded instead of slept and a fixed "random". */
export function digestRig(store: Store, clock: Clock, poster: DigestPoster, instanceId = 'instance-a', catchUpHours = 12, atOnce?: number): DigestRig {
  const waits: number[] = [];
  const sleep = async (ms: number) => { waits.push(ms); };
  const digests = new ScheduledDigests({
    subscriptions: store.digestSubscriptions, deliveries: store.digestDeliveries, conversations: store.conversations,
    lagesbild: new LagesbildService(store.lagesbild, clock), poster, pacer: new Pacer(0, clock, sleep), clock, sleep,
    random: () => 0.5, log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    leases: new JobLeases(store.jobLeases, instanceId, 60_000, () => clock.now()),
    catchUpMs: catchUpHours * 3_600_000, zone: STOCKHOLM, atOnce,
  });
  return { digests, waits };
}

export async function subscribedStore(store: Store, over: Partial<Subscription> = {}): Promise<Store> {
  await store.conversations.save(conversationRecord({ conversationId: CONVERSATION }));
  await store.digestSubscriptions.save(subscription(over));
  return store;
}

import { FakeBotConnector, type ReceivedActivity } from '../../test/fakes/fake-bot-connector';

/** Teams' documented limits for a bot's posts (per bot per conversation, and per app and tenant). */
export const TEAMS_LIMITS = {
  perConversation: [{ count: 7, windowMs: 1_000 }, { count: 8, windowMs: 2_000 }, { count: 60, windowMs: 30_000 }],
  perTenant: [{ count: 30, windowMs: 1_000 }],
};

/**
 * The fake Bot Connector with Teams' throttling: a post over any limit is answered 429 with
 * Retry-After, as Teams does, and is not delivered. Counts what was delivered per conversation.
 */
export class TeamsLimitedConnector extends FakeBotConnector {
  readonly delivered = new Map<string, number>();
  throttled = 0;
  private readonly accepted = new Map<string, number[]>();

  constructor(private readonly now: () => number = () => Date.now()) {
    super();
    this.responder = (req) => this.answer(req);
  }

  private answer(req: ReceivedActivity): { status: number; headers?: Record<string, string>; body?: unknown } {
    const at = this.now();
    const tenant = String(req.body.conversation?.tenantId ?? req.body.channelData?.tenant?.id ?? 'app');
    const keys: [string, typeof TEAMS_LIMITS.perTenant][] = [[`c:${req.conversationId}`, TEAMS_LIMITS.perConversation], [`t:${tenant}`, TEAMS_LIMITS.perTenant]];
    for (const [key, limits] of keys) {
      const times = this.accepted.get(key) ?? [];
      for (const limit of limits) {
        const inWindow = times.filter((t) => t > at - limit.windowMs);
        if (inWindow.length >= limit.count) {
          this.throttled++;
          const retryMs = inWindow[inWindow.length - limit.count]! + limit.windowMs - at;
          return { status: 429, headers: { 'retry-after': String(Math.max(1, Math.ceil(retryMs / 1000))) }, body: { error: { code: 'Throttled' } } };
        }
      }
    }
    for (const [key] of keys) this.accepted.set(key, [...(this.accepted.get(key) ?? []).filter((t) => t > at - 30_000), at]);
    if (req.method === 'POST') this.delivered.set(req.conversationId, (this.delivered.get(req.conversationId) ?? 0) + 1);
    return { status: 201, body: { id: `activity-${this.received.length}` } };
  }
}

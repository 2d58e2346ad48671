import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { ConversationRecord } from '../domain/conversation';
import type { ConversationMembers } from '../domain/ports/conversation-members.port';
import type { Logger } from '../logging/logger';
import { authorization, type ConnectorWithCredentials } from './connector-digest-poster';
import { serviceUrlAllowedForPosting, type ServiceUrlRule } from './service-url-guard';

export interface ConversationRosterOptions {
  /** The adapter is made after the routes; it is needed only when the roster is asked. */
  adapter: () => CloudAdapter;
  appId: string;
  serviceUrls: ServiceUrlRule;
  log: Logger;
  /** How long an answer is kept; default five minutes (a removed member loses the tab within it). */
  ttlMs?: number;
  now?: () => number;
}

/**
 * Membership from the Teams roster: GET {serviceUrl}/v3/conversations/{team or chat}/members/{objectId}
 * with the bot's credentials. The roster is asked rather than the bot's own records because those only
 * know who has spoken to the bot, not who may read the channel (a member who never reported is one; a
 * person who left the team no longer is). A channel is asked by its team, whose members read its
 * standard channels. Anything but a 200 is "not a member": the tab fails closed.
 */
export class ConversationRoster implements ConversationMembers {
  private readonly answers = new Map<string, { until: number; member: Promise<boolean> }>();

  constructor(private readonly o: ConversationRosterOptions) {}

  isMember(conversation: ConversationRecord, userObjectId: string): Promise<boolean> {
    const now = (this.o.now ?? Date.now)();
    const key = `${conversation.tenantId}|${conversation.conversationId}|${userObjectId}`.toLowerCase();
    const kept = this.answers.get(key);
    if (kept && kept.until > now) return kept.member;
    const asked = this.ask(conversation, userObjectId);
    // A failed lookup is not kept: the next request asks again rather than shutting a member out for minutes.
    const member = asked.then(({ member: yes, definite }) => {
      if (!definite) this.answers.delete(key);
      return yes;
    });
    this.answers.set(key, { until: now + (this.o.ttlMs ?? 300_000), member });
    if (this.answers.size > 10_000) this.answers.delete(this.answers.keys().next().value!);
    return member;
  }

  private async ask(conversation: ConversationRecord, userObjectId: string): Promise<{ member: boolean; definite: boolean }> {
    const { activityId: _replyTo, ...reference } = conversation.reference as ConversationReference;
    const serviceUrl = (reference.serviceUrl ?? conversation.serviceUrl).replace(/\/+$/, '');
    if (!serviceUrlAllowedForPosting(serviceUrl, this.o.serviceUrls)) return { member: false, definite: true };
    const rosterId = conversation.teamId ?? conversation.conversationId;
    let status = 0;
    try {
      await this.o.adapter().continueConversationAsync(this.o.appId, reference as ConversationReference, async (context) => {
        const auth = await authorization(context.turnState.get<ConnectorWithCredentials>(context.adapter.ConnectorClientKey));
        const res = await fetch(`${serviceUrl}/v3/conversations/${encodeURIComponent(rosterId)}/members/${encodeURIComponent(userObjectId)}`, {
          headers: auth ? { authorization: auth } : {}, signal: AbortSignal.timeout(10_000),
        });
        await res.arrayBuffer().catch(() => undefined);
        status = res.status;
      });
    } catch {
      status = 0;
    }
    const definite = status === 200 || status === 404;
    if (!definite) this.o.log.warn({ status }, 'tab: roster lookup failed');
    return { member: status === 200, definite };
  }
}

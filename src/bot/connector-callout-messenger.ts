import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { AdaptiveCard } from '../cards/card-schema';
import { calloutView } from '../cards/mobilisation-cards';
import type { CardCopies } from '../domain/ports/card-messages.port';
import type { Callout, Recipient } from '../domain/mobilisation/callout';
import type { CalloutMessenger, CalloutRepository, DeliveryOutcome } from '../domain/ports/mobilisation.port';
import type { ConversationRepository } from '../domain/ports/store.port';
import { format, messages, SWEDISH_BY_DEFAULT, tenantLocale, type DefaultLocales } from '../i18n/messages';
import type { Logger } from '../logging/logger';
import { authorization, openPersonalChat, postProactively, type ConnectorWithCredentials } from './connector-digest-poster';
import { serviceUrlAllowedForPosting, type ServiceUrlRule } from './service-url-guard';

export interface ConnectorCalloutMessengerOptions {
  adapter: () => CloudAdapter;
  appId: string;
  serviceUrls: ServiceUrlRule;
  conversations: Pick<ConversationRepository, 'get'>;
  callouts: Pick<CalloutRepository, 'get'>;
  now: () => Date;
  log: Logger;
  escalateMinutes: number;
  locales?: DefaultLocales;
  timeoutMs?: number;
}

/**
 * A call-out's personal copies and the word to the caller, through the Bot Connector: a 1:1 chat with
 * each recipient is created (POST /v3/conversations; Teams answers the existing one) and the card is
 * posted in it. A 403/404 (the user removed the bot, or is unknown) is an answer, not a failure: the
 * recipient is marked unreachable and the others are still called. Logs carry statuses, never names.
 */
export class ConnectorCalloutMessenger implements CalloutMessenger, CardCopies {
  constructor(private readonly o: ConnectorCalloutMessengerOptions) {}

  async sendPersonal(callout: Callout, recipient: Recipient): Promise<DeliveryOutcome> {
    const conversation = await this.o.conversations.get(callout);
    if (!conversation) return { ok: false, status: 404 };
    const { activityId: _replyTo, ...reference } = conversation.reference as ConversationReference;
    if (!serviceUrlAllowedForPosting(reference.serviceUrl ?? '', this.o.serviceUrls)) return { ok: false, status: 403 };
    const card = calloutView(tenantLocale(this.o.locales ?? SWEDISH_BY_DEFAULT, callout.tenantId), callout, this.o.now());
    let outcome: DeliveryOutcome = { ok: false, status: 0 };
    try {
      await this.o.adapter().continueConversationAsync(this.o.appId, reference as ConversationReference, async (context) => {
        const auth = await authorization(context.turnState.get<ConnectorWithCredentials>(context.adapter.ConnectorClientKey));
        outcome = await this.postPersonal(reference as ConversationReference, auth, callout.tenantId, recipient, card);
      });
    } catch {
      return { ok: false, status: 0 };
    }
    if (!outcome.ok) this.o.log.warn({ status: outcome.status }, 'call-out: a recipient could not be reached');
    return outcome;
  }

  async tellEscalated(callout: Callout, called: Recipient[]): Promise<void> {
    const conversation = await this.o.conversations.get(callout);
    if (!conversation) return;
    const k = messages(tenantLocale(this.o.locales ?? SWEDISH_BY_DEFAULT, callout.tenantId)).mobilisation;
    const reached = called.filter((r) => r.delivery === 'sent');
    // Those whose copy failed for a passing reason: the scheduled job tries again, so they are not "unreachable" yet.
    const pending = called.filter((r) => r.delivery === 'pending');
    const names = (list: Recipient[]) => list.map((r) => r.name).join(', ');
    const told = reached.length > 0 || pending.length > 0
      ? format(k.escalatedNotice, { minutes: this.o.escalateMinutes, school: callout.schoolName, names: names([...reached, ...pending]), caller: callout.caller.name })
      : format(k.escalatedNobodyReached, { minutes: this.o.escalateMinutes, school: callout.schoolName, caller: callout.caller.name });
    const text = pending.length > 0 ? `${told} ${format(k.escalatedStillTrying, { names: names(pending) })}` : told;
    const outcome = await postProactively({ adapter: this.o.adapter(), appId: this.o.appId, serviceUrls: this.o.serviceUrls }, conversation, { text });
    if (!outcome.ok) this.o.log.warn({ status: outcome.status }, 'call-out: the escalation could not be told in the conversation');
  }

  /** The personal copies posted so far: updated with the channel card. */
  async copiesOf(scope: { tenantId: string; conversationId: string }, item: { kind: string; id: string }): Promise<{ threadId: string; activityId: string }[]> {
    if (item.kind !== 'mobilisation') return [];
    const callout = await this.o.callouts.get(scope, item.id);
    return (callout?.recipients ?? []).flatMap((r) => (r.delivery === 'sent' && r.threadId && r.activityId ? [{ threadId: r.threadId, activityId: r.activityId }] : []));
  }

  private async postPersonal(reference: ConversationReference, auth: string | null, tenantId: string, recipient: Recipient, card: AdaptiveCard): Promise<DeliveryOutcome> {
    const base = (reference.serviceUrl ?? '').replace(/\/+$/, '');
    const headers = { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) };
    const signal = () => AbortSignal.timeout(this.o.timeoutMs ?? 15_000);
    try {
      const chat = await openPersonalChat(reference, auth, tenantId, recipient.chatUserId ?? recipient.userId, this.o.timeoutMs);
      if (!chat.ok) return chat;
      const posted = await fetch(`${base}/v3/conversations/${encodeURIComponent(chat.id)}/activities`, {
        method: 'POST', headers, signal: signal(),
        body: JSON.stringify({ type: 'message', from: reference.bot, conversation: { id: chat.id }, attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }),
      });
      const message = (await posted.json().catch(() => ({}))) as { id?: unknown };
      if (!posted.ok || typeof message.id !== 'string') return { ok: false, status: posted.ok ? 0 : posted.status };
      return { ok: true, threadId: chat.id, activityId: message.id };
    } catch {
      return { ok: false, status: 0 };
    }
  }
}

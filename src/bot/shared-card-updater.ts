import { TurnContext, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { AdaptiveCard } from '../cards/card-schema';
import type { AnswerCounter } from './answer-budget';
import { authorization, retryAfterMs, type ConnectorWithCredentials } from './connector-digest-poster';
import { serviceUrlAllowedForPosting, type ServiceUrlRule } from './service-url-guard';
import { conversationKey, tenantOf } from './turn-context-reader';
import { DIGEST_POST_INTERVAL_MS, Pacer } from '../domain/digests/pacer';
import { classify, DEFAULT_RETRY_POLICY, retryDelay, type RetryPolicy } from '../domain/digests/retry-policy';
import type { CardCopies, CardMessage, CardMessageRepository, ChangeListener, SharedItem, Shares } from '../domain/ports/card-messages.port';
import { systemClock } from '../domain/ports/clock.port';
import type { PostOutcome, Sleep } from '../domain/ports/digest-poster.port';
import type { ConversationRepository } from '../domain/ports/store.port';
import type { ChatScope } from '../domain/scope';
import { SWEDISH_BY_DEFAULT, tenantLocale, type DefaultLocales, type Locale } from '../i18n/messages';
import type { Logger } from '../logging/logger';
import { ContextKey, contextValue, runWith } from '../logging/request-context';


export interface SharedCardUpdaterOptions {
  adapter: () => CloudAdapter;
  /** The bot's app id; '' in local mode. */
  appId: string;
  serviceUrls: ServiceUrlRule;
  conversations: Pick<ConversationRepository, 'get'>;
  cardMessages: CardMessageRepository;
  /** Copies of an item's card in other conversations (a call-out's personal copies), updated with it. */
  copies?: CardCopies;
  /** The card everyone may see of the item as it now is, or null when it is gone. */
  render(scope: ChatScope, item: SharedItem, locale: Locale): Promise<AdaptiveCard | null>;
  log: Logger;
  now: () => Date;
  /** DEFAULT_LOCALE: the language of an update no user's turn asked for (a scheduled change). */
  locales?: DefaultLocales;
  policy?: RetryPolicy;
  sleep?: Sleep;
  random?: () => number;
  intervalMs?: number;
  timeoutMs?: number;
  /** The tenant's shared posting budget: each PUT is counted as an answer, so digests leave it room (issue 14). */
  answers?: AnswerCounter;
}

/** `created`: the change made the item; no message shows it yet, so none is looked up (issue 14: one query less a submit). */
type Change = { scope: ChatScope; item: SharedItem; created?: boolean };
interface Turn { changes: Change[] }

/** The changes of the turn running now, carried in the request's context (one AsyncLocalStorage for all, issue 14). */
const TURN = new ContextKey<Turn>('shared card turn');

/**
 * Keeps the card of a report or hot spot the same for everyone in its conversation (issue 10).
 *
 * - A card press that changed an item updates the pressed message (the invoke's replyToId) with the
 *   item's shared card before the invoke is answered, and remembers that message as the item's card.
 * - Any other change (a command, another card, a reminder) updates the item's remembered message
 *   proactively, after the turn.
 * - An automatic refresh (trigger 'automatic') updates nothing: Teams would refresh again, forever.
 * - A refused change wrote nothing, so it is never told here and nothing is updated.
 * - An item with copies in other conversations (a call-out's personal copies, `copies`) has each copy
 *   updated with the same card after the turn.
 *
 * Updates are paced and retried like the digests (429 after its Retry-After, 412/502/504 with backoff),
 * one at a time, and only to service URLs the bot may post to.
 */
export class SharedCardUpdater implements ChangeListener {
  private readonly pacer: Pacer;
  private readonly policy: RetryPolicy;
  private readonly sleep: Sleep;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly o: SharedCardUpdaterOptions) {
    this.policy = o.policy ?? DEFAULT_RETRY_POLICY;
    // Unref'd: a retry waiting for its Retry-After never keeps a stopping bot alive.
    this.sleep = o.sleep ?? ((ms) => new Promise((resolve) => { setTimeout(resolve, ms).unref(); }));
    this.pacer = new Pacer(o.intervalMs ?? DIGEST_POST_INTERVAL_MS, systemClock, this.sleep);
  }

  changed(scope: ChatScope, item: SharedItem, created = false): void {
    const change: Change = created ? { scope, item, created } : { scope, item };
    const turn = contextValue(TURN);
    if (turn) turn.changes.push(change);
    else this.later(change, tenantLocale(this.o.locales ?? SWEDISH_BY_DEFAULT, scope.tenantId));
  }

  /** A typed message: what it changed is refreshed in its remembered messages once it is answered. */
  async message<T>(locale: Locale, run: () => Promise<T>): Promise<T> {
    const turn: Turn = { changes: [] };
    const result = await runWith(TURN, turn, run);
    for (const change of distinct(turn.changes)) this.later(change, locale);
    return result;
  }

  /** A card press, answered with `run`'s card; see the class comment for what is updated. */
  async invoke(context: TurnContext, o: { automatic: boolean; shares: Shares | undefined; locale: Locale }, run: () => Promise<AdaptiveCard>): Promise<AdaptiveCard> {
    const turn: Turn = { changes: [] };
    const answer = await runWith(TURN, turn, run);
    // Never while answering an automatic refresh: the update would make Teams refresh again.
    if (o.automatic) return answer;
    const activity = context.activity;
    const origin: ChatScope = { tenantId: tenantOf(activity), conversationId: conversationKey(activity) };
    const changes = distinct(turn.changes);
    const replyToId = activity.replyToId;
    const shown = o.shares && replyToId
      ? changes.find((c) => kindOf(c.item) === o.shares && c.scope.tenantId === origin.tenantId && c.scope.conversationId === origin.conversationId)
      : undefined;
    if (shown && replyToId) {
      try {
        const previous = shown.created ? null : await this.o.cardMessages.find(shown.scope, shown.item);
        // Gone (an undone quick report): everyone sees what the presser sees.
        const card = (await this.o.render(shown.scope, shown.item, o.locale)) ?? answer;
        await this.o.cardMessages.remember(shown.scope, shown.item, { threadId: activity.conversation.id, activityId: replyToId, updatedAt: this.o.now() });
        const reference = TurnContext.getConversationReference(activity) as ConversationReference;
        await this.updateNow(context, reference, replyToId, card);
        // The message that showed it before (e.g. a typed quick report's card) shows the change too.
        if (previous && previous.activityId !== replyToId) this.later(shown, o.locale, previous);
        this.copiesLater(shown, card);
      } catch (error) {
        this.o.log.warn({ err: nameOf(error) }, 'shared card not updated');
      }
    }
    for (const change of changes) if (change !== shown) this.later(change, o.locale);
    return answer;
  }

  /** A reply posted with an item's card (a typed quick report): later changes update that message. */
  async posted(scope: ChatScope, item: SharedItem, message: { threadId: string; activityId: string }): Promise<void> {
    await this.o.cardMessages.remember(scope, item, { ...message, updatedAt: this.o.now() }).catch((error: unknown) => {
      this.o.log.warn({ err: nameOf(error) }, 'shared card message not remembered');
    });
  }

  /** Resolves once every queued update was tried (tests; a graceful stop). */
  idle(): Promise<void> {
    return this.queue;
  }

  /** The first attempt within the turn; a retryable failure is tried again after it, in the queue. */
  private async updateNow(context: TurnContext, reference: ConversationReference, activityId: string, card: AdaptiveCard): Promise<void> {
    if (!serviceUrlAllowedForPosting(reference.serviceUrl ?? '', this.o.serviceUrls)) return;
    await this.pacer.wait();
    const connector = context.turnState.get<ConnectorWithCredentials>(context.adapter.ConnectorClientKey);
    const outcome = await this.put(reference, await authorization(connector), activityId, card);
    if (classify(outcome, 1, this.policy) !== 'retry') return this.report(outcome, 1);
    this.enqueue(async () => {
      await this.sleep(retryDelay(outcome, 1, this.policy, this.o.random ?? Math.random));
      await this.attempts(reference, activityId, card, 2);
    });
  }

  /** Updates the item's remembered message (or `at`, a message that showed it before) after the turn, and its copies. */
  private later(change: Change, locale: Locale, at?: CardMessage): void {
    // A new item has neither a message nor copies to update (its first card is the turn's own answer).
    if (change.created && !at) return;
    this.enqueue(async () => {
      const message = at ?? await this.o.cardMessages.find(change.scope, change.item);
      const copies = at ? [] : await this.copiesOf(change);
      if (!message && copies.length === 0) return;
      const card = await this.o.render(change.scope, change.item, locale);
      if (!card) return;
      for (const m of message ? [message, ...copies] : copies) await this.updateIn(change.scope, m, card);
    });
  }

  /** The item's copies in other conversations, after the turn (the pressed message was updated in it). */
  private copiesLater(change: Change, card: AdaptiveCard): void {
    this.enqueue(async () => {
      for (const copy of await this.copiesOf(change)) await this.updateIn(change.scope, copy, card);
    });
  }

  private async copiesOf(change: Change): Promise<{ threadId: string; activityId: string }[]> {
    return (await this.o.copies?.copiesOf(change.scope, change.item)) ?? [];
  }

  /** One message of the item's tenant (a channel thread, a personal chat), reached through its conversation's stored reference. */
  private async updateIn(scope: ChatScope, message: { threadId: string; activityId: string }, card: AdaptiveCard): Promise<void> {
    const conversation = await this.o.conversations.get(scope);
    if (!conversation) return;
    const { activityId: _replyTo, ...stored } = conversation.reference as ConversationReference;
    const reference = { ...stored, conversation: { ...stored.conversation, id: message.threadId } } as ConversationReference;
    await this.attempts(reference, message.activityId, card, 1);
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => {
      this.o.log.warn({ err: nameOf(error) }, 'shared card not updated');
    });
  }

  /** Proactive attempts from `first` on, until updated, gone, or out of attempts. */
  private async attempts(reference: ConversationReference, activityId: string, card: AdaptiveCard, first: number): Promise<void> {
    if (!serviceUrlAllowedForPosting(reference.serviceUrl ?? '', this.o.serviceUrls)) return;
    for (let attempt = first; ; attempt += 1) {
      await this.pacer.wait();
      const outcome = await this.proactive(reference, activityId, card);
      if (classify(outcome, attempt, this.policy) !== 'retry') return this.report(outcome, attempt);
      await this.sleep(retryDelay(outcome, attempt, this.policy, this.o.random ?? Math.random));
    }
  }

  private async proactive(reference: ConversationReference, activityId: string, card: AdaptiveCard): Promise<PostOutcome> {
    let outcome: PostOutcome = { ok: false, status: 0, retryAfterMs: null };
    try {
      await this.o.adapter().continueConversationAsync(this.o.appId, reference, async (context) => {
        const connector = context.turnState.get<ConnectorWithCredentials>(context.adapter.ConnectorClientKey);
        outcome = await this.put(reference, await authorization(connector), activityId, card);
      });
    } catch {
      return { ok: false, status: 0, retryAfterMs: null };
    }
    return outcome;
  }

  /** One PUT of the message, as updateActivity sends it; the connector's answer as an outcome. */
  private async put(reference: ConversationReference, auth: string | null, activityId: string, card: AdaptiveCard): Promise<PostOutcome> {
    const base = (reference.serviceUrl ?? '').replace(/\/+$/, '');
    const url = `${base}/v3/conversations/${encodeURIComponent(reference.conversation.id)}/activities/${encodeURIComponent(activityId)}`;
    const activity = {
      type: 'message', id: activityId, from: reference.bot, conversation: reference.conversation,
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    };
    // Counted beside the PUT, never before it: a card update is not held for the budget.
    this.o.answers?.countAnswer(reference.conversation.tenantId ?? '').catch((error: unknown) => {
      this.o.log.warn({ err: nameOf(error) }, 'card update not counted in the posting budget');
    });
    try {
      const res = await fetch(url, {
        method: 'PUT', headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
        body: JSON.stringify(activity), signal: AbortSignal.timeout(this.o.timeoutMs ?? 15_000),
      });
      await res.arrayBuffer().catch(() => undefined);
      return res.ok ? { ok: true } : { ok: false, status: res.status, retryAfterMs: retryAfterMs(res.headers.get('retry-after')) };
    } catch {
      return { ok: false, status: 0, retryAfterMs: null };
    }
  }

  private report(outcome: PostOutcome, attempts: number): void {
    if (!outcome.ok) this.o.log.warn({ status: outcome.status, attempts }, 'shared card not updated');
  }
}

const kindOf = (item: SharedItem): Shares => (item.kind === 'hotspot' || item.kind === 'mobilisation' ? item.kind : 'report');

function distinct(changes: Change[]): Change[] {
  const seen = new Set<string>();
  return changes.filter((c) => {
    const key = `${c.scope.tenantId}\n${c.scope.conversationId}\n${c.item.kind}\n${c.item.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown error';
}

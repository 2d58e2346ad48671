import {
  CardFactory, MessageFactory, TeamsActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue,
  type ChannelAccount, type TurnContext,
  type AppBasedLinkQuery, type MessagingExtensionAction, type MessagingExtensionActionResponse, type MessagingExtensionQuery, type MessagingExtensionResponse,
} from 'botbuilder';
import { notice } from '../cards/report-cards';
import { messages, SWEDISH_BY_DEFAULT, type DefaultLocales } from '../i18n/messages';
import { textReply, type ChatContext, type Reply } from '../conversation/chat-context';
import type { InstallHandler } from '../conversation/install-handler';
import type { Dispatcher } from '../conversation/registry/dispatcher';
import type { MemberDirectory } from './member-directory';
import type { SharedCardUpdater } from './shared-card-updater';
import type { AdaptiveCard } from '../cards/card-schema';
import type { MessageExtension } from './message-extension';
import type { Clock } from '../domain/ports/clock.port';
import type { Logger } from '../logging/logger';
import { chatContextOf, conversationRecordOf, messageFileOf, messageText, referenceTrustOf } from './turn-context-reader';

export interface BotHandlers {
  dispatcher: Dispatcher;
  installs: InstallHandler;
  /** Set when ORGANISATION_DOMAINS is: the user's address confirms their organisation. */
  directory?: MemberDirectory;
  /** Keeps each report's and hot spot's posted card the same for everyone (issue 10). */
  sharedCards?: SharedCardUpdater;
  /** The message extension (message actions, search, report links): see message-extension.ts. */
  extension?: MessageExtension;
  /** DEFAULT_LOCALE: the language of a message whose client names none (Swedish unless configured). */
  locales?: DefaultLocales;
}

/** The Teams edge: translates activities to conversation calls and replies back. No business rules here. */
export class TrygghetsbotenBot extends TeamsActivityHandler {
  constructor(private readonly app: BotHandlers, private readonly clock: Clock, private readonly log: Logger) {
    super();
    this.onMessage(async (context, next) => {
      await this.onUserMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.onAdded(context, context.activity.membersAdded ?? []);
      await next();
    });
  }

  private async onUserMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const ctx = this.contextOf(context);
    // Card submits from clients without Universal Actions arrive as messages with a value: nothing is
    // done with them, but the user is told why, in their language (never silence).
    if (!activity.text && activity.value) {
      this.log.info({}, 'legacy card submit answered with an update hint');
      await this.send(context, [textReply(messages(ctx.locale).notice.legacySubmit)]);
      return;
    }
    await this.app.installs.remember(conversationRecordOf(activity, this.clock.now()), referenceTrustOf(context)).catch((error: unknown) => {
      this.log.warn({ err: errorName(error) }, 'could not refresh conversation reference');
    });
    const file = messageFileOf(activity) ?? undefined;
    await this.send(context, await this.sharedAfterMessage(ctx, () => this.app.dispatcher.command(ctx, messageText(context), file)));
  }

  /**
   * Sends the replies in order. A reply that could not be delivered after something was saved (it names
   * what to post instead: "saved as H-…") is logged and replaced by that short text, tried once; the turn
   * then ends normally, so the user is never told to try again (which would save twice). Any other failed
   * reply fails the turn as before.
   */
  private async send(context: TurnContext, replies: Reply[]): Promise<void> {
    for (const reply of replies) {
      try {
        const sent = await context.sendActivity(reply.kind === 'card' ? MessageFactory.attachment(CardFactory.adaptiveCard(reply.card)) : MessageFactory.text(reply.text));
        if (reply.shows && sent?.id && this.app.sharedCards) {
          await this.app.sharedCards.posted(reply.shows.scope, reply.shows.item, { threadId: context.activity.conversation.id, activityId: sent.id });
        }
      } catch (error) {
        if (reply.ifUndelivered === undefined) throw error;
        this.log.error({ err: errorName(error), status: statusOf(error) }, 'reply not delivered after saving; posting the saved number instead');
        await context.sendActivity(MessageFactory.text(reply.ifUndelivered)).catch((again: unknown) => {
          this.log.error({ err: errorName(again), status: statusOf(again) }, 'saved-report notice not delivered either');
        });
      }
    }
  }

  private contextOf(context: TurnContext): ChatContext {
    const directory = this.app.directory;
    const locales = this.app.locales ?? SWEDISH_BY_DEFAULT;
    if (!directory) return chatContextOf(context.activity, undefined, locales);
    return chatContextOf(context.activity, async () => {
      const addresses = await directory.addressesOf(context);
      return addresses?.email ?? addresses?.userPrincipalName ?? null;
    }, locales);
  }

  private async onAdded(context: TurnContext, members: ChannelAccount[]): Promise<void> {
    const botId = context.activity.recipient?.id;
    if (!members.some((m) => m.id === botId)) return;
    const activity = context.activity;
    this.log.info({ conversationType: activity.conversation?.conversationType }, 'bot installed in conversation');
    await this.send(context, await this.app.installs.installed(chatContextOf(activity, undefined, this.app.locales), conversationRecordOf(activity, this.clock.now()), referenceTrustOf(context)));
  }

  // The message extension; without one (never in the running bot) the SDK's "not implemented" stands.
  protected override async handleTeamsMessagingExtensionFetchTask(context: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    return this.app.extension ? this.app.extension.fetchTask(this.contextOf(context), action) : super.handleTeamsMessagingExtensionFetchTask(context, action);
  }

  protected override async handleTeamsMessagingExtensionSubmitAction(context: TurnContext, action: MessagingExtensionAction): Promise<MessagingExtensionActionResponse> {
    return this.app.extension ? this.app.extension.submitAction(context, this.contextOf(context), action) : super.handleTeamsMessagingExtensionSubmitAction(context, action);
  }

  protected override async handleTeamsMessagingExtensionQuery(context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    return this.app.extension ? this.app.extension.query(this.contextOf(context), query) : super.handleTeamsMessagingExtensionQuery(context, query);
  }

  protected override async handleTeamsAppBasedLinkQuery(context: TurnContext, query: AppBasedLinkQuery): Promise<MessagingExtensionResponse> {
    return this.app.extension ? this.app.extension.queryLink(this.contextOf(context), query) : super.handleTeamsAppBasedLinkQuery(context, query);
  }

  /** A typed message's changes refresh the shared cards of what it changed (src/bot/shared-card-updater.ts). */
  private sharedAfterMessage<T>(ctx: ChatContext, run: () => Promise<T>): Promise<T> {
    return this.app.sharedCards ? this.app.sharedCards.message(ctx.locale, run) : run();
  }

  /** A press that changed an item updates the pressed message for everyone, except on an automatic refresh. */
  private sharedAfterInvoke(context: TurnContext, ctx: ChatContext, verb: string, run: () => Promise<AdaptiveCard>): Promise<AdaptiveCard> {
    if (!this.app.sharedCards) return run();
    // Read from the activity: the SDK's invoke value leaves `trigger` out.
    const automatic = (context.activity.value as { trigger?: unknown } | undefined)?.trigger === 'automatic';
    return this.app.sharedCards.invoke(context, { automatic, shares: this.app.dispatcher.sharesOf(verb), locale: ctx.locale }, run);
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invoke: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const data = (invoke.action?.data ?? {}) as Record<string, unknown>;
    const verb = invoke.action?.verb ?? '';
    // The verb comes from the client: logged only when it has the shape of one of ours.
    const loggedVerb = /^[A-Za-z]{1,40}$/.test(verb) ? verb : 'malformed';
    this.log.info({ verb: loggedVerb }, 'card action');
    const ctx = this.contextOf(context);
    // A failure of ours still answers with a card: the pressed card stays usable and nothing leaks.
    const card = await this.sharedAfterInvoke(context, ctx, verb, () => this.app.dispatcher.verb(ctx, verb, data).catch((error: unknown) => {
      this.log.error({ verb: loggedVerb, err: errorName(error) }, 'card action failed');
      return notice(messages(ctx.locale).notice.unexpected, { tone: 'attention' });
    }));
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as never };
  }
}

/** The HTTP status the Bot Connector answered a failed send with, if any. */
function statusOf(error: unknown): number | undefined {
  const status = typeof error === 'object' && error !== null ? (error as { statusCode?: unknown }).statusCode : undefined;
  return typeof status === 'number' ? status : undefined;
}

/** Error name and code only: messages can quote the data that caused them. */
export function errorName(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.name} (${code})` : error.name;
}

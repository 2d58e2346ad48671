import {
  CardFactory, MessageFactory, TeamsActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue,
  type ChannelAccount, type TurnContext,
} from 'botbuilder';
import { notice } from '../cards/report-cards';
import { messages } from '../i18n/messages';
import type { ChatContext, Reply } from '../conversation/chat-context';
import type { InstallHandler } from '../conversation/install-handler';
import type { Dispatcher } from '../conversation/registry/dispatcher';
import type { MemberDirectory } from './member-directory';
import type { Clock } from '../domain/ports/clock.port';
import type { Logger } from '../logging/logger';
import { chatContextOf, conversationRecordOf, messageText, referenceTrustOf } from './turn-context-reader';

export interface BotHandlers {
  dispatcher: Dispatcher;
  installs: InstallHandler;
  /** Set when ORGANISATION_DOMAINS is: the user's address confirms their organisation. */
  directory?: MemberDirectory;
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
    // Card submits from clients without Universal Actions arrive as messages with a value; none are sent.
    if (!activity.text && activity.value) return;
    const ctx = this.contextOf(context);
    await this.app.installs.remember(conversationRecordOf(activity, this.clock.now()), referenceTrustOf(context)).catch((error: unknown) => {
      this.log.warn({ err: errorName(error) }, 'could not refresh conversation reference');
    });
    await this.send(context, await this.app.dispatcher.command(ctx, messageText(context)));
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
        await context.sendActivity(reply.kind === 'card' ? MessageFactory.attachment(CardFactory.adaptiveCard(reply.card)) : MessageFactory.text(reply.text));
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
    if (!directory) return chatContextOf(context.activity);
    return chatContextOf(context.activity, async () => {
      const addresses = await directory.addressesOf(context);
      return addresses?.email ?? addresses?.userPrincipalName ?? null;
    });
  }

  private async onAdded(context: TurnContext, members: ChannelAccount[]): Promise<void> {
    const botId = context.activity.recipient?.id;
    if (!members.some((m) => m.id === botId)) return;
    const activity = context.activity;
    this.log.info({ conversationType: activity.conversation?.conversationType }, 'bot installed in conversation');
    await this.send(context, await this.app.installs.installed(chatContextOf(activity), conversationRecordOf(activity, this.clock.now()), referenceTrustOf(context)));
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invoke: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const data = (invoke.action?.data ?? {}) as Record<string, unknown>;
    const verb = invoke.action?.verb ?? '';
    // The verb comes from the client: logged only when it has the shape of one of ours.
    const loggedVerb = /^[A-Za-z]{1,40}$/.test(verb) ? verb : 'malformed';
    this.log.info({ verb: loggedVerb }, 'card action');
    const ctx = this.contextOf(context);
    // A failure of ours still answers with a card: the pressed card stays usable and nothing leaks.
    const card = await this.app.dispatcher.verb(ctx, verb, data).catch((error: unknown) => {
      this.log.error({ verb: loggedVerb, err: errorName(error) }, 'card action failed');
      return notice(messages(ctx.locale).notice.unexpected, { tone: 'attention' });
    });
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

import * as cards from '../cards/report-cards';
import { isStoreUnavailable } from '../domain/errors';
import type { ReportingService } from '../domain/reporting-service';
import { messages } from '../i18n/messages';
import { cardReply, textReply, type ChatContext, type Reply } from './chat-context';
import { parseCommand } from './command-parser';
import type { ReportViews } from './report-views';

/** Answers a typed message. Every message gets an answer, never silence. */
export class MessageHandler {
  constructor(private readonly reporting: ReportingService, private readonly views: ReportViews) {}

  async handle(ctx: ChatContext, text: string): Promise<Reply[]> {
    try {
      return await this.answer(ctx, text);
    } catch (error) {
      if (isStoreUnavailable(error)) return [cardReply(cards.notice(messages(ctx.locale).notice.storeDown, { tone: 'attention' }))];
      throw error;
    }
  }

  private async answer(ctx: ChatContext, text: string): Promise<Reply[]> {
    const command = parseCommand(text);
    switch (command.name) {
      case 'help':
        return [cardReply(cards.help(ctx.locale))];
      case 'report':
        return [cardReply(await this.views.newForm('incident', ctx.locale, ctx.actor.userId))];
      case 'activity':
        return [cardReply(await this.views.newForm('activity', ctx.locale, ctx.actor.userId))];
      case 'latest':
        return [cardReply(cards.latestReports(ctx.locale, await this.reporting.latest(ctx.origin.conversationId)))];
      case 'unknown':
        return [textReply(messages(ctx.locale).unknownCommand)];
    }
  }
}

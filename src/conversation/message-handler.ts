import * as cards from '../cards/report-cards';
import { isStoreUnavailable } from '../domain/errors';
import { messages } from '../i18n/messages';
import { cardReply, textReply, type ChatContext, type Reply } from './chat-context';
import type { CommandRunners } from './chat-command';
import { parseCommand } from './command-parser';
import type { RateLimiter } from './rate-limiter';

/** Answers a typed message. Every message gets an answer, never silence. */
export class MessageHandler {
  constructor(private readonly runners: CommandRunners, private readonly limiter?: RateLimiter) {}

  async handle(ctx: ChatContext, text: string): Promise<Reply[]> {
    if (this.limiter && !this.limiter.take(ctx.actor.userId)) return [textReply(messages(ctx.locale).trust.rateLimited)];
    const command = parseCommand(text);
    const run = command.name === 'unknown' ? undefined : this.runners[command.name];
    if (!run) return [textReply(messages(ctx.locale).unknownCommand)];
    try {
      return await run(ctx, command.args);
    } catch (error) {
      if (isStoreUnavailable(error)) return [cardReply(cards.notice(messages(ctx.locale).notice.storeDown, { tone: 'attention' }))];
      throw error;
    }
  }
}

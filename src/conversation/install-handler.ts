import * as cards from '../cards/report-cards';
import type { ConversationRecord } from '../domain/conversation';
import type { ConversationRepository } from '../domain/ports/store.port';
import { cardReply, type ChatContext, type Reply } from './chat-context';

/**
 * Remembers where the bot lives (what scheduled digests will use) and greets the new conversation.
 * Also called on ordinary messages so that a changed service URL is picked up; only changes are written.
 */
export class InstallHandler {
  constructor(private readonly conversations: ConversationRepository) {}

  async installed(ctx: ChatContext, record: ConversationRecord): Promise<Reply[]> {
    await this.remember(record);
    return [cardReply(cards.welcome(ctx.locale))];
  }

  async remember(record: ConversationRecord): Promise<void> {
    const known = await this.conversations.get(record);
    if (known && known.serviceUrl === record.serviceUrl && known.tenantId === record.tenantId) return;
    await this.conversations.save({ ...record, installedAt: known?.installedAt ?? record.installedAt });
  }
}

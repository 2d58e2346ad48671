import * as cards from '../cards/report-cards';
import type { ConversationRecord } from '../domain/conversation';
import type { ConversationRepository } from '../domain/ports/store.port';
import { cardReply, type ChatContext, type Reply } from './chat-context';

/**
 * Whether the activity's service URL may become where the conversation is reached later: true when a
 * Bot Framework token vouched for it, or, in local mode, when it is a connector on this machine. The
 * Teams edge decides (service-url-guard); this layer only obeys.
 */
export interface ReferenceTrust {
  serviceUrlTrusted: boolean;
}

/**
 * Remembers where the bot lives (what scheduled digests and reminders will use) and greets the new
 * conversation. Also called on ordinary messages so that a changed service URL is picked up; only
 * changes are written. A record from an untrusted service URL neither creates nor replaces anything: a
 * message carrying a channel's id must not redirect that channel's lägesbild or reminders elsewhere.
 */
export class InstallHandler {
  constructor(private readonly conversations: ConversationRepository) {}

  /**
   * Greets once per team or chat: Teams sends the bot's membersAdded again on a re-install or an app
   * upgrade, and a conversation the bot already knows (its record, in the same tenant) is not greeted
   * again. Only a vouched-for record is stored, so an untrusted install event greets but is not remembered.
   */
  async installed(ctx: ChatContext, record: ConversationRecord, trust: ReferenceTrust): Promise<Reply[]> {
    const known = await this.conversations.get(record);
    await this.remember(record, trust);
    if (known && known.tenantId === record.tenantId) return [];
    return [cardReply(cards.welcome(ctx.locale, ctx.room))];
  }

  async remember(record: ConversationRecord, trust: ReferenceTrust): Promise<void> {
    if (!trust.serviceUrlTrusted) return;
    const known = await this.conversations.get(record);
    if (known && known.serviceUrl === record.serviceUrl && known.tenantId === record.tenantId) return;
    await this.conversations.save({ ...record, installedAt: known?.installedAt ?? record.installedAt });
  }
}

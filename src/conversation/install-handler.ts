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

  async installed(ctx: ChatContext, record: ConversationRecord, trust: ReferenceTrust): Promise<Reply[]> {
    await this.remember(record, trust);
    return [cardReply(cards.welcome(ctx.locale))];
  }

  async remember(record: ConversationRecord, trust: ReferenceTrust): Promise<void> {
    if (!trust.serviceUrlTrusted) return;
    const known = await this.conversations.get(record);
    if (known && known.serviceUrl === record.serviceUrl && known.tenantId === record.tenantId) return;
    await this.conversations.save({ ...record, installedAt: known?.installedAt ?? record.installedAt });
  }
}

import type { ConversationReference } from 'botbuilder';
import * as estCards from '../cards/est-cards';
import type { EstNudge, NudgePoster } from '../domain/est/est-nudges';
import type { ConversationRepository } from '../domain/ports/store.port';
import { SWEDISH_BY_DEFAULT, tenantLocale, type DefaultLocales } from '../i18n/messages';
import { authorization, openPersonalChat, postProactively, type ConnectorDigestPosterOptions, type ConnectorWithCredentials } from './connector-digest-poster';
import { serviceUrlAllowedForPosting } from './service-url-guard';

/**
 * Sends an EST nudge to a rapportör in a 1:1 chat with the bot: the chat is opened (or found again: the
 * connector answers the same id for the same user) with POST {serviceUrl}/v3/conversations through the
 * service URL of the channel the week is about, then the card is posted into it. In the tenant's
 * language (DEFAULT_LOCALE), since no client of the rapportör names one.
 */
export class ConnectorNudgePoster implements NudgePoster {
  constructor(
    private readonly o: Pick<ConnectorDigestPosterOptions, 'adapter' | 'appId' | 'serviceUrls' | 'timeoutMs'>,
    private readonly conversations: Pick<ConversationRepository, 'get'>,
    private readonly budget: { wait(tenantId: string): Promise<void> } | null = null,
    private readonly locales: DefaultLocales = SWEDISH_BY_DEFAULT,
  ) {}

  async post(nudge: EstNudge): Promise<boolean> {
    const channel = await this.conversations.get(nudge.scope);
    if (!channel) return false;
    const { activityId: _replyTo, ...reference } = channel.reference as ConversationReference;
    if (!reference.serviceUrl || !serviceUrlAllowedForPosting(reference.serviceUrl, this.o.serviceUrls)) return false;
    await this.budget?.wait(nudge.scope.tenantId);
    const chatId = await this.openChat(reference as ConversationReference, nudge);
    if (!chatId) return false;
    const card = estCards.nudge(tenantLocale(this.locales, nudge.scope.tenantId), {
      conversationId: nudge.scope.conversationId, meetingDay: nudge.week.meetingDay, time: nudge.meeting.time, organisation: nudge.reporter.organisation,
    });
    const chat = { ...channel, conversationId: chatId, scope: 'personal' as const, teamId: null, channelId: null, reference: { ...reference, conversation: { id: chatId, conversationType: 'personal' } } };
    const outcome = await postProactively(this.o, chat, { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] });
    return outcome.ok;
  }

  /** The id of the 1:1 chat with the rapportör, or null when it could not be opened. */
  private async openChat(reference: ConversationReference, nudge: EstNudge): Promise<string | null> {
    let id: string | null = null;
    try {
      await this.o.adapter.continueConversationAsync(this.o.appId, reference, async (context) => {
        const auth = await authorization(context.turnState.get<ConnectorWithCredentials>(context.adapter.ConnectorClientKey));
        const chat = await openPersonalChat(reference, auth, nudge.scope.tenantId, nudge.reporter.chatUserId ?? nudge.reporter.userId, this.o.timeoutMs);
        id = chat.ok ? chat.id : null;
      });
    } catch {
      return null;
    }
    return id;
  }
}

import { hotspotReminder } from '../cards/hotspot-cards';
import type { ConversationRepository, UserProfileRepository } from '../domain/ports/store.port';
import type { HotspotReminder, ReminderPoster } from '../domain/ports/reminder-poster.port';
import { SWEDISH_BY_DEFAULT, tenantLocale, type DefaultLocales } from '../i18n/messages';
import { postProactively, type ConnectorDigestPosterOptions } from './connector-digest-poster';

/**
 * Posts a hot spot reminder into the channel the hot spot was started in, as a small card that
 * @mentions its owner and opens the hot spot with "Visa hot spot". Teams resolves a mention by the
 * user's Teams id when we know it (from their own messages), else by their Entra object id. Reminders
 * go to a shared channel: in the tenant's language (DEFAULT_LOCALE).
 */
export class ConnectorReminderPoster implements ReminderPoster {
  constructor(
    private readonly o: Pick<ConnectorDigestPosterOptions, 'adapter' | 'appId' | 'serviceUrls'>,
    private readonly store: { conversations: ConversationRepository; users: UserProfileRepository },
    /** The tenant's posting budget, shared by all instances. */
    private readonly budget: { wait(tenantId: string): Promise<void> } | null = null,
    private readonly locales: DefaultLocales = SWEDISH_BY_DEFAULT,
  ) {}

  async post(reminder: HotspotReminder): Promise<boolean> {
    const { hotspot } = reminder;
    const conversation = await this.store.conversations.get(hotspot.origin);
    if (!conversation) return false;
    const owner = hotspot.owner;
    const profile = await this.store.users.get(hotspot.origin, owner.userId);
    const card = hotspotReminder(tenantLocale(this.locales, hotspot.origin.tenantId), reminder, { id: profile?.chatUserId ?? owner.userId, name: owner.name });
    await this.budget?.wait(hotspot.origin.tenantId);
    const outcome = await postProactively(this.o, conversation, {
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    });
    return outcome.ok;
  }
}

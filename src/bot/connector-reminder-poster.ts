import type { ConversationRepository, UserProfileRepository } from '../domain/ports/store.port';
import type { HotspotReminder, ReminderPoster } from '../domain/ports/reminder-poster.port';
import { format, messages, SWEDISH_BY_DEFAULT, tenantLocale, type DefaultLocales } from '../i18n/messages';
import { postProactively, type ConnectorDigestPosterOptions } from './connector-digest-poster';

/**
 * Posts a hot spot reminder into the channel the hot spot was started in, @mentioning its owner.
 * Teams resolves a mention by the user's Teams id when we know it (from their own messages), else by
 * their Entra object id. Reminders go to a shared channel: in the tenant's language (DEFAULT_LOCALE).
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
    const tag = `<at>${owner.name || 'ansvarig'}</at>`;
    const r = messages(tenantLocale(this.locales, hotspot.origin.tenantId)).hotspots.reminder;
    const text = reminder.kind === 'follow_up'
      ? format(r.followUp, { owner: tag, place: hotspot.placeName, date: hotspot.followUpDate ?? '' })
      : format(r.measureDue, { owner: tag, what: reminder.measure.what, place: hotspot.placeName, date: reminder.measure.dueDate ?? '' });
    await this.budget?.wait(hotspot.origin.tenantId);
    const outcome = await postProactively(this.o, conversation, {
      text,
      entities: [{ type: 'mention', text: tag, mentioned: { id: profile?.chatUserId ?? owner.userId, name: owner.name } }],
    });
    return outcome.ok;
  }
}

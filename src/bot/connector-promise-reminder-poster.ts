import { promiseReminder } from '../cards/promise-cards';
import type { PromiseReminder, PromiseReminderPoster } from '../domain/promises/promise-reminders';
import { botGone } from '../domain/digests/retry-policy';
import type { PostResult } from '../domain/jobs/once-per-conversation';
import type { ChatScope } from '../domain/scope';
import type { ConversationRepository, UserProfileRepository } from '../domain/ports/store.port';
import { SWEDISH_BY_DEFAULT, tenantLocale, type DefaultLocales } from '../i18n/messages';
import { postProactively, type ConnectorDigestPosterOptions } from './connector-digest-poster';

/**
 * Posts the promise register's reminders into a conversation that subscribes to the lägesbild, as a
 * card that @mentions the people named. A person is mentioned by their Teams id and display name as
 * known from their own messages; someone the bot never met is left out of the mentions (Teams could
 * not resolve them), and the card then names "the coordinator" instead when nobody is left.
 */
export class ConnectorPromiseReminderPoster implements PromiseReminderPoster {
  constructor(
    private readonly o: Pick<ConnectorDigestPosterOptions, 'adapter' | 'appId' | 'serviceUrls'>,
    private readonly store: { conversations: ConversationRepository; users: UserProfileRepository },
    private readonly budget: { wait(tenantId: string): Promise<void> } | null = null,
    private readonly locales: DefaultLocales = SWEDISH_BY_DEFAULT,
  ) {}

  async post(scope: ChatScope, reminder: PromiseReminder): Promise<PostResult> {
    const conversation = await this.store.conversations.get(scope);
    if (!conversation) return 'gone';
    const userIds = reminder.kind === 'idle_commitments' ? reminder.commitments.flatMap((c) => c.owners) : reminder.coordinators;
    const people = new Map<string, { id: string; name: string }>();
    for (const userId of new Set(userIds)) {
      const profile = await this.store.users.get(scope, userId);
      if (profile?.displayName) people.set(userId, { id: profile.chatUserId ?? userId, name: profile.displayName });
    }
    const card = promiseReminder(tenantLocale(this.locales, scope.tenantId), reminder, people);
    await this.budget?.wait(scope.tenantId);
    const outcome = await postProactively(this.o, conversation, { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] });
    if (outcome.ok) return 'posted';
    return botGone(outcome) ? 'gone' : 'failed';
  }
}

import type { AdaptiveCard } from '../cards/card-schema';
import type { ReportOrigin } from '../domain/report';
import type { ReportScope } from '../domain/scope';
import type { Actor } from '../domain/reporting-service';
import type { Locale } from '../i18n/messages';

/** Who says something, where, and in which language: all a conversation handler needs to know. */
export interface ChatContext {
  locale: Locale;
  actor: Actor;
  /** Where new reports are made: the tenant and conversation of the activity. */
  origin: ReportOrigin;
  /**
   * What the caller may read and change: `origin`, and in a personal chat with the bot also the
   * caller's own reports elsewhere in the tenant. Every load by id goes through it.
   */
  scope: ReportScope;
  /** People @mentioned in the message (not the bot). */
  mentions?: { chatUserId: string; name: string }[];
}

export type Reply = { kind: 'card'; card: AdaptiveCard } | { kind: 'text'; text: string };

export const cardReply = (card: AdaptiveCard): Reply => ({ kind: 'card', card });
export const textReply = (text: string): Reply => ({ kind: 'text', text });

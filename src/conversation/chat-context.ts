import type { AdaptiveCard } from '../cards/card-schema';
import type { ReportOrigin } from '../domain/report';
import type { Actor } from '../domain/reporting-service';
import type { Locale } from '../i18n/messages';

/** Who says something, where, and in which language: all a conversation handler needs to know. */
export interface ChatContext {
  locale: Locale;
  actor: Actor;
  origin: ReportOrigin;
  /** People @mentioned in the message (not the bot). */
  mentions?: { chatUserId: string; name: string }[];
}

export type Reply = { kind: 'card'; card: AdaptiveCard } | { kind: 'text'; text: string };

export const cardReply = (card: AdaptiveCard): Reply => ({ kind: 'card', card });
export const textReply = (text: string): Reply => ({ kind: 'text', text });

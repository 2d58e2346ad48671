import type { SharedItem } from '../domain/ports/card-messages.port';
import { createHash } from 'node:crypto';
import type { AdaptiveCard } from '../cards/card-schema';
import type { ReportOrigin } from '../domain/report';
import type { ChatScope, ReportScope } from '../domain/scope';
import type { Actor } from '../domain/reporting-service';
import type { Locale, Room } from '../i18n/messages';

/** Who says something, where, and in which language: all a conversation handler needs to know. */
export interface ChatContext {
  locale: Locale;
  /** A team's channel or a (personal or group) chat: what the bot calls the conversation. 'channel' when not given. */
  room?: Room;
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
  /** The Teams id of the activity being answered: a message delivered again carries the same id. */
  messageId?: string;
}

/**
 * The submit key of a report a typed message creates: the same message (a redelivery, a retry after a
 * failed reply) saves at most one report. A hash, since message ids are only unique within their
 * conversation and the key is unique per tenant; its "m-" form is not one a card's key can take.
 */
export function messageSubmitKey(ctx: ChatContext): string | undefined {
  if (!ctx.messageId) return undefined;
  const hash = createHash('sha256').update(`${ctx.origin.tenantId}\n${ctx.origin.conversationId}\n${ctx.messageId}`).digest('hex');
  return `m-${hash.slice(0, 40)}`;
}

/**
 * One answer to a message. `ifUndelivered`: a short text to post instead should the reply itself fail to
 * reach the conversation (e.g. "saved as H-2026-0042" after a report was saved), so that the user is
 * never left to think it was not saved, or told to try again.
 */
export type Reply = ({ kind: 'card'; card: AdaptiveCard } | { kind: 'text'; text: string }) & {
  ifUndelivered?: string;
  /** The item whose card this reply shows: once posted, the message is remembered as its shared card. */
  shows?: { scope: ChatScope; item: SharedItem };
};

export const cardReply = (card: AdaptiveCard): Reply => ({ kind: 'card', card });
/** A command's answer of one card. */
export const oneCard = (card: Promise<AdaptiveCard>): Promise<Reply[]> => card.then((c) => [cardReply(c)]);
export const textReply = (text: string): Reply => ({ kind: 'text', text });

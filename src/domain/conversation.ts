import type { Organisation } from './vocabulary';

/** Where the bot is installed: what a later proactive message (a digest) needs to reach it. */
export type ConversationScope = 'channel' | 'groupChat' | 'personal';

export interface ConversationRecord {
  conversationId: string;
  tenantId: string;
  scope: ConversationScope;
  teamId: string | null;
  channelId: string | null;
  serviceUrl: string;
  /** The chat platform's own reference, kept opaque so the domain needs no SDK types. */
  reference: unknown;
  installedAt: Date;
  updatedAt: Date;
}

export interface UserProfile {
  userId: string;
  tenantId: string;
  organisation: Organisation;
  school: string | null;
  updatedAt: Date;
  /** The chat platform's id of the user (what an @mention names); kept when not given. */
  chatUserId?: string | null;
  displayName?: string | null;
}

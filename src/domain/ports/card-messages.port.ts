import type { ChatScope } from '../scope';

/** An item whose card is shared in its conversation: a report (by kind), a hot spot or a call-out (issue 11). */
export type SharedItem = { kind: 'incident' | 'activity' | 'hotspot' | 'mobilisation'; id: string };

/** The Teams message that shows an item's card to everyone: its conversation (thread) and activity id. */
export interface CardMessage {
  /** The Teams conversation id the message was posted in; a channel thread carries ";messageid=…". */
  threadId: string;
  activityId: string;
  updatedAt: Date;
}

/**
 * Where each item's shared card was posted. Kept with the item's own tenant and conversation: a read
 * names both, and an item shown in another conversation (a personal chat) is never remembered.
 */
export interface CardMessageRepository {
  remember(scope: ChatScope, item: SharedItem, message: CardMessage): Promise<void>;
  find(scope: ChatScope, item: SharedItem): Promise<CardMessage | null>;
}

/**
 * Copies of an item's card outside its conversation that show the same, and are updated with it: a
 * call-out's personal copies, one in each recipient's chat with the bot.
 */
export interface CardCopies {
  copiesOf(scope: ChatScope, item: SharedItem): Promise<{ threadId: string; activityId: string }[]>;
}

/**
 * Told after a report or hot spot was changed (created, edited, moved on, withdrawn), in the item's own
 * scope. `created`: the change made the item, so no message can show its card yet.
 */
export interface ChangeListener {
  changed(scope: ChatScope, item: SharedItem, created?: boolean): void;
}

/** Which kind of item a card verb's answer shows (declared by the verb's registry entry as `shares`). */
export type Shares = 'report' | 'hotspot' | 'mobilisation';

import type { ConversationRecord } from '../conversation';

/**
 * Whether a person (their Entra object id) is a member of a conversation the bot is installed in, as
 * Teams itself says: the lägesbild tab answers a caller only for a conversation they belong to.
 */
export interface ConversationMembers {
  isMember(conversation: ConversationRecord, userObjectId: string): Promise<boolean>;
}

import type { ConversationRecord } from '../../domain/conversation';
import type { ConversationMembers } from '../../domain/ports/conversation-members.port';
import type { ConversationRepository, ReportListRepository } from '../../domain/ports/store.port';
import { reportRefIn } from '../../domain/report-finder';
import type { TabIdentity } from './tab-token';

/**
 * Most conversations whose roster is asked for one personal tab: each is a call to Teams (kept for
 * the roster's time to live). A municipality's bot is in a handful of channels; past the cap the
 * most recently active are offered, and any other is still reachable through a link from its channel.
 */
export const MEMBER_CHECKS_MAX = 25;

export interface ConversationChoice {
  id: string;
  name: string;
}

/**
 * The conversations a personal (static) tab may offer its user: those of the user's tenant the bot is
 * installed in (channels and group chats; a personal chat has no shared lägesbild) where the Teams
 * roster says the user is a member. Asked through `members`, whose answers are cached.
 */
export async function memberConversations(
  identity: TabIdentity,
  d: { conversations: Pick<ConversationRepository, 'list'>; members: ConversationMembers },
): Promise<ConversationChoice[]> {
  const candidates = (await d.conversations.list())
    .filter((c) => c.tenantId === identity.tenantId && c.scope !== 'personal')
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
    .slice(0, MEMBER_CHECKS_MAX);
  const member = await Promise.all(candidates.map((c) => d.members.isMember(c, identity.userId)));
  return candidates.filter((_c, i) => member[i]).map(choiceOf).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

/** The conversation as a choice: its Teams name when the bot was told it, else its id. */
export function choiceOf(c: ConversationRecord): ConversationChoice {
  const name = (c.reference as { conversation?: { name?: unknown } } | null)?.conversation?.name;
  return { id: c.conversationId, name: typeof name === 'string' && name.trim() !== '' ? name : c.conversationId };
}

/**
 * Of the conversations offered, the one holding the report `ref` names (a report link opened in the
 * personal tab): each asked within its own scope, so a report elsewhere is never found. Null for none.
 */
export async function conversationOfReport(
  identity: TabIdentity, offered: readonly ConversationChoice[], ref: string | undefined, reports: Pick<ReportListRepository, 'byRef'>,
): Promise<string | null> {
  const wanted = ref ? reportRefIn(ref) : null;
  if (!wanted) return null;
  const found = await Promise.all(offered.map((c) => reports.byRef({ tenantId: identity.tenantId, conversationId: c.id }, wanted)));
  return offered.find((_c, i) => found[i] !== null)?.id ?? null;
}

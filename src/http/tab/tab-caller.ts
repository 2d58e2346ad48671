import type { Request } from 'express';
import { isLoopbackHost } from '../../config/service-urls';
import type { ConversationMembers } from '../../domain/ports/conversation-members.port';
import type { ConversationRepository } from '../../domain/ports/store.port';
import type { ChatScope } from '../../domain/scope';
import type { TabIdentity } from './tab-token';

export interface TabCallerDeps {
  conversations: Pick<ConversationRepository, 'get' | 'list'>;
  members: ConversationMembers;
  verify(authorization: string | undefined): Promise<TabIdentity | null>;
  /** True only when the bot runs without an app id (local mode); a request must also come from loopback. */
  previewAllowed: boolean;
}

export type TabRefusal = 'unauthorized' | 'no_conversation' | 'forbidden';
export type TabCaller = { ok: true; scope: ChatScope; preview: boolean } | { ok: false; status: 401 | 403 | 404; error: TabRefusal };

/** Local preview: the bot has no app id and the request comes from this machine. */
export function isPreview(req: Request, previewAllowed: boolean): boolean {
  return previewAllowed && isLoopbackHost(req.socket.remoteAddress ?? '');
}

/**
 * Whose data a tab request may read. The tenant and user come from the verified token only; the
 * conversation is the one the Teams context names (sent as `conversation`), and it counts only when
 * the bot is installed there within that tenant and Teams says the user is a member. In local preview
 * the conversation is chosen from the local database (the first one when none is named).
 */
export async function tabCaller(req: Request, d: TabCallerDeps): Promise<TabCaller> {
  const conversationId = typeof req.query.conversation === 'string' ? req.query.conversation.trim() : '';
  if (isPreview(req, d.previewAllowed)) {
    const all = await d.conversations.list();
    const chosen = conversationId === '' ? all[0] : all.find((c) => c.conversationId === conversationId);
    return chosen
      ? { ok: true, scope: { tenantId: chosen.tenantId, conversationId: chosen.conversationId }, preview: true }
      : { ok: false, status: 404, error: 'no_conversation' };
  }
  const identity = await d.verify(req.headers.authorization);
  if (!identity) return { ok: false, status: 401, error: 'unauthorized' };
  if (conversationId === '') return { ok: false, status: 404, error: 'no_conversation' };
  const scope: ChatScope = { tenantId: identity.tenantId, conversationId };
  const conversation = await d.conversations.get(scope);
  if (!conversation || !(await d.members.isMember(conversation, identity.userId))) return { ok: false, status: 403, error: 'forbidden' };
  return { ok: true, scope, preview: false };
}

import { randomUUID } from 'node:crypto';

// Activities shaped like the ones Teams sends, for posting to /api/messages.

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const TEAM = '19:team-general@thread.tacv2';
export const CHANNEL = '19:ops-channel@thread.tacv2';
export const BOT = { id: '28:trygghetsboten', name: 'Trygghetsboten' };

export interface Speaker {
  aadObjectId: string;
  name: string;
}

export const ANNA: Speaker = { aadObjectId: '00000000-0000-0000-0000-00000000aaaa', name: 'Anna Andersson' };
export const BERIT: Speaker = { aadObjectId: '00000000-0000-0000-0000-00000000bbbb', name: 'Berit Berg' };

export type ConversationType = 'channel' | 'groupChat' | 'personal';

export interface Where {
  serviceUrl: string;
  conversationId?: string;
  /** The client's locale; 'sv-SE' when not given, none at all when null. */
  locale?: string | null;
  from?: Speaker;
  /** The tenant of the conversation (conversation.tenantId and channelData.tenant.id); TENANT when not given. */
  tenantId?: string;
  /** The team of a channel (channelData.team.id); TEAM when not given. Ignored outside channels. */
  teamId?: string;
  /** The channel's id in channelData; CHANNEL when not given. Ignored outside channels. */
  channelId?: string;
  /** The channel's name in channelData; 'Lägesbild' when not given. Ignored outside channels. */
  channelName?: string;
  /**
   * 'channel' when not given. A group chat or personal chat carries only the tenant in channelData (no team,
   * no channel); a personal chat's conversation id looks like `a:1…` and it has no isGroup.
   */
  conversationType?: ConversationType;
}

/** The conversation id Teams gives a personal chat between a user and the bot. */
export const personalChatIdOf = (s: Speaker, tenantId: string = TENANT) => `a:1${tenantId.slice(0, 8)}${s.aadObjectId.replace(/-/g, '')}`;

function common(where: Where) {
  const from = where.from ?? ANNA;
  const type = where.conversationType ?? 'channel';
  const tenantId = where.tenantId ?? TENANT;
  const conversationId = where.conversationId ?? (
    type === 'channel' ? `${CHANNEL};messageid=1700000000000`
      : type === 'personal' ? personalChatIdOf(from, tenantId)
        : `19:group-chat-${tenantId.slice(0, 8)}@thread.v2`);
  const conversation = type === 'personal'
    ? { id: conversationId, conversationType: type, tenantId }
    : { id: conversationId, conversationType: type, tenantId, isGroup: true };
  const channelData = type === 'channel'
    ? { tenant: { id: tenantId }, team: { id: where.teamId ?? TEAM, name: 'Trygghet Kungsör' }, channel: { id: where.channelId ?? CHANNEL, name: where.channelName ?? 'Lägesbild' } }
    : { tenant: { id: tenantId } };
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: where.serviceUrl,
    timestamp: new Date().toISOString(),
    ...(where.locale === null ? {} : { locale: where.locale ?? 'sv-SE' }),
    from: { id: chatIdOf(from), name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    conversation,
    channelData,
  };
}

/** The Teams user id a speaker's @mentions carry. */
export const chatIdOf = (s: Speaker) => `29:${s.aadObjectId}`;

/** A channel message that @mentions the bot (and optionally others, after the text), as Teams sends it. */
export function channelMessage(text: string, where: Where, alsoMentioned: Speaker[] = []) {
  const others = alsoMentioned.map((s) => ({ type: 'mention', text: `<at>${s.name}</at>`, mentioned: { id: chatIdOf(s), name: s.name } }));
  return {
    ...common(where),
    type: 'message',
    text: `<at>${BOT.name}</at> ${text}${others.map((o) => ` ${o.text}`).join('')}`,
    textFormat: 'plain',
    entities: [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }, ...others],
  };
}

/**
 * A message in a personal chat with the bot: no @mention is needed there, so Teams sends the words alone.
 * Other people may still be @mentioned after the text.
 */
export function personalMessage(text: string, where: Where, alsoMentioned: Speaker[] = []) {
  const others = alsoMentioned.map((s) => ({ type: 'mention', text: `<at>${s.name}</at>`, mentioned: { id: chatIdOf(s), name: s.name } }));
  return {
    ...common({ conversationType: 'personal', ...where }),
    type: 'message',
    text: `${text}${others.map((o) => ` ${o.text}`).join('')}`,
    textFormat: 'plain',
    entities: others,
  };
}

/** A Universal Action (Action.Execute) press, answered in the HTTP response with a card. */
export function cardAction(verb: string, data: Record<string, unknown>, where: Where) {
  return {
    ...common(where),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** The bot being added to a team channel. */
export function botAdded(where: Where) {
  return { ...common(where), type: 'conversationUpdate', membersAdded: [BOT], conversation: { ...common(where).conversation, id: CHANNEL } };
}

/** A message as Teams puts it in a message action's `messagePayload` (the message the action was started on). */
export interface MessagePayloadOptions {
  id?: string;
  /** The message text; HTML when `contentType` is 'html' (the default, as Teams sends it). */
  content: string;
  contentType?: 'html' | 'text';
  createdDateTime?: string;
  linkToMessage?: string;
}

export function messagePayload(o: MessagePayloadOptions) {
  const id = o.id ?? '1700000000123';
  return {
    id,
    messageType: 'message',
    createdDateTime: o.createdDateTime ?? '2026-11-24T20:15:00.000Z',
    importance: 'normal',
    locale: 'sv-se',
    linkToMessage: o.linkToMessage ?? `https://teams.microsoft.com/l/message/${encodeURIComponent(CHANNEL)}/${id}`,
    from: { user: { id: BERIT.aadObjectId, displayName: BERIT.name, userIdentityType: 'aadUser' } },
    body: { contentType: o.contentType ?? 'html', content: o.content },
    attachments: [],
    mentions: [],
    reactions: [],
  };
}

/** A message extension invoke (composeExtension/fetchTask, /submitAction, /query, /queryLink), answered in the HTTP response. */
export function extensionInvoke(name: 'fetchTask' | 'submitAction' | 'query' | 'queryLink', value: Record<string, unknown>, where: Where) {
  return { ...common(where), type: 'invoke', name: `composeExtension/${name}`, value };
}

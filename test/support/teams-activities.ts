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

export interface Where {
  serviceUrl: string;
  conversationId?: string;
  locale?: string;
  from?: Speaker;
}

function common(where: Where) {
  const from = where.from ?? ANNA;
  const conversationId = where.conversationId ?? `${CHANNEL};messageid=1700000000000`;
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: where.serviceUrl,
    timestamp: new Date().toISOString(),
    locale: where.locale ?? 'sv-SE',
    from: { id: chatIdOf(from), name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    conversation: { id: conversationId, conversationType: 'channel', tenantId: TENANT, isGroup: true },
    channelData: { tenant: { id: TENANT }, team: { id: TEAM, name: 'Trygghet Kungsör' }, channel: { id: CHANNEL, name: 'Lägesbild' } },
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

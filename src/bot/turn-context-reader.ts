import { TurnContext, type Activity } from 'botbuilder';
import type { ChatContext } from '../conversation/chat-context';
import type { ReferenceTrust } from '../conversation/install-handler';
import type { ConversationRecord, ConversationScope } from '../domain/conversation';
import type { MessageFile } from '../domain/ports/sent-files.port';
import { localeFrom, SWEDISH_BY_DEFAULT, tenantLocale, type DefaultLocales } from '../i18n/messages';
import { serviceUrlIsTrusted } from './service-url-guard';

// Reads what the conversation layer needs out of a Bot Framework activity, Teams-specific fields included.

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string };
  channel?: { id?: string };
}

function channelData(activity: Activity): TeamsChannelData {
  return (activity.channelData ?? {}) as TeamsChannelData;
}

/** Lower-cased, as configuration and the store keep tenant ids. */
export function tenantOf(activity: Activity): string {
  return (activity.conversation?.tenantId ?? channelData(activity).tenant?.id ?? '').toLowerCase();
}

/**
 * A channel's threads share the channel: Teams appends ";messageid=…" to the conversation id of a
 * reply thread, which would split one channel's reports (and its digest) by thread.
 */
export function conversationKey(activity: Activity): string {
  return (activity.conversation?.id ?? '').split(';')[0]!;
}

/**
 * `email` looks the user's address up lazily (only when a right needs the tenant's domain setting);
 * `locales` (DEFAULT_LOCALE) gives the language when the client names none.
 */
export function chatContextOf(activity: Activity, email?: () => Promise<string | null>, locales: DefaultLocales = SWEDISH_BY_DEFAULT): ChatContext {
  const userId = (activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown').toLowerCase();
  const origin = { tenantId: tenantOf(activity), conversationId: conversationKey(activity) };
  return {
    locale: localeFrom(activity.locale, tenantLocale(locales, origin.tenantId)),
    room: scopeOf(activity) === 'channel' ? 'channel' : 'chat',
    actor: {
      userId,
      name: activity.from?.name ?? '',
      tenantId: origin.tenantId,
      ...(activity.from?.id ? { chatUserId: activity.from.id } : {}),
      ...(email ? { email } : {}),
    },
    mentions: mentionsOf(activity),
    ...(activity.id ? { messageId: activity.id } : {}),
    origin,
    scope: scopeOf(activity) === 'personal' ? { ...origin, alsoReportedBy: userId } : origin,
  };
}

/** People @mentioned in the message, except the bot itself. */
function mentionsOf(activity: Activity): { chatUserId: string; name: string }[] {
  return (activity.entities ?? [])
    .filter((e) => e.type === 'mention' && e.mentioned?.id && e.mentioned.id !== activity.recipient?.id)
    .map((e) => ({ chatUserId: String(e.mentioned.id), name: String(e.mentioned.name ?? '') }));
}

function scopeOf(activity: Activity): ConversationScope {
  const type = activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat' ? type : 'personal';
}

export function conversationRecordOf(activity: Activity, now: Date): ConversationRecord {
  const data = channelData(activity);
  const reference = TurnContext.getConversationReference(activity);
  // Proactive posts (digests) go to the channel itself, not to the thread this activity came from.
  reference.conversation = { ...activity.conversation, id: conversationKey(activity) };
  return {
    conversationId: conversationKey(activity),
    tenantId: tenantOf(activity),
    scope: scopeOf(activity),
    teamId: data.team?.id ?? null,
    channelId: data.channel?.id ?? null,
    serviceUrl: activity.serviceUrl,
    reference,
    installedAt: now,
    updatedAt: now,
  };
}

/** Whether this turn may change where the conversation is reached later (see serviceUrlIsTrusted). */
export function referenceTrustOf(context: TurnContext): ReferenceTrust {
  return { serviceUrlTrusted: serviceUrlIsTrusted(context) };
}

/** What Teams attaches for a file sent to a bot in the personal chat (manifest `supportsFiles`). */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/**
 * The file a message carries, if any (the first: one import at a time). Only a file uploaded in the
 * personal chat comes with a download link; one shared there as a link is `linked`, any file in a
 * channel or group chat `elsewhere`.
 */
export function messageFileOf(activity: Activity): MessageFile | null {
  const file = (activity.attachments ?? []).find((a) => a.contentType === FILE_DOWNLOAD_INFO || a.contentType === 'reference');
  if (!file) return null;
  const content = (file.content ?? {}) as { downloadUrl?: unknown; fileType?: unknown };
  if (scopeOf(activity) !== 'personal') return { kind: 'elsewhere' };
  if (file.contentType !== FILE_DOWNLOAD_INFO || typeof content.downloadUrl !== 'string') return { kind: 'linked' };
  return { kind: 'download', name: file.name ?? '', fileType: typeof content.fileType === 'string' ? content.fileType : '', downloadUrl: content.downloadUrl };
}

/** The words of a message, without the @mention of the bot that Teams puts in channel messages. */
export function messageText(context: TurnContext): string {
  return TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
}

import { serviceUrlAllowedForPosting, type ServiceUrlRule } from './service-url-guard';
import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { AdaptiveCard } from '../cards/card-schema';
import type { ConversationRecord } from '../domain/conversation';
import type { DigestLocale } from '../domain/digests/subscription';
import type { EstPicture } from '../domain/est/est-service';
import type { Lagesbild } from '../domain/lagesbild/lagesbild';
import type { DigestPoster, PostOutcome } from '../domain/ports/digest-poster.port';

export interface ConnectorDigestPosterOptions {
  adapter: CloudAdapter;
  /** The bot's app id; '' in local mode. */
  appId: string;
  render(digest: Lagesbild, locale: DigestLocale, est?: EstPicture): AdaptiveCard;
  /** Which service URLs stored references may send the bot's posts (and token) to. */
  serviceUrls: ServiceUrlRule;
  timeoutMs?: number;
}

/**
 * Posts a digest as a new message in the stored conversation (for a channel: a new post, not a reply).
 * botbuilder supplies the credentials for the conversation's service URL; the request itself is sent
 * here, once, because the SDK's client retries 429 and 5xx on its own timers, which would hide
 * Retry-After and the attempts from the delivery record that the scheduler keeps.
 */
export class ConnectorDigestPoster implements DigestPoster {
  constructor(private readonly o: ConnectorDigestPosterOptions) {}

  post(conversation: ConversationRecord, digest: Lagesbild, locale: DigestLocale, est?: EstPicture): Promise<PostOutcome> {
    return postProactively(this.o, conversation, {
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: this.o.render(digest, locale, est) }],
    });
  }
}

/** What a proactive message carries besides its addressing: text, mention entities, attachments. */
export type ProactiveContent = { text?: string; entities?: unknown[]; attachments?: { contentType: string; content: AdaptiveCard }[] };

/** One proactive post into a stored conversation, one attempt, with the connector's answer as an outcome. */
export async function postProactively(
  o: Pick<ConnectorDigestPosterOptions, 'adapter' | 'appId' | 'timeoutMs' | 'serviceUrls'>, conversation: ConversationRecord, content: ProactiveContent,
): Promise<PostOutcome> {
  const { activityId: _replyTo, ...reference } = conversation.reference as ConversationReference;
  // Answered like a connector's refusal: the subscription pauses with the reason instead of retrying.
  if (!serviceUrlAllowedForPosting(reference.serviceUrl ?? '', o.serviceUrls)) return { ok: false, status: 403, retryAfterMs: null };
  let outcome: PostOutcome = { ok: false, status: 0, retryAfterMs: null };
  try {
    await o.adapter.continueConversationAsync(o.appId, reference as ConversationReference, async (context) => {
      const connector = context.turnState.get<ConnectorWithCredentials>(context.adapter.ConnectorClientKey);
      outcome = await send(reference as ConversationReference, await authorization(connector), content, o.timeoutMs);
    });
  } catch {
    // No credentials could be had (e.g. the token service did not answer): a transient failure.
    return { ok: false, status: 0, retryAfterMs: null };
  }
  return outcome;
}

async function send(reference: ConversationReference, auth: string | null, content: ProactiveContent, timeoutMs = 15_000): Promise<PostOutcome> {
  const base = (reference.serviceUrl ?? '').replace(/\/+$/, '');
  const url = `${base}/v3/conversations/${encodeURIComponent(reference.conversation.id)}/activities`;
  const activity = { type: 'message', from: reference.bot, conversation: reference.conversation, ...content };
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer().catch(() => undefined);
    return res.ok ? { ok: true } : { ok: false, status: res.status, retryAfterMs: retryAfterMs(res.headers.get('retry-after')) };
  } catch {
    return { ok: false, status: 0, retryAfterMs: null };
  }
}

/** The part of botbuilder's connector client used here: the app credentials it signs with. */
export interface ConnectorWithCredentials {
  credentials?: { appId?: string; getToken?: (force?: boolean) => Promise<string> };
}

/** A bearer token when the bot has an identity; none in local mode. */
export async function authorization(connector: ConnectorWithCredentials | undefined): Promise<string | null> {
  const credentials = connector?.credentials;
  if (!credentials?.appId || typeof credentials.getToken !== 'function') return null;
  return `Bearer ${await credentials.getToken()}`;
}

/**
 * Opens (or finds: Teams answers with the existing one) the bot's 1:1 chat with a member of the tenant,
 * as the connector's POST /v3/conversations does it; the chat's id, or the status that refused it.
 */
export async function openPersonalChat(
  reference: ConversationReference, auth: string | null, tenantId: string, memberId: string, timeoutMs = 15_000,
): Promise<{ ok: true; id: string } | { ok: false; status: number }> {
  const res = await fetch(`${(reference.serviceUrl ?? '').replace(/\/+$/, '')}/v3/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
    body: JSON.stringify({ isGroup: false, bot: reference.bot, members: [{ id: memberId }], tenantId, channelData: { tenant: { id: tenantId } } }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const chat = (await res.json().catch(() => ({}))) as { id?: unknown };
  return res.ok && typeof chat.id === 'string' ? { ok: true, id: chat.id } : { ok: false, status: res.ok ? 0 : res.status };
}

/** Retry-After is seconds or an HTTP date. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+(\.\d+)?$/.test(header.trim())) return Math.round(Number(header) * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

import {
  CardFactory, MessageFactory, type AppBasedLinkQuery, type MessageActionsPayload, type MessagingExtensionAction,
  type MessagingExtensionActionResponse, type MessagingExtensionQuery, type MessagingExtensionResponse, type TurnContext,
} from 'botbuilder';
import type { AdaptiveCard } from '../cards/card-schema';
import { withSourceMessage } from '../cards/extension-cards';
import { notice } from '../cards/report-cards';
import { VERBS } from '../cards/verbs';
import type { ChatContext } from '../conversation/chat-context';
import { EXTENSION_VERBS, type ExtensionEntries } from '../conversation/message-extension-entries';
import type { Dispatcher } from '../conversation/registry/dispatcher';
import { isStoreUnavailable } from '../domain/errors';
import { messages } from '../i18n/messages';
import type { Logger } from '../logging/logger';
import { refOfReportLink } from '../http/report-link-route';
import { EXTENSION_COMMANDS } from './message-extension-commands';

// The Teams edge of the message extension (manifest: composeExtensions): the message actions "Rapportera
// som händelse" / "Logga som aktivitet" (a dialog), the search command "Sök rapport", and report links
// unfolding. Everything goes through the dispatcher, with the rules of every verb: payload schema,
// target within the caller's scope, right. Nothing here logs what a message or a search says.


/** The verbs whose cards are forms: drawn again in the dialog rather than posted. */
const FORM_VERBS: ReadonlySet<string> = new Set([VERBS.submitIncident, VERBS.submitActivity, VERBS.saveIncidentEdit, VERBS.saveActivityEdit]);

export interface MessageExtensionDeps {
  dispatcher: Dispatcher;
  entries: ExtensionEntries;
  /** The bot's public address (PUBLIC_BASE_URL), when known: report links elsewhere do not unfold. */
  publicBaseUrl: () => string | null;
  log: Logger;
}

type Dialog = MessagingExtensionActionResponse;

export class MessageExtension {
  constructor(private readonly d: MessageExtensionDeps) {}

  /** A message action: the dialog with the form filled from the message. */
  async fetchTask(ctx: ChatContext, action: MessagingExtensionAction): Promise<Dialog> {
    const kind = action.commandId === EXTENSION_COMMANDS.reportIncident ? 'incident' : action.commandId === EXTENSION_COMMANDS.logActivity ? 'activity' : null;
    const m = messages(ctx.locale).extension;
    if (!kind) return dialog(m.incidentDialog, notice(m.unsupportedCommand, { tone: 'attention' }), null);
    const message = action.messagePayload;
    const data = { kind, text: plainText(message?.body?.content ?? '', message?.body?.contentType), createdAt: message?.createdDateTime ?? undefined };
    const card = await this.guarded(ctx, 'fetchTask', () => this.d.dispatcher.verb(ctx, EXTENSION_VERBS.reportForm, data));
    return dialog(kind === 'incident' ? m.incidentDialog : m.activityDialog, card, linkOf(message));
  }

  /**
   * The dialog's button: the verb it names runs like a card button. A form (errors, the personal-data
   * warning, the store down) comes back in the dialog with the values kept; a saved report is posted
   * into the conversation, linked to the message, and the dialog closes.
   */
  async submitAction(context: TurnContext, ctx: ChatContext, action: MessagingExtensionAction): Promise<Dialog> {
    const m = messages(ctx.locale).extension;
    const raw = (typeof action.data === 'object' && action.data !== null ? action.data : {}) as Record<string, unknown>;
    const { verb, fromMessage, ...values } = raw;
    if (typeof verb !== 'string' || verb === VERBS.cancel) return {};
    const link = typeof fromMessage === 'string' ? fromMessage : linkOf(action.messagePayload);
    const title = verb === VERBS.submitActivity || verb === VERBS.saveActivityEdit ? m.activityDialog : m.incidentDialog;
    const card = await this.guarded(ctx, 'submitAction', () => this.d.dispatcher.verb(ctx, verb, values));
    if (!verbsOf(card).includes(VERBS.openEdit) || verbsOf(card).some((v) => FORM_VERBS.has(v))) return dialog(title, card, link);
    try {
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(withSourceMessage(ctx.locale, card, link))));
      return {};
    } catch (error) {
      this.d.log.error({ err: error instanceof Error ? error.name : 'unknown error' }, 'saved report card from a message action not delivered');
      return dialog(title, notice(m.savedNotPosted, { tone: 'good' }), null);
    }
  }

  /** "Sök rapport": reports of this conversation, as cards to insert into a message. */
  async query(ctx: ChatContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    const m = messages(ctx.locale);
    if (query.commandId !== EXTENSION_COMMANDS.search) return text(m.extension.unsupportedCommand);
    const parameter = query.parameters?.find((p) => p.name === 'query');
    const typed = typeof parameter?.value === 'string' ? parameter.value : '';
    try {
      const found = await this.d.dispatcher.run(ctx, this.d.entries.search, { query: typed });
      if (!found.ok) return text(found.refusal === 'rateLimited' ? m.trust.rateLimited : m.trust[found.refusal]);
      if (found.value.length === 0) return text(m.extension.noResults);
      return {
        composeExtension: {
          type: 'result', attachmentLayout: 'list',
          attachments: found.value.map((r) => ({ ...CardFactory.adaptiveCard(r.card), preview: CardFactory.thumbnailCard(r.preview.title, r.preview.text) })),
        },
      };
    } catch (error) {
      this.d.log.error({ err: error instanceof Error ? error.name : 'unknown error' }, 'report search failed');
      return text(isStoreUnavailable(error) ? m.notice.storeDown : m.notice.unexpected);
    }
  }

  /**
   * A pasted link to a report: the report in brief when it is within the caller's scope. A link to a
   * report elsewhere (another tenant or conversation), or to none, unfolds to nothing, as does a failure.
   */
  async queryLink(ctx: ChatContext, query: AppBasedLinkQuery): Promise<MessagingExtensionResponse> {
    const ref = refOfReportLink(String(query.url ?? ''), this.d.publicBaseUrl());
    if (!ref) return nothing();
    try {
      const found = await this.d.dispatcher.run(ctx, this.d.entries.unfurl, { ref });
      if (!found.ok) return nothing();
      const attachment = { ...CardFactory.adaptiveCard(found.value), preview: CardFactory.thumbnailCard(ref, '') };
      return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [attachment] } };
    } catch (error) {
      this.d.log.warn({ err: error instanceof Error ? error.name : 'unknown error' }, 'report link not unfolded');
      return nothing();
    }
  }

  /** A failure of ours still answers with a card in the dialog; nothing of the message is logged. */
  private async guarded(ctx: ChatContext, step: string, run: () => Promise<AdaptiveCard>): Promise<AdaptiveCard> {
    return run().catch((error: unknown) => {
      this.d.log.error({ step, err: error instanceof Error ? error.name : 'unknown error' }, 'message action failed');
      return notice(messages(ctx.locale).notice.unexpected, { tone: 'attention' });
    });
  }
}

const nothing = (): MessagingExtensionResponse => ({ composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } });
const text = (message: string): MessagingExtensionResponse => ({ composeExtension: { type: 'message', text: message } });

function linkOf(message: MessageActionsPayload | undefined): string | null {
  return typeof message?.linkToMessage === 'string' ? message.linkToMessage : null;
}

/**
 * A card in a dialog: its Action.Execute buttons become Action.Submit (what dialogs send back, as
 * composeExtension/submitAction), each carrying its verb and the link to the message.
 */
export function dialog(title: string, card: AdaptiveCard, link: string | null): Dialog {
  const extra = link ? { fromMessage: link } : {};
  const convert = (action: Record<string, unknown>): Record<string, unknown> => {
    if (action.type !== 'Action.Execute') return action;
    const { verb, data, type: _type, ...rest } = action;
    return { ...rest, type: 'Action.Submit', data: { ...(typeof data === 'object' && data !== null ? data : {}), ...extra, verb } };
  };
  const walk = (element: unknown): unknown => {
    if (Array.isArray(element)) return element.map(walk);
    if (typeof element !== 'object' || element === null) return element;
    const e = element as Record<string, unknown>;
    if (e.type === 'ActionSet' && Array.isArray(e.actions)) return { ...e, actions: e.actions.map((a) => convert(a as Record<string, unknown>)) };
    return Object.fromEntries(Object.entries(e).map(([k, v]) => [k, k === 'items' || k === 'columns' ? walk(v) : v]));
  };
  const { refresh: _refresh, ...rest } = card;
  const converted = {
    ...rest,
    body: walk(card.body),
    ...(card.actions ? { actions: card.actions.map((a) => convert(a as unknown as Record<string, unknown>)) } : {}),
  };
  return { task: { type: 'continue', value: { title, width: 'large', height: 'large', card: CardFactory.adaptiveCard(converted) } } };
}

/** Every verb a card's buttons name (card-level and in action sets, however deep). */
export function verbsOf(card: unknown): string[] {
  const out: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if ((n.type === 'Action.Execute' || n.type === 'Action.Submit') && typeof n.verb === 'string') out.push(n.verb);
    for (const v of Object.values(n)) visit(v);
  };
  visit(card);
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** A Teams message body as plain text: line breaks kept, tags dropped, entities decoded. */
export function plainText(content: string, contentType: string | undefined): string {
  if (contentType !== 'html') return content.trim();
  return content
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|tr)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
      if (code.startsWith('#x') || code.startsWith('#X')) return safeChar(parseInt(code.slice(2), 16), whole);
      if (code.startsWith('#')) return safeChar(parseInt(code.slice(1), 10), whole);
      return ENTITIES[code.toLowerCase()] ?? whole;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function safeChar(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

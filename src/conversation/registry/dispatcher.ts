import type { AdaptiveCard } from '../../cards/card-schema';
import * as cards from '../../cards/report-cards';
import type { AccessPolicy, Target } from '../../domain/access-policy';
import { isStoreUnavailable } from '../../domain/errors';
import type { AuditEntityKind, AuditRepository } from '../../domain/ports/audit.port';
import type { Shares } from '../../domain/ports/card-messages.port';
import type { Clock } from '../../domain/ports/clock.port';
import type { LastSeen } from '../../domain/retention';
import type { MessageFile } from '../../domain/ports/sent-files.port';
import { messages, type Catalogue } from '../../i18n/messages';
import { cardReply, textReply, type ChatContext, type Reply } from '../chat-context';
import { parseCommand } from '../command-parser';
import type { RateLimiter } from '../rate-limiter';
import type { CommandEntry, Registry, VerbEntry } from './entries';
import type { ExtensionEntry } from './extension-entry';

type Entry = VerbEntry | CommandEntry | ExtensionEntry<unknown>;
type Refusal = 'badPayload' | 'unavailable' | 'forbidden';
type Checked = { ok: true; payload: unknown; target: Target } | { ok: false; refusal: Refusal };

/** What a refused user reads: a refusal of a coordinator's right says that only coordinators can. */
function refusalText(m: Catalogue, refusal: Refusal, entry: Entry): string {
  return refusal === 'forbidden' && entry.right === 'coordinator' ? m.trust.forbiddenCoordinator : m.trust[refusal];
}

export interface DispatcherDeps {
  registry: Registry;
  access: Pick<AccessPolicy, 'allows'>;
  audit: AuditRepository;
  clock: Clock;
  limiter?: RateLimiter;
  /** Notes that the user acted (at most once a day), for the retention of profiles. */
  lastSeen?: Pick<LastSeen, 'note'>;
}

/**
 * The one way into the bot's features: parse the payload, load the target within the caller's scope,
 * check the right, and only then run the handler. A refusal never names or describes its target, and
 * "not there" reads the same whether the id never existed or belongs to another conversation or tenant.
 */
export class Dispatcher {
  constructor(private readonly deps: DispatcherDeps) {}

  /** A card button (Action.Execute): the answer is the card that replaces the pressed one. */
  async verb(ctx: ChatContext, verb: string, data: Record<string, unknown>): Promise<AdaptiveCard> {
    const m = messages(ctx.locale);
    if (this.limited(ctx)) return cards.notice(m.trust.rateLimited, { tone: 'attention' });
    const entry = this.deps.registry.verbs.get(verb);
    if (!entry) return cards.notice(m.notice.unknownAction, { tone: 'attention' });
    try {
      const checked = await this.check(ctx, entry, data, verb);
      if (!checked.ok) return cards.notice(refusalText(m, checked.refusal, entry), { tone: 'attention' });
      return await entry.handle({ ctx, payload: checked.payload, target: checked.target });
    } catch (error) {
      if (!isStoreUnavailable(error)) throw error;
      return entry.storeDown ? entry.storeDown(ctx, data) : cards.notice(m.notice.storeDown, { tone: 'attention' });
    }
  }

  /** The kind of item a verb's answer shows, when it declares one (for the shared card). */
  sharesOf(verb: string): Shares | undefined {
    return this.deps.registry.verbs.get(verb)?.shares;
  }

  /**
   * A typed message. Every message gets an answer, never silence. A message that carries a file is an
   * import from the file (`importFile`) whatever its words, which then say which import.
   */
  async command(ctx: ChatContext, text: string, file?: MessageFile): Promise<Reply[]> {
    const m = messages(ctx.locale);
    if (this.limited(ctx)) return [textReply(m.trust.rateLimited)];
    const parsed = parseCommand(text);
    const name = file ? 'importFile' : parsed.name;
    const entry = name === 'unknown' ? undefined : this.deps.registry.commands.get(name);
    if (!entry) return [textReply(m.unknownCommand)];
    try {
      // `text`: the message as sent (lines kept), for a command that reads pasted lines (`löften import`).
      const checked = await this.check(ctx, entry, { args: parsed.args, text, ...(file ? { file } : {}) }, entry.command);
      if (!checked.ok) return [cardReply(cards.notice(refusalText(m, checked.refusal, entry), { tone: 'attention' }))];
      return await entry.handle({ ctx, payload: checked.payload, target: checked.target });
    } catch (error) {
      if (isStoreUnavailable(error)) return [cardReply(cards.notice(m.notice.storeDown, { tone: 'attention' }))];
      throw error;
    }
  }

  /**
   * A message extension entry (search, link unfolding): the same rules as a verb or command; the caller
   * gets the handler's answer or why not, and shows it its own way. Store failures reach the caller.
   */
  async run<R>(ctx: ChatContext, entry: ExtensionEntry<R>, raw: unknown): Promise<{ ok: true; value: R } | { ok: false; refusal: Refusal | 'rateLimited' }> {
    if (this.limited(ctx)) return { ok: false, refusal: 'rateLimited' };
    const checked = await this.check(ctx, entry, raw, entry.name);
    if (!checked.ok) return checked;
    return { ok: true, value: await entry.handle({ ctx, payload: checked.payload, target: checked.target }) };
  }

  private limited(ctx: ChatContext): boolean {
    return this.deps.limiter ? !this.deps.limiter.take(ctx.actor.userId) : false;
  }

  private async check(ctx: ChatContext, entry: Entry, raw: unknown, name: string): Promise<Checked> {
    // Whatever the answer, the user was here; a failure to note it must not fail what they asked.
    await this.deps.lastSeen?.note(ctx.scope, ctx.actor.userId, this.deps.clock.now()).catch(() => undefined);
    const parsed = entry.payload.safeParse(raw);
    if (!parsed.success) return { ok: false, refusal: 'badPayload' };
    const target = await entry.target.load(ctx, parsed.data);
    if (!target) return this.refuse(ctx, entry, name, 'unavailable');
    if (!(await this.deps.access.allows(entry.right, ctx.scope, ctx.actor, target))) return this.refuse(ctx, entry, name, 'forbidden', target);
    return { ok: true, payload: parsed.data, target };
  }

  /** A refused write is recorded in the caller's own tenant: who tried what, never the target's content. */
  private async refuse(ctx: ChatContext, entry: Entry, name: string, refusal: Refusal, target?: Target): Promise<Checked> {
    if (entry.writes) {
      await this.deps.audit.record({
        at: this.deps.clock.now(), tenantId: ctx.scope.tenantId, actorId: ctx.actor.userId, action: 'access.refused',
        ...auditedTarget(target), detail: name,
      });
    }
    return { ok: false, refusal };
  }
}

/** Only what the caller could already see: the kind and id of a target inside its own scope. */
function auditedTarget(target: Target | undefined): { entityKind: AuditEntityKind; entityId: string | null; entityRef: string | null } {
  switch (target?.kind) {
    case 'report': return { entityKind: target.report.kind, entityId: target.report.id, entityRef: target.report.ref };
    case 'hotspot': return { entityKind: 'hotspot', entityId: target.hotspot.id, entityRef: null };
    case 'place': return { entityKind: 'place', entityId: target.place.id, entityRef: null };
    case 'export': return { entityKind: 'export', entityId: target.export.id, entityRef: null };
    case 'estWeek': return { entityKind: 'action', entityId: null, entityRef: null };
    case 'school': return { entityKind: 'school', entityId: target.school.id, entityRef: null };
    default: return { entityKind: 'action', entityId: null, entityRef: null };
  }
}

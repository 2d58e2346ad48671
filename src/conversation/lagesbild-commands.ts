import type { AdaptiveCard } from '../cards/card-schema';
import * as lagesbildCards from '../cards/lagesbild-cards';
import { LAGESBILD_VERBS } from '../cards/lagesbild-verbs';
import type { SubscriptionService } from '../domain/digests/subscription-service';
import { parseSchedule } from '../domain/digests/subscription';
import type { ExportService } from '../domain/lagesbild/export-service';
import type { LagesbildService } from '../domain/lagesbild/lagesbild-service';
import type { AccessPolicy } from '../domain/access-policy';
import type { AuditRepository } from '../domain/ports/audit.port';
import type { Clock } from '../domain/ports/clock.port';
import { parsePeriod, type ParsedPeriod } from '../domain/periods';
import { messages } from '../i18n/messages';
import { cardReply, type ChatContext } from './chat-context';
import type { CardActionRunners, CommandRunners } from './chat-command';

export interface LagesbildFeature {
  subscriptions: SubscriptionService;
  lagesbild: LagesbildService;
  exports: ExportService;
  clock: Clock;
  /** The public addresses of an export's two files. */
  exportUrls(token: string): { csv: string; html: string };
  /** Exports are for coordinators, and each one goes into the audit trail. */
  access: Pick<AccessPolicy, 'isCoordinator'>;
  audit: AuditRepository;
}

/** Each command answers with one card; the card buttons reuse the same answers. */
function answers(f: LagesbildFeature) {
  const zone = f.lagesbild.zone;
  const problem = (ctx: ChatContext, text: string) => lagesbildCards.problem(ctx.locale, text);
  const period = (ctx: ChatContext, args: string, empty: 'thisWeek' | 'lastWeek'): ParsedPeriod =>
    parsePeriod(args, f.clock.now(), zone, empty);
  const periodProblem = (ctx: ChatContext, parsed: Extract<ParsedPeriod, { ok: false }>) =>
    problem(ctx, messages(ctx.locale).lagesbild.periodError[parsed.error]);

  return {
    async subscribe(ctx: ChatContext, args: string): Promise<AdaptiveCard> {
      const parsed = parseSchedule(args);
      if (!parsed.ok) {
        const t = messages(ctx.locale).lagesbild.subscription;
        return problem(ctx, parsed.error === 'invalid_time' ? t.badTime : t.badSchedule);
      }
      const view = await f.subscriptions.subscribe(ctx.origin, ctx.actor.userId, parsed.schedule, ctx.locale);
      return lagesbildCards.subscription(ctx.locale, view, zone, true);
    },
    async subscription(ctx: ChatContext): Promise<AdaptiveCard> {
      return lagesbildCards.subscription(ctx.locale, await f.subscriptions.current(ctx.origin.conversationId), zone);
    },
    async unsubscribe(ctx: ChatContext): Promise<AdaptiveCard> {
      return lagesbildCards.unsubscribed(ctx.locale, await f.subscriptions.unsubscribe(ctx.origin.conversationId));
    },
    async lagesbild(ctx: ChatContext, args: string): Promise<AdaptiveCard> {
      const parsed = period(ctx, args, 'thisWeek');
      if (!parsed.ok) return periodProblem(ctx, parsed);
      return lagesbildCards.lagesbild(ctx.locale, await f.lagesbild.build(ctx.origin, parsed.period));
    },
    async export(ctx: ChatContext, args: string): Promise<AdaptiveCard> {
      const parsed = period(ctx, args, 'lastWeek');
      if (!parsed.ok) return periodProblem(ctx, parsed);
      if (!(await f.access.isCoordinator(ctx.actor.userId))) return problem(ctx, messages(ctx.locale).trust.onlyCoordinators);
      const created = await f.exports.create(ctx.actor, ctx.origin, parsed.period);
      await f.audit.record({
        at: f.clock.now(), tenantId: ctx.origin.tenantId, actorId: ctx.actor.userId, action: 'export.created', entityKind: 'export',
        entityId: created.id, entityRef: null, detail: `${parsed.period.kind} ${parsed.period.from.toISOString().slice(0, 10)}`,
      });
      return lagesbildCards.exportLinks(ctx.locale, parsed.period, f.exportUrls(created.token), created.expiresAt);
    },
  };
}

/** Subscriptions, the on-demand lägesbild and exports as typed commands. */
export function lagesbildCommands(f: LagesbildFeature): CommandRunners {
  const a = answers(f);
  const one = (card: Promise<AdaptiveCard>) => card.then((c) => [cardReply(c)]);
  return {
    subscribe: (ctx, args) => one(a.subscribe(ctx, args)),
    subscription: (ctx) => one(a.subscription(ctx)),
    unsubscribe: (ctx) => one(a.unsubscribe(ctx)),
    lagesbild: (ctx, args) => one(a.lagesbild(ctx, args)),
    export: (ctx, args) => one(a.export(ctx, args)),
  };
}

/** The buttons on the subscription card. */
export function lagesbildActions(f: LagesbildFeature): CardActionRunners {
  const a = answers(f);
  return {
    [LAGESBILD_VERBS.unsubscribe]: (ctx) => a.unsubscribe(ctx),
    [LAGESBILD_VERBS.showNow]: (ctx) => a.lagesbild(ctx, ''),
  };
}

import { z } from 'zod';
import type { AdaptiveCard } from '../cards/card-schema';
import * as lagesbildCards from '../cards/lagesbild-cards';
import * as lawCards from '../cards/law-cards';
import { LAGESBILD_VERBS } from '../cards/lagesbild-verbs';
import { exportAuditDetail } from '../cards/audit-lines';
import { withRefresh } from '../cards/shared-card';
import type { SubscriptionService, SubscriptionView } from '../domain/digests/subscription-service';
import { parseSchedule } from '../domain/digests/subscription';
import type { Target } from '../domain/access-policy';
import type { ExportService } from '../domain/lagesbild/export-service';
import type { LagesbildService } from '../domain/lagesbild/lagesbild-service';
import type { EstService } from '../domain/est/est-service';
import type { LawAnalysisService } from '../domain/annual/law-analysis';
import type { AuditRepository } from '../domain/ports/audit.port';
import type { DigestExportRecord } from '../domain/ports/digest-exports.port';
import type { Clock } from '../domain/ports/clock.port';
import { parsePeriod, periodYear, yearPeriod, type ParsedPeriod, type Period } from '../domain/periods';
import { parseReportYear } from '../domain/annual/annual-report';
import { format, messages } from '../i18n/messages';
import { oneCard, type ChatContext } from './chat-context';
import { command, verb, type CommandEntry, type TargetSpec, type VerbEntry } from './registry/entries';
import { commandArgs, id, nothing } from './registry/payloads';
import { noTarget } from './registry/targets';

export interface LagesbildFeature {
  subscriptions: SubscriptionService;
  lagesbild: LagesbildService;
  exports: ExportService;
  clock: Clock;
  /** The public addresses of an export's files. */
  exportUrls(token: string): lagesbildCards.ExportUrls;
  /** Each export goes into the audit trail. */
  audit: AuditRepository;
  /** Whether the caller is a coordinator of the tenant: only they see the subscription's change buttons. */
  isCoordinator(ctx: ChatContext): Promise<boolean>;
  /** The EST week's priority areas and areas' weeks, shown on the lägesbild asked for in a conversation. */
  est?: Pick<EstService, 'picture'>;
  /** The coordinator's analysis of a year, shown on the lägesbild enligt lag's links card. */
  analyses?: Pick<LawAnalysisService, 'get'>;
}

type ExportTarget = Extract<Target, { kind: 'export' }>;

/** What a yearly document's command says: its title and the answer to a mistyped year. */
type YearCommandWords = { problemTitle: string; title: string; badYear: string };

/** The refresh of an export card names its export, and the yearly document it answers when that is the lägesbild enligt lag. */
const exportRef = z.object({ exportId: id, document: z.enum(['law']).optional() });

/** An export of the caller's tenant and conversation: an id from anywhere else finds nothing. */
const exportTarget = (f: LagesbildFeature): TargetSpec<z.output<typeof exportRef>, ExportTarget> => ({
  kind: 'export',
  load: async (ctx, p) => {
    const record = await f.exports.get(ctx.origin, p.exportId);
    return record ? { kind: 'export', export: record } : null;
  },
});

/** The export's links are for the Teams user who asked (their chat id, which Teams' refresh names). */
const audienceOf = (ctx: ChatContext, exportId: string, document?: 'law'): lagesbildCards.ExportAudience => ({
  exportId, requesterChatId: ctx.actor.chatUserId ?? ctx.actor.userId, requesterName: ctx.actor.name, ...(document ? { document } : {}),
});

/** Each command answers with one card; the card buttons reuse the same answers. */
function answers(f: LagesbildFeature) {
  const zone = f.lagesbild.zone;
  const problem = (ctx: ChatContext, text: string) => lagesbildCards.problem(ctx.locale, text);
  const period = (args: string, empty: 'thisWeek' | 'lastWeek'): ParsedPeriod => parsePeriod(args, f.clock.now(), zone, empty);
  const periodProblem = (ctx: ChatContext, parsed: Extract<ParsedPeriod, { ok: false }>) =>
    problem(ctx, messages(ctx.locale).lagesbild.periodError[parsed.error]);

  /**
   * The subscription card as the channel sees it (no change buttons), with a Universal Actions refresh
   * that gives the coordinator who asked their own view, with "Avsluta prenumeration".
   */
  const subscriptionCard = async (ctx: ChatContext, view: SubscriptionView | null, justSubscribed: boolean): Promise<AdaptiveCard> => {
    const card = lagesbildCards.subscription(ctx.locale, view, zone, justSubscribed, ctx.room);
    const viewers = view && (await f.isCoordinator(ctx)) ? [ctx.actor.chatUserId ?? ''] : [];
    return withRefresh(card, LAGESBILD_VERBS.subscriptionView, {}, viewers);
  };

  /** Records an export and answers with its card; no link in the channel (the requester's refresh shows them). */
  const exportOf = async (ctx: ChatContext, exported: Period, title?: string, document?: 'law'): Promise<AdaptiveCard> => {
    const created = await f.exports.create(ctx.actor, ctx.origin, exported);
    await f.audit.record({
      at: f.clock.now(), tenantId: ctx.origin.tenantId, actorId: ctx.actor.userId, action: 'export.created', entityKind: 'export',
      entityId: created.id, entityRef: null, detail: exportAuditDetail(exported),
    });
    return lagesbildCards.exportReady(ctx.locale, exported, created.expiresAt, audienceOf(ctx, created.id, document), title);
  };

  /** A yearly document's command: the year typed (or this year) as an export titled in the document's words. */
  const yearExport = async (ctx: ChatContext, args: string, words: YearCommandWords, document?: 'law'): Promise<AdaptiveCard> => {
    const year = parseReportYear(args, f.clock.now(), zone);
    if (year === null) return lagesbildCards.problem(ctx.locale, words.badYear, words.problemTitle);
    return exportOf(ctx, yearPeriod(year, zone, f.clock.now()), format(words.title, { year }), document);
  };

  return {
    async subscribe(ctx: ChatContext, args: string): Promise<AdaptiveCard> {
      const parsed = parseSchedule(args);
      if (!parsed.ok) {
        const t = messages(ctx.locale).lagesbild.subscription;
        return problem(ctx, parsed.error === 'invalid_time' ? t.badTime : t.badSchedule);
      }
      const view = await f.subscriptions.subscribe(ctx.origin, ctx.actor.userId, parsed.schedule, ctx.locale);
      return subscriptionCard(ctx, view, true);
    },
    async subscription(ctx: ChatContext): Promise<AdaptiveCard> {
      return subscriptionCard(ctx, await f.subscriptions.current(ctx.origin), false);
    },
    /** The caller's own view of a subscription card: change buttons for a coordinator only. */
    async subscriptionView(ctx: ChatContext): Promise<AdaptiveCard> {
      const view = await f.subscriptions.current(ctx.origin);
      return lagesbildCards.subscription(ctx.locale, view, zone, false, ctx.room, await f.isCoordinator(ctx));
    },
    async unsubscribe(ctx: ChatContext): Promise<AdaptiveCard> {
      return lagesbildCards.unsubscribed(ctx.locale, await f.subscriptions.unsubscribe(ctx.origin), ctx.room);
    },
    async lagesbild(ctx: ChatContext, args: string): Promise<AdaptiveCard> {
      const parsed = period(args, 'thisWeek');
      if (!parsed.ok) return periodProblem(ctx, parsed);
      const [data, est] = await Promise.all([f.lagesbild.build(ctx.origin, parsed.period), f.est?.picture(ctx.origin)]);
      return lagesbildCards.lagesbild(ctx.locale, data, est);
    },
    async export(ctx: ChatContext, args: string): Promise<AdaptiveCard> {
      const parsed = period(args, 'lastWeek');
      if (!parsed.ok) return periodProblem(ctx, parsed);
      return exportOf(ctx, parsed.period);
    },
    /** årsrapport <år>: an export of the calendar year, whose links carry the årsrapport (HTML and Word). */
    annual: (ctx: ChatContext, args: string) => yearExport(ctx, args, messages(ctx.locale).annual.command),
    /**
     * lägesbild enligt lag <år>: an export of the calendar year whose card links the law's document
     * (HTML and Word) and the coordinator's analysis; the year as the årsrapport takes it.
     */
    law: (ctx: ChatContext, args: string) => yearExport(ctx, args, messages(ctx.locale).law.command, 'law'),
    /**
     * The requester's own view of an export card: links minted now (replacing any shown before). The
     * answer goes to the requester's client only; the card in the channel is never updated here.
     */
    async exportLinks(ctx: ChatContext, record: DigestExportRecord, document?: 'law'): Promise<AdaptiveCard> {
      const period = f.exports.period(record);
      const minted = await f.exports.mint(record);
      if (!minted) return lagesbildCards.exportExpired(ctx.locale, period, ctx.room);
      const year = periodYear(period);
      const analysis = document === 'law' && f.analyses ? await f.analyses.get(ctx.origin, year) : null;
      const shown = document === 'law' && f.analyses
        ? { text: lawCards.analysisStatus(ctx.locale, year, analysis, zone), button: lawCards.analysisButton(ctx.locale, year, analysis) } : null;
      return lagesbildCards.exportLinks(ctx.locale, period, f.exportUrls(minted.token), minted.expiresAt, audienceOf(ctx, record.id, document), ctx.room, shown);
    },
  };
}

/**
 * Subscriptions, the on-demand lägesbild and exports as typed commands. Anyone may see the channel's
 * subscription and the lägesbild; only coordinators change or end the subscription, and export.
 */
export function lagesbildCommands(f: LagesbildFeature): CommandEntry[] {
  const a = answers(f);
  const base = { payload: commandArgs, target: noTarget } as const;
  return [
    command({ ...base, command: 'subscribe', right: 'coordinator', writes: true, handle: ({ ctx, payload }) => oneCard(a.subscribe(ctx, payload.args)) }),
    command({ ...base, command: 'subscription', right: 'member', writes: false, handle: ({ ctx }) => oneCard(a.subscription(ctx)) }),
    command({ ...base, command: 'unsubscribe', right: 'coordinator', writes: true, handle: ({ ctx }) => oneCard(a.unsubscribe(ctx)) }),
    command({ ...base, command: 'lagesbild', right: 'member', writes: false, handle: ({ ctx, payload }) => oneCard(a.lagesbild(ctx, payload.args)) }),
    command({ ...base, command: 'export', right: 'coordinator', writes: true, handle: ({ ctx, payload }) => oneCard(a.export(ctx, payload.args)) }),
    command({ ...base, command: 'annual', right: 'coordinator', writes: true, handle: ({ ctx, payload }) => oneCard(a.annual(ctx, payload.args)) }),
    command({ ...base, command: 'lawLagesbild', right: 'coordinator', writes: true, handle: ({ ctx, payload }) => oneCard(a.law(ctx, payload.args)) }),
  ];
}

/** The buttons on the subscription card and its refresh, and the refresh of an export card (its requester only). */
export function lagesbildVerbs(f: LagesbildFeature): VerbEntry[] {
  const a = answers(f);
  return [
    verb({
      verb: LAGESBILD_VERBS.exportLinks, payload: exportRef, target: exportTarget(f), right: 'export.requester', writes: true,
      handle: ({ ctx, payload, target }) => a.exportLinks(ctx, target.export, payload.document),
    }),
    verb({ verb: LAGESBILD_VERBS.unsubscribe, payload: nothing, target: noTarget, right: 'coordinator', writes: true, handle: ({ ctx }) => a.unsubscribe(ctx) }),
    verb({
      verb: LAGESBILD_VERBS.subscriptionView, payload: nothing, target: noTarget, right: 'member', writes: false,
      handle: ({ ctx }) => a.subscriptionView(ctx),
    }),
    verb({ verb: LAGESBILD_VERBS.showNow, payload: nothing, target: noTarget, right: 'member', writes: false, handle: ({ ctx }) => a.lagesbild(ctx, '') }),
  ];
}

import * as cards from '../cards/report-cards';
import type { ReportingService } from '../domain/reporting-service';
import { cardReply } from './chat-context';
import type { CommandRunners } from './chat-command';
import type { ReportViews } from './report-views';

/** The reporting commands every installation has: help, report, activity, latest. */
export function coreCommands(reporting: ReportingService, views: ReportViews): CommandRunners {
  return {
    help: async (ctx) => [cardReply(cards.help(ctx.locale))],
    report: async (ctx) => [cardReply(await views.newForm('incident', ctx.locale, ctx.actor.userId))],
    activity: async (ctx) => [cardReply(await views.newForm('activity', ctx.locale, ctx.actor.userId))],
    latest: async (ctx) => [cardReply(cards.latestReports(ctx.locale, await reporting.latest(ctx.origin.conversationId)))],
  };
}

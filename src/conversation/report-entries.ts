import type { AdaptiveCard } from '../cards/card-schema';
import * as cards from '../cards/report-cards';
import { VERBS } from '../cards/verbs';
import {
  activityErrorsOnCard, incidentErrorsOnCard, readActivityForm, readIncidentForm, type ActivityForm, type IncidentForm,
} from '../cards/forms/report-forms';
import type { FieldErrors } from '../domain/form-fields';
import type { Report, ReportKind } from '../domain/report';
import type { Outcome, Refusal, ReportingService } from '../domain/reporting-service';
import { REPORT_STATUSES } from '../domain/vocabulary';
import { format, messages } from '../i18n/messages';
import { z } from 'zod';
import { ACTIVITY_FIELDS, INCIDENT_FIELDS } from '../cards/report-cards';
import { cardReply, textReply, type ChatContext } from './chat-context';
import { parseLatestArgs } from './latest-args';
import { activityFormFrom, incidentFormFrom } from './form-values';
import { command, verb, type CommandEntry, type VerbEntry } from './registry/entries';
import { commandArgs, flag, formOf, id, nothing, reportRef, reportVersion, submitKey, typed, version } from './registry/payloads';
import { noTarget, type Targets } from './registry/targets';
import type { ReportViews } from './report-views';

const privacy = { maskingConfirmed: flag, submitKey };
const incidentSubmit = formOf(INCIDENT_FIELDS).extend(privacy);
const activitySubmit = formOf(ACTIVITY_FIELDS).extend(privacy);
const editing = { kind: z.enum(['incident', 'activity']).optional(), id, version, ref: z.string().max(40).default('') };

type Deps = { reporting: ReportingService; views: ReportViews; targets: Targets };
type Edit = { id: string; version: number; ref: string };

/** The reporting verbs: forms, submit, edit, status, "I'll take it", show. */
export function reportVerbs({ reporting, views, targets }: Deps): VerbEntry[] {
  const formResult = <K extends string>(
    ctx: ChatContext, kind: ReportKind, form: IncidentForm | ActivityForm, outcome: Outcome<Report, K>,
    onCard: (errors: FieldErrors<K>) => FieldErrors<string>, edit?: Edit, key?: string,
  ): Promise<AdaptiveCard> | AdaptiveCard => {
    if (outcome.ok) return savedCard(ctx, outcome.report, edit ? 'updated' : 'saved');
    // Drawn again with the key it was submitted with: nothing was saved under it, and the next press may be a repeat.
    const again = { values: form as Partial<Record<string, string>>, ...(edit ? { editing: edit } : {}), ...(key ? { submitKey: key } : {}) };
    if (outcome.reason === 'invalid') return views.form(kind, ctx, { ...again, errors: onCard(outcome.errors) });
    if (outcome.reason === 'personal_data') return views.form(kind, ctx, { ...again, personalData: outcome.findings });
    return afterRefusal(ctx, outcome.reason, outcome.current);
  };
  /** A card whose values cannot be read comes back with every error at its field, before any use case runs. */
  const unreadable = (ctx: ChatContext, kind: ReportKind, form: IncidentForm | ActivityForm, errors: FieldErrors<string>, edit?: Edit, key?: string) =>
    views.form(kind, ctx, { values: form as Partial<Record<string, string>>, errors, ...(edit ? { editing: edit } : {}), ...(key ? { submitKey: key } : {}) });
  const now = () => views.now();
  const zone = reporting.timeZone;

  /**
   * Whatever the user typed comes back in the same form with the "try again" banner, and with the same
   * submit key: should the save have gone through after all, pressing again answers with that report.
   */
  const storeDown = (kind: ReportKind) => async (ctx: ChatContext, raw: Record<string, unknown>) => {
    const values = (kind === 'incident' ? incidentFormFrom(raw) : activityFormFrom(raw)) as Partial<Record<string, string>>;
    const edit = typeof raw.id === 'string' ? { id: raw.id, version: Number(raw.version ?? -1), ref: String(raw.ref ?? '') } : undefined;
    const key = submitKey.parse(raw.submitKey);
    return views.form(kind, ctx, { values, storeDown: true, ...(edit ? { editing: edit } : {}), ...(key ? { submitKey: key } : {}) });
  };

  return [
    verb({ verb: VERBS.openIncidentForm, payload: nothing, target: noTarget, right: 'member', writes: false, handle: ({ ctx }) => views.newForm('incident', ctx) }),
    verb({ verb: VERBS.openActivityForm, payload: nothing, target: noTarget, right: 'member', writes: false, handle: ({ ctx }) => views.newForm('activity', ctx) }),
    verb({ verb: VERBS.showHelp, payload: nothing, target: noTarget, right: 'member', writes: false, handle: async ({ ctx }) => cards.help(ctx.locale, ctx.room) }),
    verb({ verb: VERBS.cancel, payload: nothing, target: noTarget, right: 'member', writes: false, handle: async ({ ctx }) => cards.notice(messages(ctx.locale).notice.cancelled) }),
    verb({
      verb: VERBS.showLatest, payload: nothing, target: noTarget, right: 'member', writes: false,
      handle: async ({ ctx }) => cards.latestReports(ctx.locale, await reporting.latest(ctx.scope), ctx.room),
    }),
    verb({
      verb: VERBS.submitIncident, payload: incidentSubmit, target: noTarget, right: 'member', writes: true, shares: 'report', storeDown: storeDown('incident'),
      handle: async ({ ctx, payload }) => {
        const form = incidentFormFrom(payload);
        const read = readIncidentForm(form, zone, now());
        if (!read.ok) return unreadable(ctx, 'incident', form, read.errors, undefined, payload.submitKey);
        const outcome = await reporting.submitIncident(ctx.actor, ctx.origin, read.draft, { maskingConfirmed: payload.maskingConfirmed === true }, payload.submitKey);
        return formResult(ctx, 'incident', form, outcome, (e) => incidentErrorsOnCard(e, form), undefined, payload.submitKey);
      },
    }),
    verb({
      verb: VERBS.submitActivity, payload: activitySubmit, target: noTarget, right: 'member', writes: true, shares: 'report', storeDown: storeDown('activity'),
      handle: async ({ ctx, payload }) => {
        const form = activityFormFrom(payload);
        const read = readActivityForm(form, now());
        if (!read.ok) return unreadable(ctx, 'activity', form, read.errors, undefined, payload.submitKey);
        const outcome = await reporting.submitActivity(ctx.actor, ctx.origin, read.draft, { maskingConfirmed: payload.maskingConfirmed === true }, payload.submitKey);
        return formResult(ctx, 'activity', form, outcome, (e) => activityErrorsOnCard(e, form), undefined, payload.submitKey);
      },
    }),
    verb({
      verb: VERBS.saveIncidentEdit, payload: incidentSubmit.extend(editing).transform((p) => ({ ...p, kind: 'incident' as const })),
      target: targets.report(), right: 'report.edit', writes: true, shares: 'report', storeDown: storeDown('incident'),
      handle: async ({ ctx, payload, target }) => {
        const form = incidentFormFrom(payload);
        const edit = { id: payload.id, version: payload.version, ref: target.report.ref };
        if (target.report.kind !== 'incident') return cards.notice(messages(ctx.locale).trust.unavailable, { tone: 'attention' });
        const read = readIncidentForm(form, zone, now());
        if (!read.ok) return unreadable(ctx, 'incident', form, read.errors, edit);
        const outcome = await reporting.editIncident(ctx.actor, ctx.scope, target.report, payload.version, read.draft, { maskingConfirmed: payload.maskingConfirmed === true });
        return formResult(ctx, 'incident', form, outcome, (e) => incidentErrorsOnCard(e, form), edit);
      },
    }),
    verb({
      verb: VERBS.saveActivityEdit, payload: activitySubmit.extend(editing).transform((p) => ({ ...p, kind: 'activity' as const })),
      target: targets.report(), right: 'report.edit', writes: true, shares: 'report', storeDown: storeDown('activity'),
      handle: async ({ ctx, payload, target }) => {
        const form = activityFormFrom(payload);
        const edit = { id: payload.id, version: payload.version, ref: target.report.ref };
        if (target.report.kind !== 'activity') return cards.notice(messages(ctx.locale).trust.unavailable, { tone: 'attention' });
        const read = readActivityForm(form, now());
        if (!read.ok) return unreadable(ctx, 'activity', form, read.errors, edit);
        const outcome = await reporting.editActivity(ctx.actor, ctx.scope, target.report, payload.version, read.draft, { maskingConfirmed: payload.maskingConfirmed === true });
        return formResult(ctx, 'activity', form, outcome, (e) => activityErrorsOnCard(e, form), edit);
      },
    }),
    verb({
      verb: VERBS.openEdit, payload: reportRef, target: targets.report(), right: 'report.edit', writes: false,
      handle: ({ ctx, target }) => views.editForm(ctx, target.report),
    }),
    verb({
      verb: VERBS.setStatus, payload: reportVersion.extend({ status: z.enum(REPORT_STATUSES) }), target: targets.report(), right: 'report.work', writes: true, shares: 'report',
      handle: async ({ ctx, payload, target }) => {
        const outcome = await reporting.changeStatus(ctx.actor, ctx.scope, target.report, payload.version, payload.status);
        // "Markera som åtgärdad" asks what was done before anything changes.
        if (!outcome.ok && outcome.reason === 'needs_resolution' && target.report.kind === 'incident') return cards.closeReportForm(ctx.locale, target.report);
        return afterChange(ctx, outcome);
      },
    }),
    verb({
      verb: VERBS.closeReport, payload: reportVersion.extend({ resolution: typed, maskingConfirmed: flag }), target: targets.report(), right: 'report.work', writes: true, shares: 'report',
      handle: async ({ ctx, payload, target }) => {
        const outcome = await reporting.close(ctx.actor, ctx.scope, target.report, payload.version, payload.resolution ?? null, { maskingConfirmed: payload.maskingConfirmed === true });
        if (outcome.ok || target.report.kind !== 'incident') return afterChange(ctx, outcome);
        // The answer typed stays in the form, whatever was wrong with it.
        const typedAnswer = payload.resolution ?? '';
        if (outcome.reason === 'invalid') return cards.closeReportForm(ctx.locale, target.report, { typed: typedAnswer, ...(outcome.errors.resolution ? { error: outcome.errors.resolution } : {}) });
        if (outcome.reason === 'personal_data') return cards.closeReportForm(ctx.locale, target.report, { typed: typedAnswer, personalData: outcome.findings });
        // Changed meanwhile but still open: asked again on the latest version, the answer kept.
        const latest = outcome.current;
        if (outcome.reason === 'conflict' && latest?.kind === 'incident' && latest.status === 'hanteras') {
          return cards.closeReportForm(ctx.locale, latest, { typed: typedAnswer, warning: messages(ctx.locale).notice.conflict });
        }
        return afterChange(ctx, outcome);
      },
    }),
    verb({
      verb: VERBS.assignToMe, payload: reportVersion, target: targets.report(), right: 'report.work', writes: true, shares: 'report',
      handle: async ({ ctx, payload, target }) => afterChange(ctx, await reporting.assignToMe(ctx.actor, ctx.scope, target.report, payload.version)),
    }),
    verb({
      verb: VERBS.markFollowUpDone, payload: reportVersion, target: targets.report(), right: 'report.work', writes: true, shares: 'report',
      handle: async ({ ctx, payload, target }) => afterChange(ctx, await reporting.markFollowUpDone(ctx.actor, ctx.scope, target.report, payload.version)),
    }),
    verb({
      verb: VERBS.showReport, payload: reportRef, target: targets.report(), right: 'member', writes: false,
      handle: async ({ ctx, target }) => cards.savedReport(ctx.locale, target.report, 'none'),
    }),
  ];
}

/** The reporting commands every installation has: help, report, activity, latest. */
export function reportCommands({ reporting, views }: Deps): CommandEntry[] {
  return [
    command({ command: 'help', payload: commandArgs, target: noTarget, right: 'member', writes: false, handle: async ({ ctx }) => [cardReply(cards.help(ctx.locale, ctx.room))] }),
    command({ command: 'report', payload: commandArgs, target: noTarget, right: 'member', writes: false, handle: async ({ ctx }) => [cardReply(await views.newForm('incident', ctx))] }),
    command({ command: 'activity', payload: commandArgs, target: noTarget, right: 'member', writes: false, handle: async ({ ctx }) => [cardReply(await views.newForm('activity', ctx))] }),
    command({
      command: 'latest', payload: commandArgs, target: noTarget, right: 'member', writes: false,
      // "senaste öppna", "senaste mina", "senaste skola Ängsskolan": narrowed in the store query, within the caller's scope.
      handle: async ({ ctx, payload }) => {
        const query = parseLatestArgs(payload.args, ctx.actor.userId);
        if (!query) return [textReply(messages(ctx.locale, ctx.room).latest.unknownFilter)];
        return [cardReply(cards.latestReports(ctx.locale, await reporting.latest(ctx.scope, query), ctx.room, query))];
      },
    }),
  ];
}

/**
 * The saved report's card, or, should drawing it fail, a plain "saved as H-…": once the report is saved
 * the answer must never read like a failure (a retry from a new form would save it twice).
 */
function savedCard(ctx: ChatContext, report: Report, note: 'saved' | 'updated'): AdaptiveCard {
  try {
    return cards.savedReport(ctx.locale, report, note);
  } catch {
    return cards.notice(format(messages(ctx.locale).notice.savedAs, { ref: report.ref }), { tone: 'good' });
  }
}

function afterChange<K extends string>(ctx: ChatContext, outcome: Outcome<Report, K>): AdaptiveCard {
  if (outcome.ok) return cards.savedReport(ctx.locale, outcome.report, 'updated');
  if (outcome.reason === 'invalid' || outcome.reason === 'personal_data') return cards.notice(messages(ctx.locale).form.fixErrors, { tone: 'attention' });
  return afterRefusal(ctx, outcome.reason, outcome.current);
}

/**
 * Within the caller's scope and right: a conflict or a wrong step keeps the report in view so the user
 * can go on from it. A report gone meanwhile reads like any unavailable item.
 */
function afterRefusal(ctx: ChatContext, reason: Refusal, current: Report | null): AdaptiveCard {
  const m = messages(ctx.locale);
  if (reason === 'missing' || !current) return cards.notice(m.trust.unavailable, { tone: 'attention' });
  return cards.savedReport(ctx.locale, current, 'none', m.notice[reason]);
}

import type { AdaptiveCard } from '../cards/card-schema';
import * as cards from '../cards/report-cards';
import { VERBS } from '../cards/verbs';
import { isStoreUnavailable } from '../domain/errors';
import type { Report, ReportKind } from '../domain/report';
import type { Outcome, ReportingService } from '../domain/reporting-service';
import { isOneOf, REPORT_STATUSES } from '../domain/vocabulary';
import { messages, type Locale } from '../i18n/messages';
import type { ChatContext } from './chat-context';
import type { CardActionRunners } from './chat-command';
import { activityFormFrom, incidentFormFrom } from './form-values';
import type { ReportViews } from './report-views';

type Data = Record<string, unknown>;

/** A button press on a card (Action.Execute). The answer is the card that replaces it in place. */
export class ActionHandler {
  /** `features` answer the verbs of other parts of the bot (digests, hot spots, …). */
  constructor(private readonly reporting: ReportingService, private readonly views: ReportViews, private readonly features: CardActionRunners = {}) {}

  async handle(ctx: ChatContext, verb: string, data: Data): Promise<AdaptiveCard> {
    try {
      return await this.route(ctx, verb, data);
    } catch (error) {
      if (!isStoreUnavailable(error)) throw error;
      return this.storeDown(ctx.locale, verb, data);
    }
  }

  private async route(ctx: ChatContext, verb: string, data: Data): Promise<AdaptiveCard> {
    const { locale, actor, origin } = ctx;
    switch (verb) {
      case VERBS.openIncidentForm: return this.views.newForm('incident', locale, actor.userId);
      case VERBS.openActivityForm: return this.views.newForm('activity', locale, actor.userId);
      case VERBS.showHelp: return cards.help(locale);
      case VERBS.showLatest: return cards.latestReports(locale, await this.reporting.latest(origin.conversationId));
      case VERBS.cancel: return cards.notice(messages(locale).notice.cancelled);
      case VERBS.submitIncident: {
        const form = incidentFormFrom(data);
        const outcome = await this.reporting.submitIncident(actor, origin, form);
        return outcome.ok ? cards.savedReport(locale, outcome.report, 'saved') : this.views.incidentForm(locale, { values: form, errors: errorsOf(outcome) });
      }
      case VERBS.submitActivity: {
        const form = activityFormFrom(data);
        const outcome = await this.reporting.submitActivity(actor, origin, form);
        return outcome.ok ? cards.savedReport(locale, outcome.report, 'saved') : this.views.activityForm(locale, { values: form, errors: errorsOf(outcome) });
      }
      case VERBS.saveIncidentEdit: {
        const form = incidentFormFrom(data);
        const target = reportTarget(data);
        const outcome = await this.reporting.editIncident(actor, target.id, target.version, form);
        if (outcome.ok || outcome.reason !== 'invalid') return this.afterChange(locale, outcome, 'updated');
        return this.views.incidentForm(locale, { values: form, errors: outcome.errors, editing: { ...target, ref: String(data.ref ?? '') } });
      }
      case VERBS.saveActivityEdit: {
        const form = activityFormFrom(data);
        const target = reportTarget(data);
        const outcome = await this.reporting.editActivity(actor, target.id, target.version, form);
        if (outcome.ok || outcome.reason !== 'invalid') return this.afterChange(locale, outcome, 'updated');
        return this.views.activityForm(locale, { values: form, errors: outcome.errors, editing: { ...target, ref: String(data.ref ?? '') } });
      }
      case VERBS.openEdit: {
        const report = await this.reporting.get(kindOf(data), String(data.id ?? ''));
        if (!report) return this.refusal(locale, 'missing', null);
        if (!(await this.reporting.mayEdit(actor, report))) return this.refusal(locale, 'forbidden', report);
        return this.views.editForm(locale, report);
      }
      case VERBS.setStatus: {
        const target = reportTarget(data);
        const status = isOneOf(REPORT_STATUSES, data.status) ? data.status : null;
        if (!status) return this.refusal(locale, 'invalid_transition', await this.reporting.get(target.kind, target.id));
        return this.afterChange(locale, await this.reporting.changeStatus(target.kind, target.id, target.version, status), 'updated');
      }
      case VERBS.assignToMe: {
        const target = reportTarget(data);
        return this.afterChange(locale, await this.reporting.assignToMe(actor, target.kind, target.id, target.version), 'updated');
      }
      case VERBS.showReport: {
        const report = await this.reporting.get(kindOf(data), String(data.id ?? ''));
        return report ? cards.savedReport(locale, report, 'none') : this.refusal(locale, 'missing', null);
      }
      default: {
        const feature = Object.hasOwn(this.features, verb) ? this.features[verb] : undefined;
        return feature ? feature(ctx, data) : cards.notice(messages(locale).notice.unknownAction, { tone: 'attention' });
      }
    }
  }

  private afterChange(locale: Locale, outcome: Outcome<Report, string>, note: 'updated'): AdaptiveCard {
    if (outcome.ok) return cards.savedReport(locale, outcome.report, note);
    if (outcome.reason === 'invalid') return cards.notice(messages(locale).form.fixErrors, { tone: 'attention' });
    return this.refusal(locale, outcome.reason, outcome.current);
  }

  /** A refusal keeps the report in view when there still is one, so the user can go on from it. */
  private refusal(locale: Locale, reason: 'missing' | 'conflict' | 'forbidden' | 'invalid_transition', current: Report | null): AdaptiveCard {
    const text = messages(locale).notice[reason];
    if (!current) return cards.notice(text, { tone: 'attention' });
    return cards.savedReport(locale, current, 'none', text);
  }

  /** Whatever the user typed comes back in the same form with the "try again" banner. */
  private async storeDown(locale: Locale, verb: string, data: Data): Promise<AdaptiveCard> {
    const editing = typeof data.id === 'string' ? { ...reportTarget(data), ref: String(data.ref ?? '') } : undefined;
    if (verb === VERBS.submitIncident || verb === VERBS.saveIncidentEdit) {
      return this.views.incidentForm(locale, { values: incidentFormFrom(data), storeDown: true, ...(editing ? { editing } : {}) });
    }
    if (verb === VERBS.submitActivity || verb === VERBS.saveActivityEdit) {
      return this.views.activityForm(locale, { values: activityFormFrom(data), storeDown: true, ...(editing ? { editing } : {}) });
    }
    return cards.notice(messages(locale).notice.storeDown, { tone: 'attention' });
  }
}

function kindOf(data: Data): ReportKind {
  return data.kind === 'activity' ? 'activity' : 'incident';
}

function reportTarget(data: Data): { kind: ReportKind; id: string; version: number } {
  return { kind: kindOf(data), id: String(data.id ?? ''), version: Number(data.version ?? -1) };
}

function errorsOf<K extends string>(outcome: Outcome<unknown, K>) {
  return !outcome.ok && outcome.reason === 'invalid' ? outcome.errors : {};
}

import type { AdaptiveCard } from '../cards/card-schema';
import * as cards from '../cards/report-cards';
import { VERBS } from '../cards/verbs';
import { isStoreUnavailable } from '../domain/errors';
import type { ActivityForm } from '../domain/activity-form';
import type { IncidentForm } from '../domain/incident-form';
import type { Report, ReportKind } from '../domain/report';
import type { Outcome, PrivacyChoice, ReportingService } from '../domain/reporting-service';
import { isOneOf, REPORT_STATUSES } from '../domain/vocabulary';
import { messages, type Locale } from '../i18n/messages';
import type { ChatContext } from './chat-context';
import type { CardActionRunners } from './chat-command';
import type { RateLimiter } from './rate-limiter';
import { activityFormFrom, incidentFormFrom } from './form-values';
import type { ReportViews } from './report-views';

type Data = Record<string, unknown>;

/** A button press on a card (Action.Execute). The answer is the card that replaces it in place. */
export class ActionHandler {
  /** `features` answer the verbs of other parts of the bot (digests, hot spots, …). */
  constructor(
    private readonly reporting: ReportingService,
    private readonly views: ReportViews,
    private readonly features: CardActionRunners = {},
    private readonly limiter?: RateLimiter,
  ) {}

  async handle(ctx: ChatContext, verb: string, data: Data): Promise<AdaptiveCard> {
    if (this.limiter && !this.limiter.take(ctx.actor.userId)) return cards.notice(messages(ctx.locale).trust.rateLimited, { tone: 'attention' });
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
        return this.formResult(locale, 'incident', form, await this.reporting.submitIncident(actor, origin, form, privacyOf(data)));
      }
      case VERBS.submitActivity: {
        const form = activityFormFrom(data);
        return this.formResult(locale, 'activity', form, await this.reporting.submitActivity(actor, origin, form, privacyOf(data)));
      }
      case VERBS.saveIncidentEdit: {
        const form = incidentFormFrom(data);
        const t = reportTarget(data);
        return this.formResult(locale, 'incident', form, await this.reporting.editIncident(actor, t.id, t.version, form, privacyOf(data)), editingOf(data));
      }
      case VERBS.saveActivityEdit: {
        const form = activityFormFrom(data);
        const t = reportTarget(data);
        return this.formResult(locale, 'activity', form, await this.reporting.editActivity(actor, t.id, t.version, form, privacyOf(data)), editingOf(data));
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
        return this.afterChange(locale, await this.reporting.changeStatus(actor, target.kind, target.id, target.version, status), 'updated');
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

  /**
   * After a form submit: the saved report, or the same form again with everything typed kept and
   * either each error at its field or the personal-data warning.
   */
  private formResult(
    locale: Locale, kind: ReportKind, form: IncidentForm | ActivityForm, outcome: Outcome<Report, string>,
    editing?: { id: string; version: number; ref: string },
  ): Promise<AdaptiveCard> | AdaptiveCard {
    if (outcome.ok) return cards.savedReport(locale, outcome.report, editing ? 'updated' : 'saved');
    const again = { values: form as Partial<Record<string, string>>, ...(editing ? { editing } : {}) };
    if (outcome.reason === 'invalid') return this.views.form(kind, locale, { ...again, errors: outcome.errors });
    if (outcome.reason === 'personal_data') return this.views.form(kind, locale, { ...again, personalData: outcome.findings });
    return this.refusal(locale, outcome.reason, outcome.current);
  }

  private afterChange(locale: Locale, outcome: Outcome<Report, string>, note: 'updated'): AdaptiveCard {
    if (outcome.ok) return cards.savedReport(locale, outcome.report, note);
    if (outcome.reason === 'invalid' || outcome.reason === 'personal_data') return cards.notice(messages(locale).form.fixErrors, { tone: 'attention' });
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
    const kind = FORM_VERBS[verb];
    if (!kind) return cards.notice(messages(locale).notice.storeDown, { tone: 'attention' });
    const values = (kind === 'incident' ? incidentFormFrom(data) : activityFormFrom(data)) as Partial<Record<string, string>>;
    const editing = editingOf(data);
    return this.views.form(kind, locale, { values, storeDown: true, ...(editing ? { editing } : {}) });
  }
}

const FORM_VERBS: Record<string, ReportKind> = {
  [VERBS.submitIncident]: 'incident', [VERBS.saveIncidentEdit]: 'incident',
  [VERBS.submitActivity]: 'activity', [VERBS.saveActivityEdit]: 'activity',
};

function privacyOf(data: Data): PrivacyChoice {
  return { maskingConfirmed: data.maskingConfirmed === true || data.maskingConfirmed === 'true' };
}

function editingOf(data: Data): { id: string; version: number; ref: string } | undefined {
  return typeof data.id === 'string' ? { id: data.id, version: Number(data.version ?? -1), ref: String(data.ref ?? '') } : undefined;
}

function kindOf(data: Data): ReportKind {
  return data.kind === 'activity' ? 'activity' : 'incident';
}

function reportTarget(data: Data): { kind: ReportKind; id: string; version: number } {
  return { kind: kindOf(data), id: String(data.id ?? ''), version: Number(data.version ?? -1) };
}

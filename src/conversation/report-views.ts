import type { AdaptiveCard } from '../cards/card-schema';
import * as cards from '../cards/report-cards';
import type { ActivityFormField } from '../domain/activity-form';
import type { FieldErrors } from '../domain/form-fields';
import type { IncidentFormField } from '../domain/incident-form';
import type { PersonalDataFinding } from '../domain/privacy/personal-data-guard';
import type { Report, ReportKind } from '../domain/report';
import type { ReportingService } from '../domain/reporting-service';
import type { Locale } from '../i18n/messages';
import { activityValues, incidentValues, newActivityValues, newIncidentValues } from './form-values';

// The forms as the conversation shows them: fresh (with the reporter's defaults), for editing a
// report, or again after a failed submit with everything the user typed.

export interface FormReturn<F extends string> {
  values: Partial<Record<F, string>>;
  errors?: FieldErrors<F>;
  storeDown?: boolean;
  personalData?: PersonalDataFinding[];
  editing?: { ref: string; id: string; version: number };
}

export class ReportViews {
  constructor(private readonly reporting: ReportingService, private readonly now: () => Date) {}

  async newForm(kind: ReportKind, locale: Locale, userId: string): Promise<AdaptiveCard> {
    const defaults = await this.reporting.defaultsFor(userId);
    const zone = this.reporting.timeZone;
    return kind === 'incident'
      ? this.incidentForm(locale, { values: newIncidentValues(this.now(), zone, defaults) })
      : this.activityForm(locale, { values: newActivityValues(this.now(), zone, defaults) });
  }

  editForm(locale: Locale, report: Report): Promise<AdaptiveCard> {
    const editing = { ref: report.ref, id: report.id, version: report.version };
    return report.kind === 'incident'
      ? this.incidentForm(locale, { values: incidentValues(report, this.reporting.timeZone), editing })
      : this.activityForm(locale, { values: activityValues(report), editing });
  }

  /** A form of either kind; for flows that treat both alike. Unknown field names are dropped by each form. */
  form(kind: ReportKind, locale: Locale, state: FormReturn<string>): Promise<AdaptiveCard> {
    return kind === 'incident' ? this.incidentForm(locale, state as FormReturn<IncidentFormField>) : this.activityForm(locale, state as FormReturn<ActivityFormField>);
  }

  /** The place list is a nicety: when the store is down the form still opens, with the input kept. */
  async incidentForm(locale: Locale, state: FormReturn<IncidentFormField>): Promise<AdaptiveCard> {
    return cards.incidentForm(locale, { ...state, places: await this.places(state.storeDown) });
  }

  async activityForm(locale: Locale, state: FormReturn<ActivityFormField>): Promise<AdaptiveCard> {
    return cards.activityForm(locale, { ...state, places: await this.places(state.storeDown) });
  }

  private async places(storeDown = false) {
    if (storeDown) return [];
    return this.reporting.placeChoices().catch(() => []);
  }
}

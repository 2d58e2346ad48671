import type { AdaptiveCard } from '../cards/card-schema';
import * as cards from '../cards/report-cards';
import type { FieldErrors } from '../domain/form-fields';
import type { ActivityFormField, IncidentFormField } from '../cards/forms/report-forms';
import type { PersonalDataFinding } from '../domain/privacy/personal-data-guard';
import type { Report, ReportKind } from '../domain/report';
import type { ReportingService } from '../domain/reporting-service';
import type { Actor } from '../domain/actor';
import type { TenantScope } from '../domain/scope';
import type { Organisation } from '../domain/vocabulary';
import type { Locale } from '../i18n/messages';
import { obviousCommitment, type CommitmentChoice } from '../domain/promises/promise-register';
import { activityValues, incidentValues, newActivityValues, newIncidentValues } from './form-values';
import type { School } from '../domain/schools/school';

// The forms as the conversation shows them: fresh (with the reporter's defaults), for editing a
// report, or again after a failed submit with everything the user typed.

export interface FormReturn<F extends string> {
  values: Partial<Record<F, string>>;
  errors?: FieldErrors<F>;
  storeDown?: boolean;
  personalData?: PersonalDataFinding[];
  editing?: { ref: string; id: string; version: number };
  /** The submit key of the card being drawn again (a new form gets a new one). */
  submitKey?: string;
}

/** Who the form is for: its language, the tenant whose places it offers, and the reporter. */
export interface Viewer {
  locale: Locale;
  scope: TenantScope;
  actor: Actor;
}

/**
 * The incident card asks for the register's school and "orosanmälan gjord" when the reporter is Skola,
 * the place is a school's place, or a school is already chosen (issue 11).
 */
export function asksForSchool(values: Partial<Record<IncidentFormField, string>>, schools: readonly School[]): boolean {
  if (values.organisation === 'skola' || (values.schoolId ?? '') !== '') return true;
  return values.placeId !== undefined && schools.some((s) => s.placeId === values.placeId);
}

export class ReportViews {
  constructor(
    private readonly reporting: ReportingService,
    readonly now: () => Date,
    /** The commitments (medborgarlöften) an activity logged now can serve; none when not given. */
    private readonly commitments: (scope: TenantScope, keep?: string) => Promise<CommitmentChoice[]> = async () => [],
  ) {}

  /** A fresh form with the reporter's defaults; `preset` fills what the flow already knows (a walk's finding). */
  async newForm(kind: ReportKind, viewer: Viewer, preset: Partial<Record<IncidentFormField | ActivityFormField, string>> = {}): Promise<AdaptiveCard> {
    const defaults = await this.reporting.defaultsFor(viewer.scope, viewer.actor);
    const zone = this.reporting.timeZone;
    return kind === 'incident'
      ? this.incidentForm(viewer, { values: { ...newIncidentValues(this.now(), zone, defaults), ...preset } })
      : this.activityForm(viewer, { values: { ...newActivityValues(this.now(), zone, defaults), ...preset } }, true);
  }

  editForm(viewer: Viewer, report: Report): Promise<AdaptiveCard> {
    const editing = { ref: report.ref, id: report.id, version: report.version };
    return report.kind === 'incident'
      ? this.incidentForm(viewer, { values: incidentValues(report, this.reporting.timeZone), editing })
      : this.activityForm(viewer, { values: activityValues(report), editing });
  }

  /** A form of either kind; for flows that treat both alike. Unknown field names are dropped by each form. */
  form(kind: ReportKind, viewer: Viewer, state: FormReturn<string>): Promise<AdaptiveCard> {
    return kind === 'incident' ? this.incidentForm(viewer, state as FormReturn<IncidentFormField>) : this.activityForm(viewer, state as FormReturn<ActivityFormField>);
  }

  /** The place list is a nicety: when the store is down the form still opens, with the input kept. */
  async incidentForm(viewer: Viewer, state: FormReturn<IncidentFormField>): Promise<AdaptiveCard> {
    const [places, schools] = await Promise.all([this.places(viewer.scope, state.storeDown), this.schools(viewer.scope, state.storeDown)]);
    return cards.incidentForm(viewer.locale, { ...state, places, schools, schoolSection: asksForSchool(state.values, schools) });
  }

  /** `preChoose`: a new form starts with the commitment when it is obvious (see obviousCommitment). */
  async activityForm(viewer: Viewer, state: FormReturn<ActivityFormField>, preChoose = false): Promise<AdaptiveCard> {
    const [commitments, places, schools] = await Promise.all([
      state.storeDown ? [] : this.commitments(viewer.scope, state.values.commitmentId || undefined).catch(() => []),
      this.places(viewer.scope, state.storeDown), this.schools(viewer.scope, state.storeDown),
    ]);
    const obvious = preChoose ? obviousCommitment(commitments, (state.values.organisation as Organisation | undefined) || null) : null;
    const values = obvious ? { ...state.values, commitmentId: obvious } : state.values;
    return cards.activityForm(viewer.locale, { ...state, values, places, commitments, schools });
  }

  /** Like the place list, the school list is a nicety that never keeps the form from opening. */
  private async schools(scope: TenantScope, storeDown = false): Promise<School[]> {
    if (storeDown) return [];
    return this.reporting.schoolChoices(scope).catch(() => []);
  }

  private async places(scope: TenantScope, storeDown = false) {
    if (storeDown) return [];
    return this.reporting.placeChoices(scope).catch(() => []);
  }
}

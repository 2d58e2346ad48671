import { VERBS } from '../verbs';
import type { IncidentFormField } from '../forms/report-forms';
import { card } from '../card-schema';
import { defineTemplate } from '../render';
import { banner, choicesFrom, placeInputs, withError, type Choices, type FormState } from './form-parts';
import { LIMITS } from '../../domain/limits';

export interface IncidentFormCardData extends FormState<IncidentFormField> {
  title: string;
  intro: string;
  labels: Record<IncidentFormField | 'placeChoose' | 'categoryChoose' | 'descriptionPlaceholder' | 'submit' | 'cancel', string>;
  choices: { places: Choices; categories: Choices; severities: Choices; organisations: Choices; schools: Choices; concern: Choices };
  /**
   * The register's school and "orosanmälan gjord" are asked when the place is a school's or the reporter
   * is Skola (issue 11). A tenant without schools in the register keeps the free-text school field.
   */
  schoolSection: boolean;
  submit: { verb: string; data: Record<string, unknown> };
}

export const incidentFormCard = defineTemplate<IncidentFormCardData>('incident-form', (b) => card(
  [
    { type: 'TextBlock', text: b('title'), size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: b('intro'), wrap: true, isSubtle: true, spacing: 'none' },
    banner(b),
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: withError(b, { type: 'Input.Date', id: 'date', label: b('labels.date'), value: b('values.date'), isRequired: true }) },
        { type: 'Column', width: 'stretch', items: withError(b, { type: 'Input.Time', id: 'time', label: b('labels.time'), value: b('values.time') }) },
      ],
    },
    ...placeInputs(b),
    ...withError(b, {
      type: 'Input.ChoiceSet', id: 'category', label: b('labels.category'), style: 'compact', value: b('values.category'),
      placeholder: b('labels.categoryChoose'), isRequired: true, choices: choicesFrom(b, 'choices.categories'),
    }),
    ...withError(b, {
      type: 'Input.Text', id: 'description', label: b('labels.description'), isMultiline: true, isRequired: true,
      placeholder: b('labels.descriptionPlaceholder'), value: b('values.description'), maxLength: LIMITS.descriptionMax,
    }),
    ...withError(b, {
      type: 'Input.ChoiceSet', id: 'severity', label: b('labels.severity'), style: 'expanded', wrap: true, value: b('values.severity'),
      choices: choicesFrom(b, 'choices.severities'),
    }),
    ...withError(b, {
      type: 'Input.ChoiceSet', id: 'organisation', label: b('labels.organisation'), style: 'compact',
      value: b('values.organisation'), isRequired: true, choices: choicesFrom(b, 'choices.organisations'),
    }),
    {
      type: 'Container', $when: b.expr`count(${'choices.schools'}) == 0`,
      items: withError(b, { type: 'Input.Text', id: 'school', label: b('labels.school'), value: b('values.school'), maxLength: LIMITS.schoolMax }),
    },
    {
      type: 'Container', $when: b.expr`${'schoolSection'} && count(${'choices.schools'}) > 0`,
      items: [
        ...withError(b, { type: 'Input.ChoiceSet', id: 'schoolId', label: b('labels.schoolId'), style: 'filtered', value: b('values.schoolId'), choices: choicesFrom(b, 'choices.schools') }),
        ...withError(b, { type: 'Input.ChoiceSet', id: 'concernReported', label: b('labels.concernReported'), style: 'expanded', value: b('values.concernReported'), choices: choicesFrom(b, 'choices.concern') }),
      ],
    },
    ...withError(b, {
      type: 'Input.Number', id: 'youthInvolved', label: b('labels.youthInvolved'), value: b('numbers.youthInvolved'),
      min: 0, max: LIMITS.youthInvolvedMax,
    }),
    ...withError(b, {
      type: 'Input.Text', id: 'policeReportNumber', label: b('labels.policeReportNumber'), value: b('values.policeReportNumber'),
      maxLength: LIMITS.policeReportNumberMax,
    }),
  ],
  [
    { type: 'Action.Execute', title: b('labels.submit'), verb: b('submit.verb'), data: b('submit.data'), associatedInputs: 'auto', style: 'positive' },
    { type: 'Action.Execute', title: b('labels.cancel'), verb: VERBS.cancel, associatedInputs: 'none' },
  ],
));

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
  choices: { places: Choices; categories: Choices; severities: Choices; organisations: Choices };
  submit: { verb: string; data: Record<string, unknown> };
}

export const incidentFormCard = defineTemplate<IncidentFormCardData>('incident-form', card(
  [
    { type: 'TextBlock', text: '${title}', size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: '${intro}', wrap: true, isSubtle: true, spacing: 'none' },
    banner(),
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: withError({ type: 'Input.Date', id: 'date', label: '${labels.date}', value: '${values.date}', isRequired: true }) },
        { type: 'Column', width: 'stretch', items: withError({ type: 'Input.Time', id: 'time', label: '${labels.time}', value: '${values.time}' }) },
      ],
    },
    ...placeInputs(),
    ...withError({
      type: 'Input.ChoiceSet', id: 'category', label: '${labels.category}', style: 'compact', value: '${values.category}',
      placeholder: '${labels.categoryChoose}', isRequired: true, choices: choicesFrom('choices.categories'),
    }),
    ...withError({
      type: 'Input.Text', id: 'description', label: '${labels.description}', isMultiline: true, isRequired: true,
      placeholder: '${labels.descriptionPlaceholder}', value: '${values.description}', maxLength: LIMITS.descriptionMax,
    }),
    ...withError({
      type: 'Input.ChoiceSet', id: 'severity', label: '${labels.severity}', style: 'expanded', value: '${values.severity}',
      choices: choicesFrom('choices.severities'),
    }),
    ...withError({
      type: 'Input.ChoiceSet', id: 'organisation', label: '${labels.organisation}', style: 'compact',
      value: '${values.organisation}', isRequired: true, choices: choicesFrom('choices.organisations'),
    }),
    ...withError({ type: 'Input.Text', id: 'school', label: '${labels.school}', value: '${values.school}', maxLength: LIMITS.schoolMax }),
    ...withError({
      type: 'Input.Number', id: 'youthInvolved', label: '${labels.youthInvolved}', value: '${numbers.youthInvolved}',
      min: 0, max: LIMITS.youthInvolvedMax,
    }),
    ...withError({
      type: 'Input.Text', id: 'policeReportNumber', label: '${labels.policeReportNumber}', value: '${values.policeReportNumber}',
      maxLength: LIMITS.policeReportNumberMax,
    }),
  ],
  [
    { type: 'Action.Execute', title: '${labels.submit}', verb: '${submit.verb}', data: '${submit.data}', associatedInputs: 'auto', style: 'positive' },
    { type: 'Action.Execute', title: '${labels.cancel}', verb: VERBS.cancel, associatedInputs: 'none' },
  ],
));

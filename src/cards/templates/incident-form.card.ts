import { VERBS } from '../verbs';
import type { IncidentFormField } from '../../domain/incident-form';
import { card } from '../card-schema';
import { defineTemplate } from '../render';
import { banner, choicesFrom, withError, type Choices, type FormState } from './form-parts';
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
    ...withError({
      type: 'Input.ChoiceSet', id: 'placeId', label: '${labels.placeId}', style: 'filtered', value: '${values.placeId}',
      placeholder: '${labels.placeChoose}', choices: choicesFrom('choices.places'),
      // An empty register has nothing to choose from: only the free-text field is shown.
      $when: '${count(choices.places) > 0}',
    }),
    ...withError({
      type: 'Input.Text', id: 'newPlace', label: '${newPlaceLabel}', placeholder: '${labels.newPlace}', value: '${values.newPlace}',
      maxLength: LIMITS.placeNameMax, spacing: 'small',
    }),
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

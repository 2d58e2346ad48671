import { VERBS } from '../verbs';
import type { ActivityFormField } from '../forms/report-forms';
import { LIMITS } from '../../domain/limits';
import { card } from '../card-schema';
import { defineTemplate } from '../render';
import { banner, choicesFrom, placeInputs, withError, type Choices, type FormState } from './form-parts';

export interface ActivityFormCardData extends FormState<ActivityFormField> {
  title: string;
  labels: Record<ActivityFormField | 'typeChoose' | 'placeChoose' | 'notesPlaceholder' | 'submit' | 'cancel', string>;
  choices: { types: Choices; places: Choices; organisations: Choices };
  submit: { verb: string; data: Record<string, unknown> };
}

export const activityFormCard = defineTemplate<ActivityFormCardData>('activity-form', card(
  [
    { type: 'TextBlock', text: '${title}', size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
    banner(),
    ...withError({
      type: 'Input.ChoiceSet', id: 'type', label: '${labels.type}', style: 'compact', value: '${values.type}',
      placeholder: '${labels.typeChoose}', isRequired: true, choices: choicesFrom('choices.types'),
    }),
    ...withError({ type: 'Input.Date', id: 'date', label: '${labels.date}', value: '${values.date}', isRequired: true }),
    ...placeInputs(),
    ...withError({
      type: 'Input.ChoiceSet', id: 'organisation', label: '${labels.organisation}', style: 'compact',
      value: '${values.organisation}', isRequired: true, choices: choicesFrom('choices.organisations'),
    }),
    ...withError({
      type: 'Input.ChoiceSet', id: 'organisations', label: '${labels.organisations}', style: 'compact', isMultiSelect: true,
      value: '${values.organisations}', choices: choicesFrom('choices.organisations'),
    }),
    ...withError({
      type: 'Input.Text', id: 'notes', label: '${labels.notes}', isMultiline: true, placeholder: '${labels.notesPlaceholder}',
      value: '${values.notes}', maxLength: LIMITS.notesMax,
    }),
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: withError({ type: 'Input.Number', id: 'peopleMet', label: '${labels.peopleMet}', value: '${numbers.peopleMet}', min: 0, max: LIMITS.peopleMetMax }) },
        { type: 'Column', width: 'stretch', items: withError({ type: 'Input.Date', id: 'followUpDate', label: '${labels.followUpDate}', value: '${values.followUpDate}' }) },
      ],
    },
  ],
  [
    { type: 'Action.Execute', title: '${labels.submit}', verb: '${submit.verb}', data: '${submit.data}', associatedInputs: 'auto', style: 'positive' },
    { type: 'Action.Execute', title: '${labels.cancel}', verb: VERBS.cancel, associatedInputs: 'none' },
  ],
));

import { VERBS } from '../verbs';
import type { ActivityFormField } from '../forms/report-forms';
import { LIMITS } from '../../domain/limits';
import { card } from '../card-schema';
import { defineTemplate } from '../render';
import { banner, choicesFrom, placeInputs, withError, type Choices, type FormState } from './form-parts';

export interface ActivityFormCardData extends FormState<ActivityFormField> {
  title: string;
  labels: Record<ActivityFormField | 'typeChoose' | 'placeChoose' | 'notesPlaceholder' | 'commitmentChoose' | 'submit' | 'cancel', string>;
  /** `commitments`: the medborgarlöfte commitments the activity can serve; none hides the field. */
  choices: { types: Choices; places: Choices; organisations: Choices; commitments: Choices; schools: Choices; walkFindings: Choices };
  submit: { verb: string; data: Record<string, unknown> };
}

export const activityFormCard = defineTemplate<ActivityFormCardData>('activity-form', (b) => card(
  [
    { type: 'TextBlock', text: b('title'), size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
    banner(b),
    ...withError(b, {
      type: 'Input.ChoiceSet', id: 'type', label: b('labels.type'), style: 'compact', value: b('values.type'),
      placeholder: b('labels.typeChoose'), isRequired: true, choices: choicesFrom(b, 'choices.types'),
    }),
    ...withError(b, { type: 'Input.Date', id: 'date', label: b('labels.date'), value: b('values.date'), isRequired: true }),
    ...placeInputs(b),
    ...withError(b, {
      type: 'Input.ChoiceSet', id: 'organisation', label: b('labels.organisation'), style: 'compact',
      value: b('values.organisation'), isRequired: true, choices: choicesFrom(b, 'choices.organisations'),
    }),
    ...withError(b, {
      type: 'Input.ChoiceSet', id: 'organisations', label: b('labels.organisations'), style: 'compact', isMultiSelect: true,
      value: b('values.organisations'), choices: choicesFrom(b, 'choices.organisations'),
    }),
    ...withError(b, {
      type: 'Input.Text', id: 'notes', label: b('labels.notes'), isMultiline: true, placeholder: b('labels.notesPlaceholder'),
      value: b('values.notes'), maxLength: LIMITS.notesMax,
    }),
    {
      type: 'Container',
      $when: b.expr`count(${'choices.commitments'}) > 0`,
      items: withError(b, {
        type: 'Input.ChoiceSet', id: 'commitmentId', label: b('labels.commitmentId'), style: 'compact',
        value: b('values.commitmentId'), placeholder: b('labels.commitmentChoose'), choices: choicesFrom(b, 'choices.commitments'),
      }),
    },
    {
      type: 'Container', $when: b.expr`count(${'choices.schools'}) > 0`,
      items: withError(b, { type: 'Input.ChoiceSet', id: 'schoolId', label: b('labels.schoolId'), style: 'filtered', value: b('values.schoolId'), choices: choicesFrom(b, 'choices.schools') }),
    },
    // The checklist counts only for a trygghetsvandring (the domain drops it for other types).
    ...withError(b, {
      type: 'Input.ChoiceSet', id: 'walkFindings', label: b('labels.walkFindings'), style: 'expanded', isMultiSelect: true,
      value: b('values.walkFindings'), choices: choicesFrom(b, 'choices.walkFindings'),
    }),
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: withError(b, { type: 'Input.Number', id: 'peopleMet', label: b('labels.peopleMet'), value: b('numbers.peopleMet'), min: 0, max: LIMITS.peopleMetMax }) },
        { type: 'Column', width: 'stretch', items: withError(b, { type: 'Input.Date', id: 'followUpDate', label: b('labels.followUpDate'), value: b('values.followUpDate') }) },
      ],
    },
  ],
  [
    { type: 'Action.Execute', title: b('labels.submit'), verb: b('submit.verb'), data: b('submit.data'), associatedInputs: 'auto', style: 'positive' },
    { type: 'Action.Execute', title: b('labels.cancel'), verb: VERBS.cancel, associatedInputs: 'none' },
  ],
));

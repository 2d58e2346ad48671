import { card } from '../card-schema';
import { defineTemplate } from '../render';
import { VERBS } from '../verbs';
import { banner, choicesFrom, withError } from './form-parts';
import type { RegisterFormCardData } from './promise-form.card';

export type MeetingFormField = 'date' | 'organisations' | 'decisions';

/** The yearly strategic meeting (coordinators): date, organisations present, decisions. */
export type MeetingFormCardData = RegisterFormCardData<MeetingFormField>;

export const meetingFormCard = defineTemplate<MeetingFormCardData>('meeting-form', (b) => card(
  [
    { type: 'TextBlock', text: b('title'), size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: b('intro'), wrap: true, isSubtle: true, spacing: 'none' },
    banner(b),
    ...withError(b, { type: 'Input.Date', id: 'date', label: b('labels.date'), value: b('values.date'), isRequired: true }),
    ...withError(b, {
      type: 'Input.ChoiceSet', id: 'organisations', label: b('labels.organisations'), style: 'compact', isMultiSelect: true, isRequired: true,
      value: b('values.organisations'), choices: choicesFrom(b, 'choices.organisations'),
    }),
    ...withError(b, { type: 'Input.Text', id: 'decisions', label: b('labels.decisions'), value: b('values.decisions'), isMultiline: true, isRequired: true, maxLength: 4000 }),
  ],
  [
    { type: 'Action.Execute', title: b('labels.submit'), verb: b('submit.verb'), data: b('submit.data'), associatedInputs: 'auto', style: 'positive' },
    { type: 'Action.Execute', title: b('labels.cancel'), verb: VERBS.cancel, associatedInputs: 'none' },
  ],
));

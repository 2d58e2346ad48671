import { card } from '../card-schema';
import { defineTemplate } from '../render';
import { VERBS } from '../verbs';
import { banner, choicesFrom, withError, type Choices } from './form-parts';

export type PromiseFormField = 'title' | 'text' | 'commitment' | 'organisations' | 'periodFrom' | 'periodTo';

/**
 * The data of a register form (a promise, the strategic meeting): its inputs' labels, values kept as
 * typed when something is wrong, an error per input, the organisations to choose from, and its submit.
 */
export interface RegisterFormCardData<F extends string> {
  title: string;
  intro: string;
  banner: string;
  requiredMessage: string;
  labels: Record<F | 'submit' | 'cancel', string>;
  values: Record<F, string>;
  errors: Record<F, string>;
  choices: { organisations: Choices };
  submit: { verb: string; data: Record<string, unknown> };
}

/** A new promise with its first commitment (coordinators). */
export type PromiseFormCardData = RegisterFormCardData<PromiseFormField>;

export const promiseFormCard = defineTemplate<PromiseFormCardData>('promise-form', (b) => card(
  [
    { type: 'TextBlock', text: b('title'), size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: b('intro'), wrap: true, isSubtle: true, spacing: 'none' },
    banner(b),
    ...withError(b, { type: 'Input.Text', id: 'title', label: b('labels.title'), value: b('values.title'), isRequired: true, maxLength: 400 }),
    ...withError(b, { type: 'Input.Text', id: 'text', label: b('labels.text'), value: b('values.text'), isMultiline: true, maxLength: 4000 }),
    ...withError(b, { type: 'Input.Text', id: 'commitment', label: b('labels.commitment'), value: b('values.commitment'), isMultiline: true, isRequired: true, maxLength: 2000 }),
    ...withError(b, {
      type: 'Input.ChoiceSet', id: 'organisations', label: b('labels.organisations'), style: 'compact', isMultiSelect: true, isRequired: true,
      value: b('values.organisations'), choices: choicesFrom(b, 'choices.organisations'),
    }),
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: withError(b, { type: 'Input.Date', id: 'periodFrom', label: b('labels.periodFrom'), value: b('values.periodFrom'), isRequired: true }) },
        { type: 'Column', width: 'stretch', items: withError(b, { type: 'Input.Date', id: 'periodTo', label: b('labels.periodTo'), value: b('values.periodTo'), isRequired: true }) },
      ],
    },
  ],
  [
    { type: 'Action.Execute', title: b('labels.submit'), verb: b('submit.verb'), data: b('submit.data'), associatedInputs: 'auto', style: 'positive' },
    { type: 'Action.Execute', title: b('labels.cancel'), verb: VERBS.cancel, associatedInputs: 'none' },
  ],
));

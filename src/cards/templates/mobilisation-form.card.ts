import { card } from '../card-schema';
import { defineTemplate } from '../render';
import { choicesFrom, withError, type Choices } from './form-parts';

/**
 * A short form with one text and, for a call-out, a school to choose: calling out (`mobilisera`) and
 * closing a call-out with its outcome. What was typed comes back with the warning or error.
 */
export interface MobilisationFormCardData {
  title: string;
  intro: string;
  banner: string;
  requiredMessage: string;
  showSchool: boolean;
  labels: { school: string; text: string; submit: string; cancel: string };
  values: { schoolId: string; text: string };
  errors: { schoolId: string; text: string };
  schools: Choices;
  textId: string;
  max: number;
  submit: { verb: string; data: Record<string, unknown> };
  cancel: { verb: string; data: Record<string, unknown> };
}

export const mobilisationFormCard = defineTemplate<MobilisationFormCardData>('mobilisation-form', (b) => card(
  [
    { type: 'TextBlock', text: b('title'), size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: b('intro'), wrap: true, size: 'small', $when: b.expr`${'intro'} != ''` },
    { type: 'TextBlock', text: b('banner'), wrap: true, color: 'attention', weight: 'bolder', $when: b.expr`${'banner'} != ''` },
    {
      type: 'Container', $when: b('showSchool'), items: withError(b, {
        type: 'Input.ChoiceSet', id: 'schoolId', label: b('labels.school'), style: 'filtered', value: b('values.schoolId'), isRequired: true,
        choices: choicesFrom(b, 'schools'),
      }),
    },
    // The id is the verb's field: `what` for a call-out, `outcome` for a close.
    { type: 'Input.Text', id: b('textId') as 'text', label: b('labels.text'), value: b('values.text'), maxLength: 500, isMultiline: true, isRequired: true, errorMessage: b('requiredMessage') },
    { type: 'TextBlock', text: b('errors.text'), wrap: true, color: 'attention', size: 'small', spacing: 'none', $when: b.expr`${'errors.text'} != ''` },
  ],
  [
    { type: 'Action.Execute', title: b('labels.submit'), verb: b('submit.verb'), data: b('submit.data'), associatedInputs: 'auto', style: 'positive' },
    { type: 'Action.Execute', title: b('labels.cancel'), verb: b('cancel.verb'), data: b('cancel.data'), associatedInputs: 'none' },
  ],
));

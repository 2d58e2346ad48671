import { card } from '../card-schema';
import { defineTemplate } from '../render';
import { choicesFrom, type Choices } from './form-parts';

/** A one-line report that needs a choice: which place, which category, which organisation. */
export interface QuickConfirmCardData {
  title: string;
  /** Why the card asks (unknown or ambiguous place); '' when the place is settled. */
  question: string;
  /** When it happened, as understood from the one line ("i natt" → last night 01:00); it can be changed once saved. */
  when: string;
  /** An error from saving, or ''. */
  banner: string;
  labels: { place: string; category: string; categoryChoose: string; organisation: string; description: string; save: string; cancel: string };
  values: { placeId: string; category: string; organisation: string; description: string };
  choices: { places: Choices; categories: Choices; organisations: Choices };
  /** Hidden values the save needs back: the place as typed, the time understood (ISO), and the card's submit key (one report per card). */
  data: { typedPlace: string; occurredAt: string; submitKey: string };
  verbs: { save: string; cancel: string };
}

export const quickConfirmCard = defineTemplate<QuickConfirmCardData>('quick-confirm', (b) => card(
  [
    { type: 'TextBlock', text: b('title'), size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: b('banner'), wrap: true, color: 'attention', weight: 'bolder', $when: b.expr`${'banner'} != ''` },
    { type: 'TextBlock', text: b('question'), wrap: true, $when: b.expr`${'question'} != ''` },
    { type: 'TextBlock', text: b('when'), wrap: true, isSubtle: true },
    {
      // Wraps: a place name may be long, and a phone shows it whole.
      type: 'Input.ChoiceSet', id: 'placeId', label: b('labels.place'), style: 'expanded', wrap: true, value: b('values.placeId'), isRequired: true,
      errorMessage: b('labels.place'), choices: choicesFrom(b, 'choices.places'),
    },
    {
      type: 'Input.ChoiceSet', id: 'category', label: b('labels.category'), style: 'compact', value: b('values.category'), isRequired: true,
      placeholder: b('labels.categoryChoose'), errorMessage: b('labels.categoryChoose'), choices: choicesFrom(b, 'choices.categories'),
    },
    {
      type: 'Input.ChoiceSet', id: 'organisation', label: b('labels.organisation'), style: 'compact', value: b('values.organisation'),
      isRequired: true, errorMessage: b('labels.organisation'), choices: choicesFrom(b, 'choices.organisations'),
    },
    { type: 'Input.Text', id: 'description', label: b('labels.description'), value: b('values.description'), isMultiline: true, maxLength: 1000 },
  ],
  [
    { type: 'Action.Execute', title: b('labels.save'), verb: b('verbs.save'), data: b('data'), associatedInputs: 'auto', style: 'positive' },
    { type: 'Action.Execute', title: b('labels.cancel'), verb: b('verbs.cancel'), associatedInputs: 'none' },
  ],
));

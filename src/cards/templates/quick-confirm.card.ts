import { card } from '../card-schema';
import { defineTemplate } from '../render';
import { choicesFrom, type Choices } from './form-parts';

/** A one-line report that needs a choice: which place, which category, which organisation. */
export interface QuickConfirmCardData {
  title: string;
  /** Why the card asks (unknown or ambiguous place); '' when the place is settled. */
  question: string;
  /** An error from saving, or ''. */
  banner: string;
  labels: { place: string; category: string; categoryChoose: string; organisation: string; description: string; save: string; cancel: string };
  values: { placeId: string; category: string; organisation: string; description: string };
  choices: { places: Choices; categories: Choices; organisations: Choices };
  /** Hidden values the save needs back: the place as typed, and the card's submit key (one report per card). */
  data: { typedPlace: string; submitKey: string };
  verbs: { save: string; cancel: string };
}

export const quickConfirmCard = defineTemplate<QuickConfirmCardData>('quick-confirm', card(
  [
    { type: 'TextBlock', text: '${title}', size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: '${banner}', wrap: true, color: 'attention', weight: 'bolder', $when: "${banner != ''}" },
    { type: 'TextBlock', text: '${question}', wrap: true, $when: "${question != ''}" },
    {
      type: 'Input.ChoiceSet', id: 'placeId', label: '${labels.place}', style: 'expanded', value: '${values.placeId}', isRequired: true,
      errorMessage: '${labels.place}', choices: choicesFrom('choices.places'),
    },
    {
      type: 'Input.ChoiceSet', id: 'category', label: '${labels.category}', style: 'compact', value: '${values.category}', isRequired: true,
      placeholder: '${labels.categoryChoose}', errorMessage: '${labels.categoryChoose}', choices: choicesFrom('choices.categories'),
    },
    {
      type: 'Input.ChoiceSet', id: 'organisation', label: '${labels.organisation}', style: 'compact', value: '${values.organisation}',
      isRequired: true, errorMessage: '${labels.organisation}', choices: choicesFrom('choices.organisations'),
    },
    { type: 'Input.Text', id: 'description', label: '${labels.description}', value: '${values.description}', isMultiline: true, maxLength: 1000 },
  ],
  [
    { type: 'Action.Execute', title: '${labels.save}', verb: '${verbs.save}', data: '${data}', associatedInputs: 'auto', style: 'positive' },
    { type: 'Action.Execute', title: '${labels.cancel}', verb: '${verbs.cancel}', associatedInputs: 'none' },
  ],
));

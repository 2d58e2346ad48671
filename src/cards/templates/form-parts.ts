import { LIMITS } from '../../domain/limits';
import type { CardElement, Choice, InputElement, TextBlock } from '../card-schema';

// Pieces every report form shares: a banner for the whole form and an error line under each field.

/** Values are what the user typed (kept on error); errors are '' or a message for that field. */
export interface FormState<Field extends string> {
  values: Record<Field, string>;
  /** The same values as numbers for number inputs, or null when not a whole number. */
  numbers: Record<Field, number | null>;
  /** The free-text place field is labelled only when there is no register list above it. */
  newPlaceLabel: string;
  errors: Record<Field, string>;
  banner: string;
  /** Shown by the client itself when a required field is left empty. */
  requiredMessage: string;
}

export type Choices = Choice[];

export function banner(): TextBlock {
  return { type: 'TextBlock', text: '${banner}', wrap: true, color: 'attention', weight: 'bolder', $when: "${banner != ''}" };
}

/** The input followed by its error message, shown only when the server found something wrong. */
export function withError(input: InputElement): CardElement[] {
  const error: TextBlock = {
    type: 'TextBlock', text: `\${errors.${input.id}}`, wrap: true, color: 'attention', size: 'small', spacing: 'none',
    $when: `\${errors.${input.id} != ''}`,
  };
  return [input.isRequired ? { ...input, errorMessage: '${requiredMessage}' } : input, error];
}

export function choicesFrom(binding: string): Choice[] {
  return [{ $data: `\${${binding}}`, title: '${title}', value: '${value}' }];
}

/**
 * The place: chosen from the register, or typed as a new one. An empty register has nothing to
 * choose from, so then only the free-text field is shown (and labelled).
 */
export function placeInputs(): CardElement[] {
  return [
    ...withError({
      type: 'Input.ChoiceSet', id: 'placeId', label: '${labels.placeId}', style: 'filtered', value: '${values.placeId}',
      placeholder: '${labels.placeChoose}', choices: choicesFrom('choices.places'), $when: '${count(choices.places) > 0}',
    }),
    ...withError({
      type: 'Input.Text', id: 'newPlace', label: '${newPlaceLabel}', placeholder: '${labels.newPlace}', value: '${values.newPlace}',
      maxLength: LIMITS.placeNameMax, spacing: 'small',
    }),
  ];
}

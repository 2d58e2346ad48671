import { LIMITS } from '../../domain/limits';
import { asPart, bind, type Binder, type ListPath } from '../bind';
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

export function banner<D extends { banner: string }>(b: Binder<D>): TextBlock {
  const p = asPart<{ banner: string }>(b);
  return { type: 'TextBlock', text: p('banner'), wrap: true, color: 'attention', weight: 'bolder', $when: p.expr`${'banner'} != ''` };
}

/** What an input's error line needs of the data: an error per input id and the client's required message. */
type ErrorsOf<Id extends string> = { errors: Record<Id, string>; requiredMessage: string };

/** The input followed by its error message, shown only when the server found something wrong. */
export function withError<D extends ErrorsOf<Id>, Id extends string>(b: Binder<D>, input: InputElement & { id: Id }): CardElement[] {
  const p = asPart<ErrorsOf<Id>>(b);
  // `errors.<id>`: the signature has checked that the data has an error for this input's id.
  const error: TextBlock = {
    type: 'TextBlock', text: `\${errors.${input.id}}`, wrap: true, color: 'attention', size: 'small', spacing: 'none',
    $when: `\${errors.${input.id} != ''}`,
  };
  return [input.isRequired ? { ...input, errorMessage: p('requiredMessage') } : input, error];
}

/** The choices of a choice set, from a list of choices in the data. */
export function choicesFrom<D>(b: Binder<D>, list: ListPath<D, Choice>): Choice[] {
  const choice = bind<Choice>();
  return [{ $data: `\${${list}}`, title: choice('title'), value: choice('value') }];
}

/** What the place inputs need of a form's data. */
type PlaceFormData = Pick<FormState<'placeId' | 'newPlace'>, 'values' | 'errors' | 'newPlaceLabel' | 'requiredMessage'> & {
  labels: Record<'placeId' | 'newPlace' | 'placeChoose', string>;
  choices: { places: Choices };
};

/**
 * The place: chosen from the register, or typed as a new one. An empty register has nothing to
 * choose from, so then only the free-text field is shown (and labelled).
 */
export function placeInputs<D extends PlaceFormData>(b: Binder<D>): CardElement[] {
  const p = asPart<PlaceFormData>(b);
  return [
    ...withError(p, {
      type: 'Input.ChoiceSet', id: 'placeId', label: p('labels.placeId'), style: 'filtered', value: p('values.placeId'),
      placeholder: p('labels.placeChoose'), choices: choicesFrom(p, 'choices.places'), $when: p.expr`count(${'choices.places'}) > 0`,
    }),
    ...withError(p, {
      type: 'Input.Text', id: 'newPlace', label: p('newPlaceLabel'), placeholder: p('labels.newPlace'), value: p('values.newPlace'),
      maxLength: LIMITS.placeNameMax, spacing: 'small',
    }),
  ];
}

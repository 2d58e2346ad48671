import { LIMITS } from '../../domain/limits';
import { card } from '../card-schema';
import { defineTemplate } from '../render';
import { banner, choicesFrom, withError, type Choices } from './form-parts';

/**
 * A school of the register: its facts for everyone, and for a coordinator or one of its own contacts
 * (`manage`) the form to change it: name, stages, place, and the SSPF contacts per role, picked among
 * the people the bot knows. A new school is the same form, empty.
 */
export interface SchoolCardData {
  title: string;
  note: string;
  banner: string;
  requiredMessage: string;
  facts: { title: string; value: string }[];
  manage: boolean;
  labels: Record<'name' | 'stages' | 'placeId' | 'contactsHint' | 'save', string>;
  values: Record<'name' | 'stages' | 'placeId', string>;
  errors: Record<'name' | 'stages' | 'placeId', string>;
  choices: { stages: Choices; places: Choices };
  /** One picker per SSPF role: its input id, label, the people chosen ("id,id") and whom to choose from. */
  contacts: { id: string; label: string; value: string; people: Choices }[];
  save: { verb: string; data: Record<string, unknown> };
  actions: { title: string; verb: string; data: Record<string, unknown> }[];
}

export const schoolCard = defineTemplate<SchoolCardData>('school', (b) => card(
  [
    banner(b),
    { type: 'TextBlock', text: b('title'), size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: b('note'), color: 'good', weight: 'bolder', wrap: true, $when: b.expr`${'note'} != ''` },
    { type: 'FactSet', facts: [b.each('facts', (fact) => ({ title: fact('title'), value: fact('value') }))], $when: b.expr`count(${'facts'}) > 0` },
    {
      type: 'Container', $when: b.expr`${'manage'}`,
      items: [
        ...withError(b, { type: 'Input.Text', id: 'name', label: b('labels.name'), value: b('values.name'), maxLength: LIMITS.placeNameMax, isRequired: true }),
        ...withError(b, {
          type: 'Input.ChoiceSet', id: 'stages', label: b('labels.stages'), value: b('values.stages'), isMultiSelect: true, style: 'expanded',
          choices: choicesFrom(b, 'choices.stages'), isRequired: true,
        }),
        ...withError(b, { type: 'Input.ChoiceSet', id: 'placeId', label: b('labels.placeId'), value: b('values.placeId'), style: 'filtered', choices: choicesFrom(b, 'choices.places') }),
        { type: 'TextBlock', text: b('labels.contactsHint'), wrap: true, isSubtle: true, size: 'small' },
        b.each('contacts', (c) => ({
          type: 'Input.ChoiceSet', id: c('id'), label: c('label'), value: c('value'), isMultiSelect: true, style: 'filtered',
          choices: choicesFrom(c, 'people'),
        })),
        { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: b('labels.save'), verb: b('save.verb'), data: b('save.data'), associatedInputs: 'auto', style: 'positive' }] },
      ],
    },
  ],
  [b.each('actions', (a) => ({ type: 'Action.Execute', title: a('title'), verb: a('verb'), data: a('data'), associatedInputs: 'none' }))],
));

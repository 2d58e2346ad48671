import { LIMITS } from '../../domain/limits';
import { card } from '../card-schema';
import { defineTemplate } from '../render';
import { choicesFrom, type Choices } from './form-parts';

/**
 * A place of the register, to curate: name, kind, coordinates, area, other names; or merge another into
 * it. Only a coordinator curates: for anyone else (`curate` false) the card shows the place without the
 * form (the server checks the right whatever is shown).
 */
export interface PlaceCardData {
  title: string;
  curate: boolean;
  note: string;
  warning: string;
  facts: { title: string; value: string }[];
  labels: Record<'name' | 'kind' | 'lat' | 'lon' | 'parent' | 'alias' | 'mergeWith' | 'save' | 'merge', string>;
  values: Record<'name' | 'kind' | 'lat' | 'lon' | 'parent' | 'alias', string>;
  choices: { kinds: Choices; parents: Choices; merge: Choices };
  save: { verb: string; data: Record<string, unknown> };
  merge: { verb: string; data: Record<string, unknown> };
  actions: { title: string; verb: string; data: Record<string, unknown> }[];
}

export const placeCard = defineTemplate<PlaceCardData>('place', (b) => card(
  [
    { type: 'TextBlock', text: b('warning'), wrap: true, color: 'attention', weight: 'bolder', $when: b.expr`${'warning'} != ''` },
    { type: 'TextBlock', text: b('title'), size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: b('note'), color: 'good', weight: 'bolder', $when: b.expr`${'note'} != ''` },
    { type: 'FactSet', facts: [b.each('facts', (fact) => ({ title: fact('title'), value: fact('value') }))] },
    { type: 'Container', $when: b.expr`${'curate'}`, items: [
    { type: 'Input.Text', id: 'name', label: b('labels.name'), value: b('values.name'), maxLength: LIMITS.placeNameMax, isRequired: true, errorMessage: b('labels.name') },
    { type: 'Input.ChoiceSet', id: 'kind', label: b('labels.kind'), style: 'compact', value: b('values.kind'), choices: choicesFrom(b, 'choices.kinds') },
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: [{ type: 'Input.Text', id: 'lat', label: b('labels.lat'), value: b('values.lat'), maxLength: 20 }] },
        { type: 'Column', width: 'stretch', items: [{ type: 'Input.Text', id: 'lon', label: b('labels.lon'), value: b('values.lon'), maxLength: 20 }] },
      ],
    },
    { type: 'Input.ChoiceSet', id: 'parentId', label: b('labels.parent'), style: 'filtered', value: b('values.parent'), choices: choicesFrom(b, 'choices.parents') },
    { type: 'Input.Text', id: 'alias', label: b('labels.alias'), value: b('values.alias'), maxLength: LIMITS.placeNameMax },
    { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: b('labels.save'), verb: b('save.verb'), data: b('save.data'), associatedInputs: 'auto', style: 'positive' }] },
    ] },
    {
      type: 'Container', separator: true, spacing: 'large', $when: b.expr`${'curate'} && count(${'choices.merge'}) > 0`,
      items: [
        { type: 'Input.ChoiceSet', id: 'mergeId', label: b('labels.mergeWith'), style: 'filtered', choices: choicesFrom(b, 'choices.merge') },
        { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: b('labels.merge'), verb: b('merge.verb'), data: b('merge.data'), associatedInputs: 'auto', style: 'destructive' }] },
      ],
    },
  ],
  [b.each('actions', (a) => ({ type: 'Action.Execute', title: a('title'), verb: a('verb'), data: a('data'), associatedInputs: 'none' }))],
));

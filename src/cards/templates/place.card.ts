import { LIMITS } from '../../domain/limits';
import { card } from '../card-schema';
import { defineTemplate } from '../render';
import { choicesFrom, type Choices } from './form-parts';

/** A place of the register, to curate: name, kind, coordinates, area, other names; or merge another into it. */
export interface PlaceCardData {
  title: string;
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

export const placeCard = defineTemplate<PlaceCardData>('place', card(
  [
    { type: 'TextBlock', text: '${warning}', wrap: true, color: 'attention', weight: 'bolder', $when: "${warning != ''}" },
    { type: 'TextBlock', text: '${title}', size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: '${note}', color: 'good', weight: 'bolder', $when: "${note != ''}" },
    { type: 'FactSet', facts: [{ $data: '${facts}', title: '${title}', value: '${value}' }] },
    { type: 'Input.Text', id: 'name', label: '${labels.name}', value: '${values.name}', maxLength: LIMITS.placeNameMax, isRequired: true, errorMessage: '${labels.name}' },
    { type: 'Input.ChoiceSet', id: 'kind', label: '${labels.kind}', style: 'compact', value: '${values.kind}', choices: choicesFrom('choices.kinds') },
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: [{ type: 'Input.Text', id: 'lat', label: '${labels.lat}', value: '${values.lat}', maxLength: 20 }] },
        { type: 'Column', width: 'stretch', items: [{ type: 'Input.Text', id: 'lon', label: '${labels.lon}', value: '${values.lon}', maxLength: 20 }] },
      ],
    },
    { type: 'Input.ChoiceSet', id: 'parentId', label: '${labels.parent}', style: 'filtered', value: '${values.parent}', choices: choicesFrom('choices.parents') },
    { type: 'Input.Text', id: 'alias', label: '${labels.alias}', value: '${values.alias}', maxLength: LIMITS.placeNameMax },
    { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: '${labels.save}', verb: '${save.verb}', data: '${save.data}', associatedInputs: 'auto', style: 'positive' }] },
    {
      type: 'Container', separator: true, spacing: 'large', $when: '${count(choices.merge) > 0}',
      items: [
        { type: 'Input.ChoiceSet', id: 'mergeId', label: '${labels.mergeWith}', style: 'filtered', choices: choicesFrom('choices.merge') },
        { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: '${labels.merge}', verb: '${merge.verb}', data: '${merge.data}', associatedInputs: 'auto', style: 'destructive' }] },
      ],
    },
  ],
  [{ $data: '${actions}', type: 'Action.Execute', title: '${title}', verb: '${verb}', data: '${data}', associatedInputs: 'none' }],
));

import { card } from '../card-schema';
import { defineTemplate } from '../render';
import { choicesFrom, type Choices } from './form-parts';

/** A school's call list: who is called, in order, and (for those who may) remove and add. */
export interface CallListCardData {
  title: string;
  intro: string;
  note: string;
  warning: string;
  empty: string;
  /** `canRemove`: the list is the reader's to edit (the same for every row). */
  rows: { text: string; canRemove: boolean; remove: { title: string; verb: string; data: Record<string, unknown> } }[];
  canEdit: boolean;
  /** Whether the school has contacts not yet on the list to choose from. */
  canAdd: boolean;
  addTitle: string;
  labels: { person: string; role: string; step: string; add: string };
  people: Choices;
  roles: Choices;
  steps: Choices;
  add: { verb: string; data: Record<string, unknown> };
  byMention: string;
  requiredMessage: string;
}

export const callListCard = defineTemplate<CallListCardData>('call-list', (b) => card([
  { type: 'TextBlock', text: b('title'), size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
  { type: 'TextBlock', text: b('intro'), wrap: true, size: 'small' },
  { type: 'TextBlock', text: b('note'), wrap: true, color: 'good', weight: 'bolder', $when: b.expr`${'note'} != ''` },
  { type: 'TextBlock', text: b('warning'), wrap: true, color: 'attention', weight: 'bolder', $when: b.expr`${'warning'} != ''` },
  { type: 'TextBlock', text: b('empty'), wrap: true, isSubtle: true, $when: b.expr`count(${'rows'}) == 0` },
  b.each('rows', (r) => ({
    type: 'ColumnSet', columns: [
      { type: 'Column', width: 'stretch', verticalContentAlignment: 'center', items: [{ type: 'TextBlock', text: r('text'), wrap: true }] },
      {
        type: 'Column', width: 'auto', $when: r('canRemove'), items: [{
          type: 'ActionSet', actions: [{ type: 'Action.Execute', title: r('remove.title'), verb: r('remove.verb'), data: r('remove.data'), associatedInputs: 'none' }],
        }],
      },
    ],
  })),
  {
    type: 'Container', $when: b.expr`${'canEdit'} && ${'canAdd'}`, separator: true, items: [
      { type: 'TextBlock', text: b('addTitle'), weight: 'bolder', wrap: true },
      { type: 'Input.ChoiceSet', id: 'userId', label: b('labels.person'), style: 'compact', isRequired: true, errorMessage: b('requiredMessage'), choices: choicesFrom(b, 'people') },
      { type: 'Input.ChoiceSet', id: 'role', label: b('labels.role'), style: 'compact', isRequired: true, errorMessage: b('requiredMessage'), choices: choicesFrom(b, 'roles') },
      { type: 'Input.ChoiceSet', id: 'step', label: b('labels.step'), style: 'compact', value: '1', isRequired: true, errorMessage: b('requiredMessage'), choices: choicesFrom(b, 'steps') },
      { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: b('labels.add'), verb: b('add.verb'), data: b('add.data'), associatedInputs: 'auto', style: 'positive' }] },
    ],
  },
  { type: 'TextBlock', text: b('byMention'), wrap: true, size: 'small', isSubtle: true, $when: b('canEdit') },
]));

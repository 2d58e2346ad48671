import { card } from '../card-schema';
import { defineTemplate } from '../render';
import { choicesFrom, type Choices } from './form-parts';

/**
 * A panel of the EST week: facts, lines of text (markdown, escaped where users typed them) and buttons.
 * The overview, the areas' weeks, the rapportör list and the personal nudge are each one.
 */
export interface EstPanelCardData {
  title: string;
  /** Confirmation of what was just done, or ''. */
  note: string;
  intro: string;
  facts: { title: string; value: string }[];
  lines: string[];
  /** Small print under the lines (the legend of the scale), or ''. */
  footnote: string;
  /** One of many to act on (an area to assess, a rapportör to remove): a list and one button, however many there are. */
  picker: { visible: boolean; id: string; label: string; choices: Choices; button: { title: string; verb: string } };
  actions: { title: string; verb: string; data: Record<string, unknown> }[];
}

export const estPanelCard = defineTemplate<EstPanelCardData>('est-panel', (b) => card(
  [
    { type: 'TextBlock', text: b('title'), size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: b('note'), color: 'good', weight: 'bolder', wrap: true, $when: b.expr`${'note'} != ''` },
    { type: 'TextBlock', text: b('intro'), wrap: true, $when: b.expr`${'intro'} != ''` },
    { type: 'FactSet', facts: [b.each('facts', (fact) => ({ title: fact('title'), value: fact('value') }))], $when: b.expr`count(${'facts'}) > 0` },
    b.each('lines', (line) => ({ type: 'TextBlock' as const, text: line.self(), wrap: true, spacing: 'small' as const })),
    { type: 'TextBlock', text: b('footnote'), isSubtle: true, size: 'small', wrap: true, $when: b.expr`${'footnote'} != ''` },
    {
      type: 'Container', $when: b('picker.visible'), separator: true,
      items: [
        { type: 'Input.ChoiceSet', id: b('picker.id'), label: b('picker.label'), style: 'filtered', isRequired: true, errorMessage: b('picker.label'), choices: choicesFrom(b, 'picker.choices') },
        { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: b('picker.button.title'), verb: b('picker.button.verb'), associatedInputs: 'auto' }] },
      ],
    },
  ],
  [b.each('actions', (a) => ({ type: 'Action.Execute', title: a('title'), verb: a('verb'), data: a('data'), associatedInputs: 'none' }))],
));

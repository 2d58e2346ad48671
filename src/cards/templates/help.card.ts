import { card } from '../card-schema';
import { defineTemplate } from '../render';

/** Welcome and help share one layout: a title, a few lines, the commands and the main buttons. */
export interface HelpCardData {
  title: string;
  text: string;
  commands: { title: string; value: string }[];
  footnote: string;
  actions: { title: string; verb: string }[];
}

export const helpCard = defineTemplate<HelpCardData>('help', (b) => card(
  [
    { type: 'TextBlock', text: b('title'), size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: b('text'), wrap: true },
    { type: 'FactSet', facts: [b.each('commands', (c) => ({ title: c('title'), value: c('value') }))] },
    { type: 'TextBlock', text: b('footnote'), wrap: true, isSubtle: true, size: 'small', $when: b.expr`${'footnote'} != ''` },
  ],
  [b.each('actions', (a) => ({ type: 'Action.Execute', title: a('title'), verb: a('verb'), associatedInputs: 'none' }))],
));

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

export const helpCard = defineTemplate<HelpCardData>('help', card(
  [
    { type: 'TextBlock', text: '${title}', size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: '${text}', wrap: true },
    { type: 'FactSet', facts: [{ $data: '${commands}', title: '${title}', value: '${value}' }] },
    { type: 'TextBlock', text: '${footnote}', wrap: true, isSubtle: true, size: 'small', $when: "${footnote != ''}" },
  ],
  [{ $data: '${actions}', type: 'Action.Execute', title: '${title}', verb: '${verb}', associatedInputs: 'none' }],
));

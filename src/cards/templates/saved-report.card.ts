import { card } from '../card-schema';
import { defineTemplate } from '../render';
import { titleWithNote } from './title-row';

/** The card a report turns into once saved: facts, then the actions that move it along. */
export interface SavedReportCardData {
  title: string;
  note: string;
  /** A refusal or conflict explained above the report; '' when none. */
  warning: string;
  /** Already made safe for markdown. */
  text: string;
  textLabel: string;
  facts: { title: string; value: string }[];
  reportedBy: string;
  actions: { title: string; verb: string; data: Record<string, unknown> }[];
}

export const savedReportCard = defineTemplate<SavedReportCardData>('saved-report', (b) => card(
  [
    { type: 'TextBlock', text: b('warning'), wrap: true, color: 'attention', weight: 'bolder', $when: b.expr`${'warning'} != ''` },
    titleWithNote(b),
    { type: 'FactSet', facts: [b.each('facts', (fact) => ({ title: fact('title'), value: fact('value') }))] },
    { type: 'TextBlock', text: b('textLabel'), weight: 'bolder', spacing: 'medium', $when: b.expr`${'text'} != ''` },
    { type: 'TextBlock', text: b('text'), wrap: true, spacing: 'none', $when: b.expr`${'text'} != ''` },
    { type: 'TextBlock', text: b('reportedBy'), isSubtle: true, size: 'small', wrap: true, spacing: 'medium' },
  ],
  [b.each('actions', (a) => ({ type: 'Action.Execute', title: a('title'), verb: a('verb'), data: a('data'), associatedInputs: 'none' }))],
));

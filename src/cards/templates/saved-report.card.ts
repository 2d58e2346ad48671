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

export const savedReportCard = defineTemplate<SavedReportCardData>('saved-report', card(
  [
    { type: 'TextBlock', text: '${warning}', wrap: true, color: 'attention', weight: 'bolder', $when: "${warning != ''}" },
    titleWithNote(),
    { type: 'FactSet', facts: [{ $data: '${facts}', title: '${title}', value: '${value}' }] },
    { type: 'TextBlock', text: '${textLabel}', weight: 'bolder', spacing: 'medium', $when: "${text != ''}" },
    { type: 'TextBlock', text: '${text}', wrap: true, spacing: 'none', $when: "${text != ''}" },
    { type: 'TextBlock', text: '${reportedBy}', isSubtle: true, size: 'small', wrap: true, spacing: 'medium' },
  ],
  [{ $data: '${actions}', type: 'Action.Execute', title: '${title}', verb: '${verb}', data: '${data}', associatedInputs: 'none' }],
));

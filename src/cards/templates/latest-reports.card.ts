import { card } from '../card-schema';
import { defineTemplate } from '../render';

export interface LatestReportsCardData {
  title: string;
  empty: string;
  rows: { ref: string; line: string; status: string; open: { verb: string; data: Record<string, unknown> } }[];
}

export const latestReportsCard = defineTemplate<LatestReportsCardData>('latest-reports', card([
  { type: 'TextBlock', text: '${title}', size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
  { type: 'TextBlock', text: '${empty}', wrap: true, isSubtle: true, $when: '${count(rows) == 0}' },
  {
    type: 'Container',
    $data: '${rows}',
    separator: true,
    selectAction: { type: 'Action.Execute', verb: '${open.verb}', data: '${open.data}', associatedInputs: 'none' },
    items: [{
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: '${ref}', weight: 'bolder' }] },
        { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: '${line}', wrap: true, maxLines: 2 }] },
        { type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: '${status}', isSubtle: true }] },
      ],
    }],
  },
]));

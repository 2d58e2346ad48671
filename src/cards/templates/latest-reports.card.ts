import { card } from '../card-schema';
import { defineTemplate } from '../render';

export interface LatestReportsCardData {
  title: string;
  /** What the list is narrowed to ("Visar: öppna · mina"), or ''. */
  filter: string;
  empty: string;
  rows: { ref: string; line: string; status: string; open: { verb: string; data: Record<string, unknown> } }[];
}

export const latestReportsCard = defineTemplate<LatestReportsCardData>('latest-reports', (b) => card([
  { type: 'TextBlock', text: b('title'), size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
  { type: 'TextBlock', text: b('filter'), wrap: true, isSubtle: true, $when: b.expr`${'filter'} != ''` },
  { type: 'TextBlock', text: b('empty'), wrap: true, isSubtle: true, $when: b.expr`count(${'rows'}) == 0` },
  b.each('rows', (row) => ({
    type: 'Container',
    separator: true,
    selectAction: { type: 'Action.Execute', verb: row('open.verb'), data: row('open.data'), associatedInputs: 'none' },
    items: [{
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: row('ref'), weight: 'bolder' }] },
        { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: row('line'), wrap: true, maxLines: 2 }] },
        { type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: row('status'), isSubtle: true }] },
      ],
    }],
  })),
]));

import { card } from '../card-schema';
import { defineTemplate } from '../render';

/** A titled list of rows, each a heading, a line of text and its own buttons (hot spots, proposals, places). */
export interface HotspotRowsCardData {
  title: string;
  empty: string;
  rows: {
    heading: string;
    text: string;
    /** Shown in the attention colour: overdue measures, a warning. */
    alert: string;
    actions: { title: string; verb: string; data: Record<string, unknown> }[];
  }[];
}

export const hotspotRowsCard = defineTemplate<HotspotRowsCardData>('hotspot-rows', (b) => card([
  { type: 'TextBlock', text: b('title'), size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
  { type: 'TextBlock', text: b('empty'), wrap: true, isSubtle: true, $when: b.expr`count(${'rows'}) == 0` },
  b.each('rows', (row) => ({
    type: 'Container',
    separator: true,
    items: [
      { type: 'TextBlock', text: row('heading'), weight: 'bolder', wrap: true },
      { type: 'TextBlock', text: row('alert'), color: 'attention', wrap: true, spacing: 'none', $when: row.expr`${'alert'} != ''` },
      { type: 'TextBlock', text: row('text'), wrap: true, spacing: 'none' },
      {
        type: 'ActionSet',
        $when: row.expr`count(${'actions'}) > 0`,
        actions: [row.each('actions', (a) => ({ type: 'Action.Execute', title: a('title'), verb: a('verb'), data: a('data'), associatedInputs: 'none' }))],
      },
    ],
  })),
]));

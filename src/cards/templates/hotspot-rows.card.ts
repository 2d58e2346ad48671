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

export const hotspotRowsCard = defineTemplate<HotspotRowsCardData>('hotspot-rows', card([
  { type: 'TextBlock', text: '${title}', size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
  { type: 'TextBlock', text: '${empty}', wrap: true, isSubtle: true, $when: '${count(rows) == 0}' },
  {
    type: 'Container',
    $data: '${rows}',
    separator: true,
    items: [
      { type: 'TextBlock', text: '${heading}', weight: 'bolder', wrap: true },
      { type: 'TextBlock', text: '${alert}', color: 'attention', wrap: true, spacing: 'none', $when: "${alert != ''}" },
      { type: 'TextBlock', text: '${text}', wrap: true, spacing: 'none' },
      {
        type: 'ActionSet',
        actions: [{ $data: '${actions}', type: 'Action.Execute', title: '${title}', verb: '${verb}', data: '${data}', associatedInputs: 'none' }],
      },
    ],
  },
]));

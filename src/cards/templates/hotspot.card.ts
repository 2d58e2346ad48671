import { card } from '../card-schema';
import { defineTemplate } from '../render';
import { titleWithNote } from './title-row';

/** One hot spot: where it stands, its analysis, the effect so far, and what happened there when. */
export interface HotspotCardData {
  title: string;
  note: string;
  warning: string;
  facts: { title: string; value: string }[];
  analysisTitle: string;
  analysis: { title: string; value: string }[];
  effectTitle: string;
  /** Plain sentences; empty when the hot spot is not being followed up yet. */
  effect: string[];
  timelineTitle: string;
  timelineEmpty: string;
  timeline: { text: string }[];
  /** "Klar: …" buttons for the open measures. */
  measureActions: { title: string; verb: string; data: Record<string, unknown> }[];
  actions: { title: string; verb: string; data: Record<string, unknown> }[];
}

export const hotspotCard = defineTemplate<HotspotCardData>('hotspot', (b) => card(
  [
    { type: 'TextBlock', text: b('warning'), wrap: true, color: 'attention', weight: 'bolder', $when: b.expr`${'warning'} != ''` },
    titleWithNote(b),
    { type: 'FactSet', facts: [b.each('facts', (fact) => ({ title: fact('title'), value: fact('value') }))] },
    { type: 'TextBlock', text: b('analysisTitle'), weight: 'bolder', spacing: 'medium', $when: b.expr`count(${'analysis'}) > 0` },
    { type: 'FactSet', facts: [b.each('analysis', (fact) => ({ title: fact('title'), value: fact('value') }))], $when: b.expr`count(${'analysis'}) > 0` },
    { type: 'TextBlock', text: b('effectTitle'), weight: 'bolder', spacing: 'medium', $when: b.expr`count(${'effect'}) > 0` },
    b.each('effect', (line) => ({ type: 'TextBlock', text: line.self(), wrap: true, spacing: 'none' })),
    { type: 'TextBlock', text: b('timelineTitle'), weight: 'bolder', spacing: 'medium' },
    { type: 'TextBlock', text: b('timelineEmpty'), isSubtle: true, wrap: true, spacing: 'none', $when: b.expr`count(${'timeline'}) == 0` },
    b.each('timeline', (event) => ({ type: 'TextBlock', text: event('text'), wrap: true, spacing: 'none', size: 'small' })),
    {
      type: 'ActionSet', $when: b.expr`count(${'measureActions'}) > 0`,
      actions: [b.each('measureActions', (a) => ({ type: 'Action.Execute', title: a('title'), verb: a('verb'), data: a('data'), associatedInputs: 'none' }))],
    },
  ],
  [b.each('actions', (a) => ({ type: 'Action.Execute', title: a('title'), verb: a('verb'), data: a('data'), associatedInputs: 'none' }))],
));

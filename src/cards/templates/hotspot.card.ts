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

export const hotspotCard = defineTemplate<HotspotCardData>('hotspot', card(
  [
    { type: 'TextBlock', text: '${warning}', wrap: true, color: 'attention', weight: 'bolder', $when: "${warning != ''}" },
    titleWithNote(),
    { type: 'FactSet', facts: [{ $data: '${facts}', title: '${title}', value: '${value}' }] },
    { type: 'TextBlock', text: '${analysisTitle}', weight: 'bolder', spacing: 'medium', $when: '${count(analysis) > 0}' },
    { type: 'FactSet', facts: [{ $data: '${analysis}', title: '${title}', value: '${value}' }], $when: '${count(analysis) > 0}' },
    { type: 'TextBlock', text: '${effectTitle}', weight: 'bolder', spacing: 'medium', $when: '${count(effect) > 0}' },
    { type: 'TextBlock', $data: '${effect}', text: '${$data}', wrap: true, spacing: 'none' },
    { type: 'TextBlock', text: '${timelineTitle}', weight: 'bolder', spacing: 'medium' },
    { type: 'TextBlock', text: '${timelineEmpty}', isSubtle: true, wrap: true, spacing: 'none', $when: '${count(timeline) == 0}' },
    { type: 'TextBlock', $data: '${timeline}', text: '${text}', wrap: true, spacing: 'none', size: 'small' },
    {
      type: 'ActionSet', $when: '${count(measureActions) > 0}',
      actions: [{ $data: '${measureActions}', type: 'Action.Execute', title: '${title}', verb: '${verb}', data: '${data}', associatedInputs: 'none' }],
    },
  ],
  [{ $data: '${actions}', type: 'Action.Execute', title: '${title}', verb: '${verb}', data: '${data}', associatedInputs: 'none' }],
));

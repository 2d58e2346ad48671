import { card } from '../card-schema';
import { defineTemplate } from '../render';
import { titleWithNote } from './title-row';

type Action = { title: string; verb: string; data: Record<string, unknown> };

/** The element ids "Visa allt" shows and hides in place. */
const MORE = { events: 'timelineMore', showAll: 'timelineShowAll', showLess: 'timelineShowLess' } as const;
const TOGGLED = [MORE.events, MORE.showAll, MORE.showLess];

/**
 * One hot spot: where it stands, its analysis, the effect so far, what is still to be done, and what
 * happened there, newest first. The latest events show; "Visa allt" opens the rest in place
 * (Action.ToggleVisibility: no round trip to the bot, and the shared card stays the same for everyone).
 */
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
  /** Open measures, each in full with its "Klar" button. */
  openMeasuresTitle: string;
  openMeasures: { text: string; action: Action }[];
  timelineTitle: string;
  timelineEmpty: string;
  /** One line: how many events of each kind, and which are shown. */
  timelineSummary: string;
  /** The newest events, newest first. */
  timeline: { text: string }[];
  /** The older events, hidden until "Visa allt". */
  timelineMore: { text: string }[];
  labels: { showAll: string; showLess: string };
  /** The card's buttons: at most four. */
  actions: Action[];
  /** The rest, in the card's overflow menu. */
  moreActions: Action[];
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
    { type: 'TextBlock', text: b('openMeasuresTitle'), weight: 'bolder', spacing: 'medium', $when: b.expr`count(${'openMeasures'}) > 0` },
    b.each('openMeasures', (m) => ({
      type: 'ColumnSet', spacing: 'small',
      columns: [
        { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: m('text'), wrap: true }] },
        {
          type: 'Column', width: 'auto',
          items: [{ type: 'ActionSet', actions: [{ type: 'Action.Execute', title: m('action.title'), verb: m('action.verb'), data: m('action.data'), associatedInputs: 'none' }] }],
        },
      ],
    })),
    { type: 'TextBlock', text: b('timelineTitle'), weight: 'bolder', spacing: 'medium' },
    { type: 'TextBlock', text: b('timelineEmpty'), isSubtle: true, wrap: true, spacing: 'none', $when: b.expr`count(${'timeline'}) == 0` },
    { type: 'TextBlock', text: b('timelineSummary'), isSubtle: true, wrap: true, spacing: 'none', $when: b.expr`count(${'timeline'}) > 0` },
    b.each('timeline', (event) => ({ type: 'TextBlock', text: event('text'), wrap: true, spacing: 'none', size: 'small' })),
    {
      type: 'Container', id: MORE.events, isVisible: false, spacing: 'none', $when: b.expr`count(${'timelineMore'}) > 0`,
      items: [b.each('timelineMore', (event) => ({ type: 'TextBlock', text: event('text'), wrap: true, spacing: 'none', size: 'small' }))],
    },
    {
      type: 'ActionSet', id: MORE.showAll, $when: b.expr`count(${'timelineMore'}) > 0`,
      actions: [{ type: 'Action.ToggleVisibility', title: b('labels.showAll'), targetElements: TOGGLED }],
    },
    {
      type: 'ActionSet', id: MORE.showLess, isVisible: false, $when: b.expr`count(${'timelineMore'}) > 0`,
      actions: [{ type: 'Action.ToggleVisibility', title: b('labels.showLess'), targetElements: TOGGLED }],
    },
  ],
  [
    b.each('actions', (a) => ({ type: 'Action.Execute', title: a('title'), verb: a('verb'), data: a('data'), associatedInputs: 'none' })),
    b.each('moreActions', (a) => ({ type: 'Action.Execute', title: a('title'), verb: a('verb'), data: a('data'), associatedInputs: 'none', mode: 'secondary' })),
  ],
));

import { card } from '../card-schema';
import { defineTemplate } from '../render';
import type { LagesbildView } from '../lagesbild-view';

/**
 * The EST week on the lägesbild (issue 12): the tertial's priority areas at the top, each area's last
 * eight weeks, and a button to assess the areas. Hidden where there is none (the scheduled digest).
 */
export interface LagesbildEstPart {
  visible: boolean;
  prioritiesTitle: string;
  priorities: string[];
  areasTitle: string;
  areas: string[];
  legend: string;
  assess: { title: string; verb: string };
}

export type LagesbildCardData = LagesbildView & { est: LagesbildEstPart };

/** Ids of the parts "visa mer" / "visa mindre" swap in place. */
const DETAILS = 'lagesbild-details';
const SHOW_MORE = 'lagesbild-show-more';
const SHOW_LESS = 'lagesbild-show-less';
const TOGGLE = [DETAILS, SHOW_MORE, SHOW_LESS];

/**
 * The lägesbild as it reads on a phone: headline, what the meeting must act on, the chart (text where
 * charts cannot be drawn), then the details folded behind "visa mer", expanded in place.
 */
export const lagesbildCard = defineTemplate<LagesbildCardData>('lagesbild', (b) => card([
  { type: 'TextBlock', text: b('title'), size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
  { type: 'TextBlock', text: b('periodLabel'), isSubtle: true, wrap: true, spacing: 'none' },
  {
    type: 'Container', $when: b('est.visible'), style: 'accent', spacing: 'medium',
    items: [
      { type: 'TextBlock', text: b('est.prioritiesTitle'), weight: 'bolder', wrap: true },
      b.each('est.priorities', (line) => ({ type: 'TextBlock' as const, text: line.self(), wrap: true, spacing: 'none' as const })),
    ],
  },
  { type: 'TextBlock', text: b('empty'), wrap: true, color: 'good', $when: b.expr`${'empty'} != ''` },
  { type: 'TextBlock', text: b('headline'), size: 'medium', weight: 'bolder', wrap: true, $when: b.expr`${'empty'} == ''` },
  { type: 'TextBlock', text: b('headlineChange'), isSubtle: true, wrap: true, spacing: 'none', $when: b.expr`${'headlineChange'} != ''` },
  {
    type: 'Container',
    $when: b('summary.visible'),
    style: 'emphasis',
    spacing: 'medium',
    items: [
      { type: 'TextBlock', text: b('summary.title'), weight: 'bolder', wrap: true },
      b.each('summary.groups', (group) => ({
        type: 'Container',
        spacing: 'small',
        items: [
          { type: 'TextBlock', text: group('title'), weight: 'bolder', wrap: true, size: 'small' },
          group.each('lines', (line) => ({ type: 'TextBlock' as const, text: line.self(), wrap: true, spacing: 'none' as const })),
          { type: 'TextBlock', text: group('more'), isSubtle: true, wrap: true, spacing: 'none', $when: group.expr`${'more'} != ''` },
        ],
      })),
    ],
  },
  {
    type: 'Chart.HorizontalBar',
    // Empty bars make a chart of nothing: leave it out.
    $when: b('chart.visible'),
    title: b('chart.title'),
    displayMode: 'AbsoluteNoAxis',
    data: [b.each('chart.bars', (bar) => ({ x: bar('x'), y: bar('y'), color: bar('color') }))],
    fallback: { type: 'TextBlock', text: b('chart.fallback'), wrap: true, isSubtle: true },
  },
  { type: 'TextBlock', text: b('chart.note'), isSubtle: true, size: 'small', wrap: true, spacing: 'none', $when: b.expr`${'chart.note'} != ''` },
  {
    type: 'ActionSet', id: SHOW_MORE, $when: b.expr`count(${'sections'}) > 0`,
    actions: [{ type: 'Action.ToggleVisibility', title: b('showMore'), targetElements: TOGGLE }],
  },
  {
    type: 'Container',
    id: DETAILS,
    isVisible: false,
    $when: b.expr`count(${'sections'}) > 0`,
    items: [
      b.each('sections', (section) => ({
        type: 'Container',
        separator: true,
        spacing: 'medium',
        items: [
          { type: 'TextBlock', text: section('title'), weight: 'bolder', wrap: true },
          { type: 'TextBlock', text: section('summary'), wrap: true, spacing: 'none', $when: section.expr`${'summary'} != ''` },
          { type: 'FactSet', facts: [section.each('rows', (row) => ({ title: row('label'), value: row('value') }))], $when: section.expr`count(${'rows'}) > 0` },
          { type: 'TextBlock', text: section('more'), isSubtle: true, wrap: true, spacing: 'none', $when: section.expr`${'more'} != ''` },
        ],
      })),
    ],
  },
  {
    type: 'ActionSet', id: SHOW_LESS, isVisible: false, $when: b.expr`count(${'sections'}) > 0`,
    actions: [{ type: 'Action.ToggleVisibility', title: b('showLess'), targetElements: TOGGLE }],
  },
  {
    type: 'Container', $when: b('est.visible'), separator: true, spacing: 'medium',
    items: [
      { type: 'TextBlock', text: b('est.areasTitle'), weight: 'bolder', wrap: true },
      b.each('est.areas', (line) => ({ type: 'TextBlock' as const, text: line.self(), wrap: true, spacing: 'none' as const })),
      { type: 'TextBlock', text: b('est.legend'), isSubtle: true, size: 'small', wrap: true, $when: b.expr`count(${'est.areas'}) > 0` },
      { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: b('est.assess.title'), verb: b('est.assess.verb'), associatedInputs: 'none' }] },
    ],
  },
  { type: 'TextBlock', text: b('generated'), isSubtle: true, size: 'small', wrap: true, spacing: 'medium' },
]));

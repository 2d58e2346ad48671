import { card } from '../card-schema';
import { defineTemplate } from '../render';
import type { LagesbildView } from '../lagesbild-view';

/** The lägesbild: headline, an 8-week chart (text where charts cannot be drawn), then its sections. */
export const lagesbildCard = defineTemplate<LagesbildView>('lagesbild', (b) => card([
  { type: 'TextBlock', text: b('title'), size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
  { type: 'TextBlock', text: b('periodLabel'), isSubtle: true, wrap: true, spacing: 'none' },
  { type: 'TextBlock', text: b('empty'), wrap: true, color: 'good', $when: b.expr`${'empty'} != ''` },
  { type: 'TextBlock', text: b('headline'), size: 'medium', weight: 'bolder', wrap: true, $when: b.expr`${'empty'} == ''` },
  { type: 'TextBlock', text: b('headlineChange'), isSubtle: true, wrap: true, spacing: 'none', $when: b.expr`${'headlineChange'} != ''` },
  {
    type: 'Chart.VerticalBar',
    // Eight empty weeks make a chart of nothing, with a meaningless axis: leave it out.
    $when: b('chart.visible'),
    title: b('chart.title'),
    data: [b.each('chart.bars', (bar) => ({ x: bar('x'), y: bar('y') }))],
    fallback: { type: 'TextBlock', text: b('chart.fallback'), wrap: true, isSubtle: true },
  },
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
  { type: 'TextBlock', text: b('generated'), isSubtle: true, size: 'small', wrap: true, spacing: 'medium' },
]));

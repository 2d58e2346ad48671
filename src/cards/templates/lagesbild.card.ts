import { card } from '../card-schema';
import { defineTemplate } from '../render';
import type { LagesbildView } from '../lagesbild-view';

/** The lägesbild: headline, an 8-week chart (text where charts cannot be drawn), then its sections. */
export const lagesbildCard = defineTemplate<LagesbildView>('lagesbild', card([
  { type: 'TextBlock', text: '${title}', size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
  { type: 'TextBlock', text: '${periodLabel}', isSubtle: true, wrap: true, spacing: 'none' },
  { type: 'TextBlock', text: '${empty}', wrap: true, color: 'good', $when: "${empty != ''}" },
  { type: 'TextBlock', text: '${headline}', size: 'medium', weight: 'bolder', wrap: true, $when: "${empty == ''}" },
  { type: 'TextBlock', text: '${headlineChange}', isSubtle: true, wrap: true, spacing: 'none', $when: "${headlineChange != ''}" },
  {
    type: 'Chart.VerticalBar',
    // Eight empty weeks make a chart of nothing, with a meaningless axis: leave it out.
    $when: '${chart.visible}',
    title: '${chart.title}',
    data: [{ $data: '${chart.bars}', x: '${x}', y: '${y}' }],
    fallback: { type: 'TextBlock', text: '${chart.fallback}', wrap: true, isSubtle: true },
  },
  {
    type: 'Container',
    $data: '${sections}',
    separator: true,
    spacing: 'medium',
    items: [
      { type: 'TextBlock', text: '${title}', weight: 'bolder', wrap: true },
      { type: 'TextBlock', text: '${summary}', wrap: true, spacing: 'none', $when: "${summary != ''}" },
      { type: 'FactSet', facts: [{ $data: '${rows}', title: '${label}', value: '${value}' }], $when: '${count(rows) > 0}' },
      { type: 'TextBlock', text: '${more}', isSubtle: true, wrap: true, spacing: 'none', $when: "${more != ''}" },
    ],
  },
  { type: 'TextBlock', text: '${generated}', isSubtle: true, size: 'small', wrap: true, spacing: 'medium' },
]));

import { asPart, type Binder } from '../bind';
import type { ColumnSet } from '../card-schema';

/** A large heading `${title}` with a short green `${note}` ("Sparad.") at its right when there is one. */
export function titleWithNote<D extends { title: string; note: string }>(b: Binder<D>): ColumnSet {
  const p = asPart<{ title: string; note: string }>(b);
  return {
    type: 'ColumnSet',
    columns: [
      { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: p('title'), size: 'large', weight: 'bolder', wrap: true, style: 'heading' }] },
      { type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: p('note'), color: 'good', weight: 'bolder', $when: p.expr`${'note'} != ''` }] },
    ],
  };
}

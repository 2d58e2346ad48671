import type { ColumnSet } from '../card-schema';

/** A large heading `${title}` with a short green `${note}` ("Sparad.") at its right when there is one. */
export function titleWithNote(): ColumnSet {
  return {
    type: 'ColumnSet',
    columns: [
      { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: '${title}', size: 'large', weight: 'bolder', wrap: true, style: 'heading' }] },
      { type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: '${note}', color: 'good', weight: 'bolder', $when: "${note != ''}" }] },
    ],
  };
}

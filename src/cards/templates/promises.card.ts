import { card } from '../card-schema';
import { defineTemplate } from '../render';

type Button = { title: string; verb: string; data: Record<string, unknown> };

/** `löften`: each promise with its commitments, each commitment's progress and status buttons; the strategic meeting last. */
export interface PromisesCardData {
  title: string;
  intro: string;
  /** Shown when the year has no promises. */
  empty: string;
  promises: {
    title: string;
    commitments: {
      text: string;
      responsible: string;
      progress: string;
      status: string;
      /** The other statuses, as buttons. */
      actions: Button[];
    }[];
  }[];
  meeting: string;
  actions: Button[];
}

export const promisesCard = defineTemplate<PromisesCardData>('promises', (b) => card(
  [
    { type: 'TextBlock', text: b('title'), size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: b('intro'), wrap: true, isSubtle: true, spacing: 'none', $when: b.expr`count(${'promises'}) > 0` },
    { type: 'TextBlock', text: b('empty'), wrap: true, $when: b.expr`count(${'promises'}) == 0` },
    b.each('promises', (p) => ({
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text: p('title'), weight: 'bolder', wrap: true },
        p.each('commitments', (c) => ({
          type: 'Container',
          spacing: 'medium',
          items: [
            { type: 'TextBlock', text: c('text'), wrap: true },
            { type: 'TextBlock', text: c('responsible'), wrap: true, isSubtle: true, size: 'small', spacing: 'none' },
            { type: 'TextBlock', text: c('progress'), wrap: true, size: 'small', spacing: 'none' },
            { type: 'TextBlock', text: c('status'), wrap: true, weight: 'bolder', size: 'small', spacing: 'none' },
            {
              type: 'ActionSet',
              actions: [c.each('actions', (a) => ({ type: 'Action.Execute', title: a('title'), verb: a('verb'), data: a('data'), associatedInputs: 'none' }))],
            },
          ],
        })),
      ],
    })),
    { type: 'TextBlock', text: b('meeting'), wrap: true, separator: true },
  ],
  [b.each('actions', (a) => ({ type: 'Action.Execute', title: a('title'), verb: a('verb'), data: a('data'), associatedInputs: 'none' }))],
));

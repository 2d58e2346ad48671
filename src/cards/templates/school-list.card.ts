import { card } from '../card-schema';
import { defineTemplate } from '../render';

/** The tenant's school register: a row per school with its buttons, and what may be done to the list. */
export interface SchoolListCardData {
  title: string;
  empty: string;
  schools: { name: string; line: string; actions: { title: string; verb: string; data: Record<string, unknown> }[] }[];
  /** Add and import: shown to coordinators only (the server checks the right whatever is shown). */
  actions: { title: string; verb: string; data: Record<string, unknown> }[];
}

export const schoolListCard = defineTemplate<SchoolListCardData>('school-list', (b) => card(
  [
    { type: 'TextBlock', text: b('title'), size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: b('empty'), wrap: true, isSubtle: true, $when: b.expr`count(${'schools'}) == 0` },
    b.each('schools', (school) => ({
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text: school('name'), weight: 'bolder', wrap: true },
        { type: 'TextBlock', text: school('line'), wrap: true, spacing: 'none', isSubtle: true },
        { type: 'ActionSet', actions: [school.each('actions', (a) => ({ type: 'Action.Execute', title: a('title'), verb: a('verb'), data: a('data'), associatedInputs: 'none' }))] },
      ],
    })),
  ],
  [b.each('actions', (a) => ({ type: 'Action.Execute', title: a('title'), verb: a('verb'), data: a('data'), associatedInputs: 'none' }))],
));

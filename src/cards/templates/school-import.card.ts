import { card } from '../card-schema';
import { defineTemplate } from '../render';

/** Pasting a school register as CSV: how to write it, the text (kept when it could not be imported), the outcome. */
export interface SchoolImportCardData {
  title: string;
  text: string;
  example: string;
  /** Why nothing was imported (the line and its reason), or ''. */
  banner: string;
  labels: Record<'csv' | 'run', string>;
  csv: string;
  run: { verb: string; data: Record<string, unknown> };
}

/** Long enough for a municipality's schools, well under what a card's input may send. */
export const SCHOOL_CSV_MAX = 20_000;

export const schoolImportCard = defineTemplate<SchoolImportCardData>('school-import', (b) => card([
  { type: 'TextBlock', text: b('banner'), wrap: true, color: 'attention', weight: 'bolder', $when: b.expr`${'banner'} != ''` },
  { type: 'TextBlock', text: b('title'), size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
  { type: 'TextBlock', text: b('text'), wrap: true },
  { type: 'TextBlock', text: b('example'), wrap: true, size: 'small', isSubtle: true },
  { type: 'Input.Text', id: 'csv', label: b('labels.csv'), value: b('csv'), isMultiline: true, maxLength: SCHOOL_CSV_MAX, isRequired: true, errorMessage: b('labels.csv') },
  { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: b('labels.run'), verb: b('run.verb'), data: b('run.data'), associatedInputs: 'auto', style: 'positive' }] },
]));

import { card } from '../card-schema';
import { defineTemplate } from '../render';

/** The audit trail for coordinators: one line per event, newest first. Codes and names only. */
export interface AuditLogCardData {
  title: string;
  empty: string;
  rows: { when: string; line: string }[];
}

export const auditLogCard = defineTemplate<AuditLogCardData>('audit-log', (b) => card([
  { type: 'TextBlock', text: b('title'), size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
  { type: 'TextBlock', text: b('empty'), wrap: true, isSubtle: true, $when: b.expr`count(${'rows'}) == 0` },
  { type: 'FactSet', facts: [b.each('rows', (row) => ({ title: row('when'), value: row('line') }))], $when: b.expr`count(${'rows'}) > 0` },
]));

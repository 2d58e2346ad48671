import { card } from '../card-schema';
import { defineTemplate } from '../render';

/** The audit trail for coordinators: one line per event, newest first. Codes and names only. */
export interface AuditLogCardData {
  title: string;
  empty: string;
  rows: { when: string; line: string }[];
}

export const auditLogCard = defineTemplate<AuditLogCardData>('audit-log', card([
  { type: 'TextBlock', text: '${title}', size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
  { type: 'TextBlock', text: '${empty}', wrap: true, isSubtle: true, $when: '${count(rows) == 0}' },
  { type: 'FactSet', facts: [{ $data: '${rows}', title: '${when}', value: '${line}' }], $when: '${count(rows) > 0}' },
]));

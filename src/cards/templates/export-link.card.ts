import { card } from '../card-schema';
import { defineTemplate } from '../render';

/** Short-lived download links: a title, what they are for and until when, and one button each. */
export interface ExportLinkCardData {
  title: string;
  periodLabel: string;
  text: string;
  links: { title: string; url: string }[];
}

export const exportLinkCard = defineTemplate<ExportLinkCardData>('export-link', card([
  { type: 'TextBlock', text: '${title}', size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
  { type: 'TextBlock', text: '${periodLabel}', isSubtle: true, wrap: true, spacing: 'none' },
  { type: 'TextBlock', text: '${text}', wrap: true },
  { type: 'ActionSet', actions: [{ $data: '${links}', type: 'Action.OpenUrl', title: '${title}', url: '${url}' }] },
]));

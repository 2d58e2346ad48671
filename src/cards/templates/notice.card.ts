import { card } from '../card-schema';
import { defineTemplate } from '../render';

/** A short message, optionally above a report or a set of buttons (e.g. "someone changed it first"). */
export interface NoticeCardData {
  title: string;
  text: string;
  tone: 'default' | 'attention' | 'good';
  actions: { title: string; verb: string; data: Record<string, unknown> }[];
}

export const noticeCard = defineTemplate<NoticeCardData>('notice', card(
  [
    { type: 'TextBlock', text: '${title}', weight: 'bolder', size: 'medium', wrap: true, $when: "${title != ''}" },
    { type: 'TextBlock', text: '${text}', wrap: true, color: '${tone}' },
  ],
  [{ $data: '${actions}', type: 'Action.Execute', title: '${title}', verb: '${verb}', data: '${data}', associatedInputs: 'none' }],
));

import { card } from '../card-schema';
import { defineTemplate } from '../render';

/** A short message, optionally above a report or a set of buttons (e.g. "someone changed it first"). */
export interface NoticeCardData {
  title: string;
  text: string;
  tone: 'default' | 'attention' | 'good';
  actions: { title: string; verb: string; data: Record<string, unknown> }[];
}

export const noticeCard = defineTemplate<NoticeCardData>('notice', (b) => card(
  [
    { type: 'TextBlock', text: b('title'), weight: 'bolder', size: 'medium', wrap: true, $when: b.expr`${'title'} != ''` },
    { type: 'TextBlock', text: b('text'), wrap: true, color: b('tone') },
  ],
  [b.each('actions', (a) => ({ type: 'Action.Execute', title: a('title'), verb: a('verb'), data: a('data'), associatedInputs: 'none' }))],
));

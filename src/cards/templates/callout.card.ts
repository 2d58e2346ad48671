import { card } from '../card-schema';
import { defineTemplate } from '../render';

/** A call-out as everyone sees it: in the channel and in each recipient's personal copy (the same card). */
export interface CalloutCardData {
  title: string;
  what: string;
  called: string;
  /** '' when it will not escalate (someone comes, no later step, closed). */
  escalation: string;
  answers: { text: string; color: 'good' | 'attention' | 'default' }[];
  waiting: string;
  /** Those whose copy is on its way (not tried yet); '' when none. */
  sending: string;
  /** Those the call has not reached yet (a try failed; the bot tries again); '' when none. */
  pending: string;
  unreachable: string;
  external: string;
  outcome: string;
  /** The personal-data warning for the one who answered, with their note kept; '' for everyone else. */
  warning: string;
  open: boolean;
  answerHint: string;
  note: { label: string; value: string; max: number };
  answerActions: { title: string; verb: string; data: Record<string, unknown> }[];
  timelineTitle: string;
  timeline: { text: string }[];
  actions: { title: string; verb: string; data: Record<string, unknown> }[];
}

export const calloutCard = defineTemplate<CalloutCardData>('callout', (b) => card(
  [
    { type: 'TextBlock', text: b('title'), size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: b('what'), wrap: true, weight: 'bolder' },
    { type: 'TextBlock', text: b('called'), wrap: true, isSubtle: true, spacing: 'none' },
    { type: 'TextBlock', text: b('escalation'), wrap: true, size: 'small', $when: b.expr`${'escalation'} != ''` },
    { type: 'Container', items: [b.each('answers', (a) => ({ type: 'TextBlock', text: a('text'), wrap: true, color: a('color'), spacing: 'none' }))] },
    { type: 'TextBlock', text: b('waiting'), wrap: true, $when: b.expr`${'waiting'} != ''` },
    { type: 'TextBlock', text: b('sending'), wrap: true, isSubtle: true, $when: b.expr`${'sending'} != ''` },
    { type: 'TextBlock', text: b('pending'), wrap: true, color: 'warning', $when: b.expr`${'pending'} != ''` },
    { type: 'TextBlock', text: b('unreachable'), wrap: true, color: 'attention', weight: 'bolder', $when: b.expr`${'unreachable'} != ''` },
    { type: 'TextBlock', text: b('external'), wrap: true, size: 'small', $when: b.expr`${'external'} != ''` },
    { type: 'TextBlock', text: b('outcome'), wrap: true, weight: 'bolder', $when: b.expr`${'outcome'} != ''` },
    {
      type: 'Container', $when: b('open'), items: [
        { type: 'TextBlock', text: b('warning'), wrap: true, color: 'attention', weight: 'bolder', $when: b.expr`${'warning'} != ''` },
        { type: 'TextBlock', text: b('answerHint'), wrap: true, size: 'small' },
        { type: 'Input.Text', id: 'note', label: b('note.label'), value: b('note.value'), maxLength: 200 },
        { type: 'ActionSet', actions: [b.each('answerActions', (a) => ({ type: 'Action.Execute', title: a('title'), verb: a('verb'), data: a('data'), associatedInputs: 'auto' }))] },
      ],
    },
    { type: 'TextBlock', text: b('timelineTitle'), weight: 'bolder', size: 'small', separator: true },
    { type: 'Container', items: [b.each('timeline', (t) => ({ type: 'TextBlock', text: t('text'), wrap: true, size: 'small', isSubtle: true, spacing: 'none' }))] },
  ],
  [b.each('actions', (a) => ({ type: 'Action.Execute', title: a('title'), verb: a('verb'), data: a('data'), associatedInputs: 'none' }))],
));

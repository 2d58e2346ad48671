import { card, type CardElement, type Container } from '../card-schema';
import { defineTemplate } from '../render';
import { HOTSPOT_LIMITS } from '../../domain/hotspots/hotspot-forms';
import { choicesFrom, withError, type Choices } from './form-parts';

/** The small forms of a hot spot: a measure, the follow-up date, the analysis, or the owner organisation. */
export interface HotspotFormCardData {
  title: string;
  banner: string;
  requiredMessage: string;
  show: { measure: boolean; followUp: boolean; analysis: boolean; organisation: boolean };
  labels: Record<'what' | 'organisation' | 'dueDate' | 'followUpDate' | 'who' | 'whatHappens' | 'when' | 'why' | 'save' | 'cancel', string>;
  values: Record<'what' | 'organisation' | 'dueDate' | 'followUpDate' | 'who' | 'whatHappens' | 'when' | 'why', string>;
  errors: Record<'what' | 'organisation' | 'dueDate' | 'followUpDate' | 'who' | 'whatHappens' | 'when' | 'why', string>;
  organisations: Choices;
  submit: { verb: string; data: Record<string, unknown> };
  cancel: { verb: string; data: Record<string, unknown> };
}

/** A section of the form shown only when `when` holds; each input keeps its error line under it. */
const section = (when: string, items: CardElement[]): Container => ({ type: 'Container', $when: when, items });

const text = (id: string, label: string, max: number, required = false) =>
  withError({ type: 'Input.Text', id, label: `\${labels.${label}}`, value: `\${values.${label}}`, maxLength: max, isMultiline: max > 200, isRequired: required });

export const hotspotFormCard = defineTemplate<HotspotFormCardData>('hotspot-form', card(
  [
    { type: 'TextBlock', text: '${title}', size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: '${banner}', wrap: true, color: 'attention', weight: 'bolder', $when: "${banner != ''}" },
    section('${show.measure}', [
      ...text('what', 'what', HOTSPOT_LIMITS.measureMax, true),
      ...withError({ type: 'Input.Date', id: 'dueDate', label: '${labels.dueDate}', value: '${values.dueDate}' }),
    ]),
    section('${show.measure || show.organisation}', withError({
      type: 'Input.ChoiceSet', id: 'organisation', label: '${labels.organisation}', style: 'compact', value: '${values.organisation}',
      isRequired: true, choices: choicesFrom('organisations'),
    })),
    section('${show.followUp}', withError({ type: 'Input.Date', id: 'followUpDate', label: '${labels.followUpDate}', value: '${values.followUpDate}', isRequired: true })),
    section('${show.analysis}', [
      ...text('who', 'who', HOTSPOT_LIMITS.analysisMax),
      ...text('what', 'whatHappens', HOTSPOT_LIMITS.analysisMax),
      ...text('when', 'when', HOTSPOT_LIMITS.analysisMax),
      ...text('why', 'why', HOTSPOT_LIMITS.analysisMax),
    ]),
  ],
  [
    { type: 'Action.Execute', title: '${labels.save}', verb: '${submit.verb}', data: '${submit.data}', associatedInputs: 'auto', style: 'positive' },
    { type: 'Action.Execute', title: '${labels.cancel}', verb: '${cancel.verb}', data: '${cancel.data}', associatedInputs: 'none' },
  ],
));

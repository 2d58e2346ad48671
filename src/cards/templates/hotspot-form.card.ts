import { card, type CardElement, type Container } from '../card-schema';
import type { Binder } from '../bind';
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

type Field = keyof HotspotFormCardData['values'];

/** A text input with its label and value under the field `label`, its error under its `id`. */
const text = (b: Binder<HotspotFormCardData>, id: Field, label: Field, max: number, required = false) =>
  withError(b, { type: 'Input.Text', id, label: b(`labels.${label}`), value: b(`values.${label}`), maxLength: max, isMultiline: max > 200, isRequired: required });

export const hotspotFormCard = defineTemplate<HotspotFormCardData>('hotspot-form', (b) => card(
  [
    { type: 'TextBlock', text: b('title'), size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: b('banner'), wrap: true, color: 'attention', weight: 'bolder', $when: b.expr`${'banner'} != ''` },
    section(b('show.measure'), [
      ...text(b, 'what', 'what', HOTSPOT_LIMITS.measureMax, true),
      ...withError(b, { type: 'Input.Date', id: 'dueDate', label: b('labels.dueDate'), value: b('values.dueDate') }),
    ]),
    section(b.expr`${'show.measure'} || ${'show.organisation'}`, withError(b, {
      type: 'Input.ChoiceSet', id: 'organisation', label: b('labels.organisation'), style: 'compact', value: b('values.organisation'),
      isRequired: true, choices: choicesFrom(b, 'organisations'),
    })),
    section(b('show.followUp'), withError(b, { type: 'Input.Date', id: 'followUpDate', label: b('labels.followUpDate'), value: b('values.followUpDate'), isRequired: true })),
    section(b('show.analysis'), [
      ...text(b, 'who', 'who', HOTSPOT_LIMITS.analysisMax),
      ...text(b, 'what', 'whatHappens', HOTSPOT_LIMITS.analysisMax),
      ...text(b, 'when', 'when', HOTSPOT_LIMITS.analysisMax),
      ...text(b, 'why', 'why', HOTSPOT_LIMITS.analysisMax),
    ]),
  ],
  [
    { type: 'Action.Execute', title: b('labels.save'), verb: b('submit.verb'), data: b('submit.data'), associatedInputs: 'auto', style: 'positive' },
    { type: 'Action.Execute', title: b('labels.cancel'), verb: b('cancel.verb'), data: b('cancel.data'), associatedInputs: 'none' },
  ],
));

import { card } from '../card-schema';
import { defineTemplate } from '../render';
import { choicesFrom, type Choices } from './form-parts';

/**
 * A small form of the EST week: the meeting's weekday and times, an area's assessment (level and a
 * one-line reason) or the tertial's priority areas. Values are what was typed (kept when saving finds
 * something to correct); each field has its error line.
 */
export interface EstFormCardData {
  title: string;
  intro: string;
  banner: string;
  /** Each field says what the client shows when it is left empty (requiredMessage). */
  choiceFields: { id: string; label: string; value: string; placeholder: string; required: boolean; error: string; requiredMessage: string; choices: Choices }[];
  timeFields: { id: string; label: string; value: string; error: string; requiredMessage: string }[];
  textFields: { id: string; label: string; value: string; maxLength: number; error: string; requiredMessage: string }[];
  save: { title: string; verb: string; data: Record<string, unknown> };
  cancel: { title: string; verb: string; data: Record<string, unknown> };
}

const errorLine = (text: string, when: string) => ({ type: 'TextBlock' as const, text, wrap: true, color: 'attention' as const, size: 'small' as const, spacing: 'none' as const, $when: when });

export const estFormCard = defineTemplate<EstFormCardData>('est-form', (b) => card(
  [
    { type: 'TextBlock', text: b('title'), size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: b('banner'), wrap: true, color: 'attention', weight: 'bolder', $when: b.expr`${'banner'} != ''` },
    { type: 'TextBlock', text: b('intro'), wrap: true, $when: b.expr`${'intro'} != ''` },
    b.each('choiceFields', (f) => ({
      type: 'Container' as const,
      items: [
        {
          type: 'Input.ChoiceSet' as const, id: f('id'), label: f('label'), style: 'compact' as const, value: f('value'), placeholder: f('placeholder'),
          isRequired: f('required') as unknown as boolean, errorMessage: f('requiredMessage'), choices: choicesFrom(f, 'choices'),
        },
        errorLine(f('error'), f.expr`${'error'} != ''`),
      ],
    })),
    b.each('timeFields', (f) => ({
      type: 'Container' as const,
      items: [
        { type: 'Input.Time' as const, id: f('id'), label: f('label'), value: f('value'), isRequired: true, errorMessage: f('requiredMessage') },
        errorLine(f('error'), f.expr`${'error'} != ''`),
      ],
    })),
    b.each('textFields', (f) => ({
      type: 'Container' as const,
      items: [
        { type: 'Input.Text' as const, id: f('id'), label: f('label'), value: f('value'), maxLength: f('maxLength') as unknown as number, isRequired: true, errorMessage: f('requiredMessage') },
        errorLine(f('error'), f.expr`${'error'} != ''`),
      ],
    })),
  ],
  [
    { type: 'Action.Execute', title: b('save.title'), verb: b('save.verb'), data: b('save.data'), associatedInputs: 'auto', style: 'positive' },
    { type: 'Action.Execute', title: b('cancel.title'), verb: b('cancel.verb'), data: b('cancel.data'), associatedInputs: 'none' },
  ],
));

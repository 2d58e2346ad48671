import { card } from '../card-schema';
import { defineTemplate } from '../render';
import { LIMITS } from '../../domain/limits';
import { banner, withError } from './form-parts';

/** Closing an incident: "Vad gjordes?", one line, then "Markera som åtgärdad" or back to the report. */
export interface CloseReportCardData {
  title: string;
  /** A refusal, or the personal-data warning; '' when none. */
  banner: string;
  requiredMessage: string;
  labels: { resolution: string; placeholder: string; save: string; cancel: string };
  values: { resolution: string };
  errors: { resolution: string };
  submit: { verb: string; data: Record<string, unknown> };
  cancel: { verb: string; data: Record<string, unknown> };
}

export const closeReportCard = defineTemplate<CloseReportCardData>('close-report', (b) => card(
  [
    { type: 'TextBlock', text: b('title'), size: 'medium', weight: 'bolder', wrap: true, style: 'heading' },
    banner(b),
    ...withError(b, {
      type: 'Input.Text', id: 'resolution', label: b('labels.resolution'), placeholder: b('labels.placeholder'), value: b('values.resolution'),
      maxLength: LIMITS.resolutionMax, isRequired: true,
    }),
  ],
  [
    { type: 'Action.Execute', title: b('labels.save'), verb: b('submit.verb'), data: b('submit.data'), associatedInputs: 'auto', style: 'positive' },
    { type: 'Action.Execute', title: b('labels.cancel'), verb: b('cancel.verb'), data: b('cancel.data'), associatedInputs: 'none' },
  ],
));

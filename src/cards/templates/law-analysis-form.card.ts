import { ANALYSIS_MAX } from '../../domain/annual/law-analysis';
import { card } from '../card-schema';
import { defineTemplate } from '../render';
import { VERBS } from '../verbs';
import { banner, withError } from './form-parts';
import type { RegisterFormCardData } from './promise-form.card';

/** The coordinator's analysis of a year for the lägesbild enligt lag: one long text, kept as typed on any error. */
export type LawAnalysisFormCardData = Omit<RegisterFormCardData<'analysis'>, 'choices'>;

export const lawAnalysisFormCard = defineTemplate<LawAnalysisFormCardData>('law-analysis-form', (b) => card(
  [
    { type: 'TextBlock', text: b('title'), size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: b('intro'), wrap: true, isSubtle: true, spacing: 'none' },
    banner(b),
    ...withError(b, { type: 'Input.Text', id: 'analysis', label: b('labels.analysis'), value: b('values.analysis'), isMultiline: true, isRequired: true, maxLength: ANALYSIS_MAX }),
  ],
  [
    { type: 'Action.Execute', title: b('labels.submit'), verb: b('submit.verb'), data: b('submit.data'), associatedInputs: 'auto', style: 'positive' },
    { type: 'Action.Execute', title: b('labels.cancel'), verb: VERBS.cancel, associatedInputs: 'none' },
  ],
));

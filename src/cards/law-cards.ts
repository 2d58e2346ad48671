import type { LawAnalysis } from '../domain/annual/law-analysis';
import { format, messages, type Locale } from '../i18n/messages';
import type { AdaptiveCard } from './card-schema';
import { formatWhen } from './formatting';
import { LAW_VERBS } from './law-verbs';
import { formParts, type PromiseFormState } from './promise-cards';
import { render } from './render';
import { notice } from './report-cards';
import { lawAnalysisFormCard } from './templates/law-analysis-form.card';

// The lägesbild enligt lag's own cards: the coordinator's analysis form and what saving it answers.

/** The analysis form: the stored text (or what was typed), errors at the field, a personal-data warning. */
export function analysisForm(locale: Locale, year: number, s: PromiseFormState<'analysis'>): AdaptiveCard {
  const m = messages(locale);
  const l = m.law.analysisForm;
  const { confirm, ...parts } = formParts(['analysis'], s, m, l.fixErrors);
  return render(lawAnalysisFormCard, {
    title: format(l.title, { year }), intro: l.intro, ...parts,
    labels: { analysis: l.label, submit: l.submit, cancel: l.cancel },
    submit: { verb: LAW_VERBS.saveAnalysis, data: { year, ...confirm } },
  });
}

/** Saved: where the text will appear, and a button to change it again. */
export function analysisSaved(locale: Locale, analysis: LawAnalysis): AdaptiveCard {
  const t = messages(locale).law;
  return notice(format(t.analysisForm.saved, { year: analysis.year }), {
    title: format(t.command.analysisTitle, { year: analysis.year }), tone: 'good',
    actions: [{ title: t.command.editAnalysis, verb: LAW_VERBS.openAnalysis, data: { year: analysis.year } }],
  });
}

/** The analysis button of the lägesbild enligt lag's links card: "Skriv analys", or "Ändra analysen" once written. */
export function analysisButton(locale: Locale, year: number, analysis: LawAnalysis | null): { title: string; verb: string; data: { year: number } } {
  const t = messages(locale).law.command;
  return { title: analysis ? t.editAnalysis : t.writeAnalysis, verb: LAW_VERBS.openAnalysis, data: { year } };
}

/** What the links card says of the analysis: not written yet, or when it was last changed. */
export function analysisStatus(locale: Locale, year: number, analysis: LawAnalysis | null, zone: string): string {
  const t = messages(locale).law.command;
  return analysis ? format(t.analysisSaved, { year, at: formatWhen(analysis.updatedAt, locale, zone) }) : format(t.analysisNone, { year });
}

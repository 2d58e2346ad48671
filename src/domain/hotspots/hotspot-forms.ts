import { FormReader, day, optionalText, requiredChoice, requiredText, type FieldErrors } from '../form-fields';
import { ORGANISATIONS, type Organisation } from '../vocabulary';
import { ANALYSIS_ASPECTS, type Analysis } from './hotspot';

// What the hot spot cards send, checked like every other form: values as typed, errors by field.

export const HOTSPOT_LIMITS = { measureMax: 500, analysisMax: 1000 } as const;

export interface MeasureForm { what?: string; organisation?: string; dueDate?: string }
export type MeasureFormField = keyof MeasureForm;
export interface ValidMeasure { what: string; organisation: Organisation; dueDate: string | null }

export type Checked<T, K extends string> = { ok: true; value: T } | { ok: false; errors: FieldErrors<K> };

export function validateMeasure(form: MeasureForm): Checked<ValidMeasure, MeasureFormField> {
  const r = new FormReader<MeasureFormField>();
  const what = r.read('what', requiredText(form.what, HOTSPOT_LIMITS.measureMax));
  const organisation = r.read('organisation', requiredChoice(form.organisation, ORGANISATIONS));
  const dueDate = r.read('dueDate', day(form.dueDate, false));
  if (!r.valid || !what || !organisation) return { ok: false, errors: r.errors };
  return { ok: true, value: { what, organisation, dueDate: dueDate ?? null } };
}

export function validateFollowUp(raw: unknown): Checked<string, 'followUpDate'> {
  const r = new FormReader<'followUpDate'>();
  const date = r.read('followUpDate', day(raw, true));
  return r.valid && date ? { ok: true, value: date } : { ok: false, errors: r.errors };
}

export type AnalysisForm = Partial<Record<(typeof ANALYSIS_ASPECTS)[number], string>>;

export function validateAnalysis(form: AnalysisForm): Checked<Analysis, keyof Analysis> {
  const r = new FormReader<keyof Analysis>();
  const entries = ANALYSIS_ASPECTS.map((aspect) => [aspect, r.read(aspect, optionalText(form[aspect], HOTSPOT_LIMITS.analysisMax)) ?? null]);
  return r.valid ? { ok: true, value: Object.fromEntries(entries) as Analysis } : { ok: false, errors: r.errors };
}

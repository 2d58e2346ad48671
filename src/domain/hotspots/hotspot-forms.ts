import { checkedDay } from '../date-limits';
import { FormReader, checkedText, optionalText, present, type FieldErrors } from '../form-fields';
import type { Organisation } from '../vocabulary';
import { ANALYSIS_ASPECTS, type Analysis } from './hotspot';

// The hot spot's small forms as the use cases take them: typed values (codes, calendar days) read from the
// card by the card layer, checked here for what is required and how long; errors by field.

export const HOTSPOT_LIMITS = { measureMax: 500, analysisMax: 1000 } as const;

/** A measure as typed on its card and read by the card layer; null = not given. */
export interface MeasureDraft { what: string | null; organisation: Organisation | null; dueDate: string | null }
export type MeasureFormField = keyof MeasureDraft;
export interface ValidMeasure { what: string; organisation: Organisation; dueDate: string | null }

export type Checked<T, K extends string> = { ok: true; value: T } | { ok: false; errors: FieldErrors<K> };

export function validateMeasure(draft: MeasureDraft): Checked<ValidMeasure, MeasureFormField> {
  const r = new FormReader<MeasureFormField>();
  const what = r.read('what', checkedText(draft.what, HOTSPOT_LIMITS.measureMax, true));
  const organisation = r.read('organisation', present(draft.organisation));
  const dueDate = draft.dueDate === null ? null : r.read('dueDate', checkedDay(draft.dueDate));
  if (!r.valid || !what || !organisation || dueDate === undefined) return { ok: false, errors: r.errors };
  return { ok: true, value: { what, organisation, dueDate } };
}

/** The follow-up day (YYYY-MM-DD, read by the card layer), which must be given. */
export function validateFollowUp(day: string | null): Checked<string, 'followUpDate'> {
  const r = new FormReader<'followUpDate'>();
  const given = r.read('followUpDate', present(day));
  const date = given && r.read('followUpDate', checkedDay(given));
  return r.valid && date ? { ok: true, value: date } : { ok: false, errors: r.errors };
}

export type AnalysisForm = Partial<Record<(typeof ANALYSIS_ASPECTS)[number], string>>;

export function validateAnalysis(form: AnalysisForm): Checked<Analysis, keyof Analysis> {
  const r = new FormReader<keyof Analysis>();
  const entries = ANALYSIS_ASPECTS.map((aspect) => [aspect, r.read(aspect, optionalText(form[aspect], HOTSPOT_LIMITS.analysisMax)) ?? null]);
  return r.valid ? { ok: true, value: Object.fromEntries(entries) as Analysis } : { ok: false, errors: r.errors };
}

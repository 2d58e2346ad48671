import type { FieldFinding } from './mask-fields';
import { maskFields } from './mask-fields';

// Which fields of each kind of record people type free text into. This list is the one place that
// decides it: the personal-data guard runs on exactly these fields (guardFreeText takes every one of
// them, by type), and test/domain/privacy-schema-coverage.test.ts fails for any text column of the
// database that is neither stored from a field named here nor declared not free text.
//
// A new free-text field (a note on a mobilisation, a comment on a measure, …) is added here, under its
// record, and then the use case that saves it cannot call guardFreeText without it.

export const FREE_TEXT = {
  /** An incident: what happened, the school, and the name of a new place typed on the card. */
  incident: ['description', 'school', 'place'],
  /** Closing an incident: what was done ("vad gjordes?"). */
  resolution: ['resolution'],
  /** An activity: its notes, and the name of a new place. */
  activity: ['notes', 'place'],
  /** A hot spot's analysis: who, what, when, why. */
  analysis: ['who', 'what', 'when', 'why'],
  /** A hot spot's measure: what is to be done. */
  measure: ['what'],
  /** A place of the register, as curated: its name and a new other name (alias). */
  place: ['name', 'alias'],
  /** An area's weekly assessment in the EST meeting: its one-line reason. */
  assessment: ['reason'],
  /** A school of the register, added on its card or imported from a CSV file: its name. */
  school: ['name'],
  /** A call-out (mobilisering): what happened, as the caller wrote it. */
  mobilisation: ['what'],
  /** An answer to a call-out: its optional short note. */
  mobilisationAnswer: ['note'],
  /** Closing a call-out: its outcome. */
  mobilisationOutcome: ['outcome'],
  /** A medborgarlöfte: its title and text (typed on the card or imported). */
  promise: ['title', 'text'],
  /** A commitment (åtagande) of a promise: its text. */
  commitment: ['text'],
  /** The yearly strategic meeting: its decisions. */
  meeting: ['decisions'],
  /** The coordinator's own analysis in the lägesbild enligt lag (SFS 2023:196). */
  lawAnalysis: ['analysis'],
} as const satisfies Record<string, readonly string[]>;

export type FreeTextRecord = keyof typeof FREE_TEXT;
export type FreeTextField<R extends FreeTextRecord> = (typeof FREE_TEXT)[R][number];
/** Every free-text field of a record, each given (a text) or not (null). */
export type FreeTexts<R extends FreeTextRecord> = Record<FreeTextField<R>, string | null>;

/** Whether the person has seen the personal-data warning and chose to save with masking. */
export interface PrivacyChoice {
  maskingConfirmed?: boolean;
}

export type GuardedTexts<R extends FreeTextRecord> =
  | { ok: true; texts: FreeTexts<R> }
  | { ok: false; reason: 'personal_data'; findings: FieldFinding<FreeTextField<R>>[] };

/**
 * The personal-data guard over every free-text field of one record: the texts as they are to be stored
 * (cleaned and masked), or, when something was found and the person has not yet confirmed, the findings
 * by field so that the card can say what and where.
 */
export function guardFreeText<R extends FreeTextRecord>(record: R, texts: FreeTexts<R>, privacy: PrivacyChoice): GuardedTexts<R> {
  const fields = FREE_TEXT[record] as readonly FreeTextField<R>[];
  const { masked, findings } = maskFields(Object.fromEntries(fields.map((f) => [f, texts[f] ?? null])) as Partial<Record<FreeTextField<R>, string | null>>);
  if (findings.length > 0 && !privacy.maskingConfirmed) return { ok: false, reason: 'personal_data', findings };
  return { ok: true, texts: Object.fromEntries(fields.map((f) => [f, masked[f] ?? null])) as FreeTexts<R> };
}

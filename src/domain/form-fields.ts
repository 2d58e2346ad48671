import { clockTime, instantOfLocal, isCalendarDay, isoDay, localTime } from './local-time';
import { isOneOf } from './vocabulary';

// Small parsers shared by every report form. Each returns a value or an error code; the card layer
// turns codes into words in the user's language.

export type FieldErrorCode =
  | 'required' | 'too_long' | 'invalid_choice' | 'invalid_date' | 'invalid_time' | 'in_future' | 'too_far_ahead' | 'too_early'
  | 'not_a_whole_number' | 'out_of_range' | 'invalid_format' | 'invalid_case_number' | 'before_date' | 'not_your_organisation';

export interface FieldError { code: FieldErrorCode; max?: number; min?: number }

export type FieldErrors<K extends string> = Partial<Record<K, FieldError>>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: FieldError };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (code: FieldErrorCode, extra: Omit<FieldError, 'code'> = {}): Parsed<never> => ({ ok: false, error: { code, ...extra } });

/** Card inputs arrive as strings (or not at all); trimmed empty means "not given". */
export function given(raw: unknown): string | null {
  if (typeof raw !== 'string' && typeof raw !== 'number') return null;
  const text = String(raw).trim();
  return text === '' ? null : text;
}

export function requiredText(raw: unknown, max: number): Parsed<string> {
  const text = given(raw);
  if (text === null) return fail('required');
  return text.length > max ? fail('too_long', { max }) : ok(text);
}

export function optionalText(raw: unknown, max: number, pattern?: RegExp): Parsed<string | null> {
  const text = given(raw);
  if (text === null) return ok(null);
  if (text.length > max) return fail('too_long', { max });
  return pattern && !pattern.test(text) ? fail('invalid_format') : ok(text);
}

export function requiredChoice<T extends string>(raw: unknown, choices: readonly T[]): Parsed<T> {
  const text = given(raw);
  if (text === null) return fail('required');
  return isOneOf(choices, text) ? ok(text) : fail('invalid_choice');
}

/** Multi-select inputs send "a,b,c". Every part must be a known choice. */
export function choiceList<T extends string>(raw: unknown, choices: readonly T[]): Parsed<T[]> {
  const text = given(raw);
  if (text === null) return ok([]);
  const parts = [...new Set(text.split(',').map((p) => p.trim()).filter(Boolean))];
  return parts.every((p) => isOneOf(choices, p)) ? ok(parts as T[]) : fail('invalid_choice');
}

export function optionalCount(raw: unknown, max: number): Parsed<number | null> {
  const text = given(raw);
  if (text === null) return ok(null);
  if (!/^\d+$/.test(text)) return fail('not_a_whole_number');
  const n = Number(text);
  return n > max ? fail('out_of_range', { min: 0, max }) : ok(n);
}

export function day(raw: unknown, required: boolean): Parsed<string | null> {
  const text = given(raw);
  if (text === null) return required ? fail('required') : ok(null);
  return isCalendarDay(text) ? ok(text) : fail('invalid_date');
}

export function timeOfDay(raw: unknown): Parsed<string | null> {
  const text = given(raw);
  if (text === null) return ok(null);
  const m = /^(\d{1,2})[:.](\d{2})(?::\d{2})?$/.exec(text);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return fail('invalid_time');
  return ok(`${m[1]!.padStart(2, '0')}:${m[2]}`);
}

// Checks of typed values (what the use cases receive once the card layer has parsed the card).

/** A value that must be given. */
export function present<T>(value: T | null | undefined): Parsed<T> {
  return value === null || value === undefined ? fail('required') : ok(value);
}

/** A text within `max` characters (trimmed; empty counts as not given), optionally of a given shape. */
export function checkedText(value: string | null | undefined, max: number, required: boolean, pattern?: RegExp): Parsed<string | null> {
  const text = value?.trim() ?? '';
  if (text === '') return required ? fail('required') : ok(null);
  if (text.length > max) return fail('too_long', { max });
  return pattern && !pattern.test(text) ? fail('invalid_format') : ok(text);
}

/** A count from 0 to `max`, or not given. */
export function checkedCount(value: number | null | undefined, max: number): Parsed<number | null> {
  if (value === null || value === undefined) return ok(null);
  if (!Number.isInteger(value)) return fail('not_a_whole_number');
  return value < 0 || value > max ? fail('out_of_range', { min: 0, max }) : ok(value);
}

/**
 * A local date (YYYY-MM-DD) and time (HH:mm, as timeOfDay gives it) in the given zone as a UTC instant:
 * DST gaps move forward, as clocks do; the repeated autumn hour is its first pass (local-time.ts). An
 * invalid date or time gives an invalid Date.
 */
export function localToInstant(date: string, time: string, zone: string): Date {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t || !isCalendarDay(date) || Number(t[1]) > 23 || Number(t[2]) > 59) return new Date(Number.NaN);
  return instantOfLocal({ year: Number(d[1]), month: Number(d[2]), day: Number(d[3]), hour: Number(t[1]), minute: Number(t[2]) }, zone);
}

export function instantToLocal(at: Date, zone: string): { date: string; time: string } {
  const local = localTime(at, zone);
  return { date: isoDay(local), time: clockTime(local) };
}

export function localYear(at: Date, zone: string): number {
  return localTime(at, zone).year;
}

/** Collects parse results into values and errors without a branch per field. */
export class FormReader<K extends string> {
  readonly errors: FieldErrors<K> = {};

  read<T>(field: K, result: Parsed<T>): T | undefined {
    if (result.ok) return result.value;
    this.errors[field] = result.error;
    return undefined;
  }

  fail(field: K, error: FieldError): void {
    this.errors[field] ??= error;
  }

  get valid(): boolean {
    return Object.keys(this.errors).length === 0;
  }
}

import { given, type FieldErrors, type Parsed } from '../../domain/form-fields';
import { isOneOf } from '../../domain/vocabulary';

// Readers shared by every card form: a card value as typed, read into a typed value or a field error.

/** A form read: the draft when every value could be read, else the errors at their fields (all at once). */
export type ReadForm<D, F extends string> = { ok: true; draft: D } | { ok: false; errors: FieldErrors<F> };

/** A code from a fixed list, or not given. */
export function code<T extends string>(raw: unknown, codes: readonly T[]): Parsed<T | null> {
  const text = given(raw);
  if (text === null) return { ok: true, value: null };
  return isOneOf(codes, text) ? { ok: true, value: text } : { ok: false, error: { code: 'invalid_choice' } };
}

/** The draft, or the errors when any value could not be read. */
export const readResult = <D, F extends string>(draft: D, errors: FieldErrors<F>): ReadForm<D, F> =>
  (Object.keys(errors).length === 0 ? { ok: true, draft } : { ok: false, errors });

import { guardFreeText, type FreeTextField, type FreeTextRecord, type PrivacyChoice } from '../privacy/free-text';
import type { Guarded } from '../privacy/guard-reports';

/**
 * The personal-data guard over a record of the promise register whose fields are all texts: a
 * promise (title, text), a commitment (text), a strategic meeting (decisions).
 */
export function guardTexts<R extends 'promise' | 'commitment' | 'meeting', V extends Record<FreeTextField<R>, string>>(
  record: R, v: V, privacy: PrivacyChoice,
): Guarded<V, FreeTextField<R>> {
  const guarded = guardFreeText<FreeTextRecord & R>(record, v, privacy);
  if (!guarded.ok) return guarded;
  const texts = guarded.texts as Record<string, string | null>;
  return { ok: true, value: Object.fromEntries(Object.entries(v).map(([k, value]) => [k, k in texts ? texts[k] ?? '' : value])) as V };
}

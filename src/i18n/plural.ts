import type { Locale } from './locale';

// The one plural mechanism of the catalogue: a count text names its forms in the template,
// "{n} {n|händelse|händelser}", and the locale's CLDR rules (Intl.PluralRules) pick the form. Swedish and
// English both have two cardinal forms, `one` and `other`; the first form is `one`, the second `other`.

/** The culture of a locale for Intl: dates, numbers and plural rules. */
export const culture = (locale: Locale): string => (locale === 'sv' ? 'sv-SE' : 'en-GB');

const rules = new Map<string, Intl.PluralRules>();

function rulesFor(locale: Locale, fractionDigits: number): Intl.PluralRules {
  const key = `${locale}/${fractionDigits}`;
  let found = rules.get(key);
  if (!found) rules.set(key, (found = new Intl.PluralRules(culture(locale), { minimumFractionDigits: fractionDigits })));
  return found;
}

/**
 * The plural category of a count as it is shown: "1" is `one`, while "1,0" and "1.5" are `other` (a shown
 * decimal is never singular in Swedish or English). A value that is not a number (a placeholder left
 * empty) is `other`.
 */
export function pluralCategory(locale: Locale, shown: string | number): Intl.LDMLPluralRule {
  const text = String(shown).trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return 'other';
  const fractionDigits = text.split('.')[1]?.length ?? 0;
  return rulesFor(locale, fractionDigits).select(Number(text));
}

/** The form of `forms` (one, other) for the count. */
export function pluralForm(locale: Locale, shown: string | number, forms: { one: string; other: string }): string {
  return pluralCategory(locale, shown) === 'one' ? forms.one : forms.other;
}

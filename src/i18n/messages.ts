import { en } from './en';
import { sv, type Catalogue } from './sv';

export type Locale = 'sv' | 'en';
export type { Catalogue };

const catalogues: Record<Locale, Catalogue> = { sv, en };

/** Swedish unless the client says English (en, en-US, en-GB, …). */
export function localeFrom(clientLocale: string | undefined | null): Locale {
  return clientLocale && /^en(-|_|$)/i.test(clientLocale) ? 'en' : 'sv';
}

export function messages(locale: Locale): Catalogue {
  return catalogues[locale];
}

/**
 * Fills {name} placeholders; unknown placeholders stay visible so a missing value is noticed.
 * {name|one|many} picks the word for the number in `name`: "{n} {n|händelse|händelser}".
 */
export function format(template: string, values: Record<string, string | number>): string {
  return template
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, key: string, one: string, many: string) =>
      (key in values ? (String(values[key]).trim() === '1' ? one : many) : whole))
    .replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

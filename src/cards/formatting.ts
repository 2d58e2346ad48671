import { DateTime } from 'luxon';
import { STOCKHOLM } from '../domain/periods';
import type { Locale } from '../i18n/messages';
import { culture } from '../i18n/plural';

// Times, days and numbers as every card shows them: in Europe/Stockholm, in the reader's language.

export { culture };

export function formatWhen(at: Date, locale: Locale, zone = STOCKHOLM, pattern = 'd LLL yyyy HH:mm'): string {
  return DateTime.fromJSDate(at, { zone }).setLocale(culture(locale)).toFormat(pattern);
}

/** A calendar day stored as YYYY-MM-DD. */
export function formatDay(day: string, locale: Locale, zone = STOCKHOLM, pattern = 'd LLL yyyy'): string {
  return DateTime.fromISO(day, { zone }).setLocale(culture(locale)).toFormat(pattern);
}

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(culture(locale), { maximumFractionDigits: 1 }).format(n);
}

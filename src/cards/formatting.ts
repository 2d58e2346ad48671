import { DateTime } from 'luxon';
import { STOCKHOLM } from '../domain/periods';
import type { Locale } from '../i18n/messages';
import type { Occurred } from '../domain/report';

// Times, days and numbers as every card shows them: in Europe/Stockholm, in the reader's language.

export const culture = (locale: Locale): string => (locale === 'sv' ? 'sv-SE' : 'en-GB');

export function formatWhen(at: Date, locale: Locale, zone = STOCKHOLM, pattern = 'd LLL yyyy HH:mm'): string {
  return DateTime.fromJSDate(at, { zone }).setLocale(culture(locale)).toFormat(pattern);
}

/** When a report's event happened: an incident's instant (with its time unless `dayOnly`), an activity's day. */
export function formatOccurred(occurred: Occurred, locale: Locale, dayOnly = false): string {
  return 'at' in occurred ? formatWhen(occurred.at, locale, STOCKHOLM, dayOnly ? 'd LLL yyyy' : undefined) : formatDay(occurred.day, locale);
}

/** A calendar day stored as YYYY-MM-DD. */
export function formatDay(day: string, locale: Locale, zone = STOCKHOLM, pattern = 'd LLL yyyy'): string {
  return DateTime.fromISO(day, { zone }).setLocale(culture(locale)).toFormat(pattern);
}

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(culture(locale), { maximumFractionDigits: 1 }).format(n);
}

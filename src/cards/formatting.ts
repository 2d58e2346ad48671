import { DateTime, Info } from 'luxon';
import { clockTime, isCalendarDay, localTime, type LocalTime } from '../domain/local-time';
import { STOCKHOLM } from '../domain/periods';
import type { Locale } from '../i18n/messages';
import type { Occurred } from '../domain/report';
import { culture } from '../i18n/plural';

// Times, days and numbers as every card shows them: in Europe/Stockholm, in the reader's language.

/** The date part of every date a card shows (formatDate). */
const DATE_STYLE = 'd LLL yyyy';

export { culture };

export function formatWhen(at: Date, locale: Locale, zone = STOCKHOLM, pattern = `${DATE_STYLE} HH:mm`): string {
  const common = COMMON_PATTERNS[pattern];
  if (common && !Number.isNaN(at.getTime())) return common(localTime(at, zone), monthNames(locale));
  return DateTime.fromJSDate(at, { zone }).setLocale(culture(locale)).toFormat(pattern);
}

/**
 * The patterns nearly every card uses, written without a luxon DateTime (a card's "when" was a tenth of
 * a millisecond of every report submit, issue 14); any other pattern is luxon's. Each gives what luxon's
 * toFormat gives (test/cards/formatting.test.ts compares them).
 */
const COMMON_PATTERNS: Record<string, (t: LocalTime, months: readonly string[]) => string> = {
  [DATE_STYLE]: (t, months) => dateText(t, months),
  [`${DATE_STYLE} HH:mm`]: (t, months) => `${dateText(t, months)} ${clockTime(t)}`,
  'HH:mm': (t) => clockTime(t),
};

/** DATE_STYLE: "1 dec. 2026". */
const dateText = (t: Pick<LocalTime, 'year' | 'month' | 'day'>, months: readonly string[]): string =>
  `${t.day} ${months[t.month - 1]} ${String(t.year).padStart(4, '0')}`;

/** The short standalone month names of a locale (luxon's LLL), read from Intl once per locale. */
const months = new Map<Locale, readonly string[]>();

function monthNames(locale: Locale): readonly string[] {
  let names = months.get(locale);
  if (!names) months.set(locale, (names = Info.months('short', { locale: culture(locale) })));
  return names;
}

/** When a report's event happened: an incident's instant (with its time unless `dayOnly`), an activity's day. */
export function formatOccurred(occurred: Occurred, locale: Locale, dayOnly = false): string {
  return 'at' in occurred ? formatWhen(occurred.at, locale, STOCKHOLM, dayOnly ? DATE_STYLE : undefined) : formatDay(occurred.day, locale);
}

/** A calendar day stored as YYYY-MM-DD. */
export function formatDay(day: string, locale: Locale, zone = STOCKHOLM, pattern = DATE_STYLE): string {
  // A calendar day's fields are its own, in any zone.
  if (pattern === DATE_STYLE && isCalendarDay(day)) {
    return dateText({ year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)) }, monthNames(locale));
  }
  return DateTime.fromISO(day, { zone }).setLocale(culture(locale)).toFormat(pattern);
}

/**
 * The one date style of every card: "1 dec. 2026" in Swedish, "1 Dec 2026" in English. A calendar
 * day (YYYY-MM-DD) or an instant, read in the zone. Use it for any date a user reads.
 */
export function formatDate(value: string | Date, locale: Locale, zone = STOCKHOLM): string {
  return typeof value === 'string' ? formatDay(value, locale, zone, DATE_STYLE) : formatWhen(value, locale, zone, DATE_STYLE);
}

/**
 * One formatter per locale: making an Intl.NumberFormat loads the locale's data, a tenth of a
 * millisecond or more, and every saved report's card shows a count (issue 14).
 */
const numberFormats = new Map<Locale, Intl.NumberFormat>();

/** A count or a mean: decimal comma in Swedish, point in English, at most one decimal. */
export function formatNumber(n: number, locale: Locale): string {
  let numbers = numberFormats.get(locale);
  if (!numbers) numberFormats.set(locale, (numbers = new Intl.NumberFormat(culture(locale), { maximumFractionDigits: 1 })));
  return numbers.format(n);
}

/** A count nobody gave reads "okänt antal" (`unknown`), never 0. */
export function countOrUnknown(count: number | null, locale: Locale, unknown: string): string {
  return count === null ? unknown : formatNumber(count, locale);
}

import { DateTime } from 'luxon';
import { foldText } from './place';

// Periods of local calendar time (Europe/Stockholm): ISO weeks, months, years and day ranges. Every
// boundary is computed on the local calendar, so a week with a daylight-saving change still starts
// and ends at local midnight (and is 167 or 169 hours long).

export const STOCKHOLM = 'Europe/Stockholm';

export type PeriodKind = 'week' | 'month' | 'year' | 'days';

/** `from` inclusive and `to` exclusive as UTC instants; `firstDay`/`lastDay` local days, inclusive. */
export interface Period {
  kind: PeriodKind;
  from: Date;
  to: Date;
  firstDay: string;
  lastDay: string;
  /** Cut short at "now" (e.g. this week so far). */
  partial: boolean;
  zone: string;
}

/** The longest day range a question may span: two years, enough for a yearly lägesbild and its comparison. */
export const MAX_RANGE_DAYS = 731;

const UNIT = { week: 'weeks', month: 'months', year: 'years' } as const;

const local = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone });
const day = (dt: DateTime) => dt.toFormat('yyyy-MM-dd');

function period(kind: PeriodKind, start: DateTime, end: DateTime, now: Date | null): Period {
  const cut = now !== null && end.toMillis() > now.getTime();
  const to = cut ? local(now, start.zoneName ?? STOCKHOLM) : end;
  return {
    kind, from: start.toJSDate(), to: to.toJSDate(), firstDay: day(start), lastDay: day(to.minus({ milliseconds: 1 })),
    partial: cut, zone: start.zoneName ?? STOCKHOLM,
  };
}

/** The ISO week, or null when the year has no such week (week 53 exists only in some years). */
export function isoWeek(weekYear: number, weekNumber: number, zone = STOCKHOLM, now: Date | null = null): Period | null {
  const start = DateTime.fromObject({ weekYear, weekNumber, weekday: 1 }, { zone });
  if (!start.isValid || weekNumber < 1 || start.weekNumber !== weekNumber || start.weekYear !== weekYear) return null;
  return period('week', start, start.plus({ weeks: 1 }), now);
}

export function weekOf(at: Date, zone = STOCKHOLM, now: Date | null = null): Period {
  const start = local(at, zone).startOf('week');
  return period('week', start, start.plus({ weeks: 1 }), now);
}

/** Monday 00:00 of this week up to now. */
export const weekSoFar = (now: Date, zone = STOCKHOLM): Period => weekOf(now, zone, now);

/** The whole ISO week before the one `at` is in: what a Monday digest covers. */
export const previousWeek = (at: Date, zone = STOCKHOLM): Period => shiftPeriod(weekOf(at, zone), -1);

export function monthPeriod(year: number, month: number, zone = STOCKHOLM, now: Date | null = null): Period {
  const start = DateTime.fromObject({ year, month, day: 1 }, { zone });
  return period('month', start, start.plus({ months: 1 }), now);
}

export function yearPeriod(year: number, zone = STOCKHOLM, now: Date | null = null): Period {
  const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone });
  return period('year', start, start.plus({ years: 1 }), now);
}

/** The calendar year a period starts in (a year's export names its year this way). */
export const periodYear = (p: Period): number => Number(p.firstDay.slice(0, 4));

/** Whole local days, first to last inclusive. */
export function daysPeriod(firstDay: string, lastDay: string, zone = STOCKHOLM, now: Date | null = null): Period {
  const start = DateTime.fromISO(firstDay, { zone }).startOf('day');
  const end = DateTime.fromISO(lastDay, { zone }).startOf('day').plus({ days: 1 });
  return period('days', start, end, now);
}

export function dayCount(p: Period): number {
  return Math.round(DateTime.fromISO(p.lastDay).diff(DateTime.fromISO(p.firstDay), 'days').days) + 1;
}

/**
 * The same kind of period `steps` units away (negative: earlier). A partial period moves as a whole,
 * so "this week so far" compares with the same stretch of earlier weeks.
 */
export function shiftPeriod(p: Period, steps: number): Period {
  const start = local(p.from, p.zone);
  const amount = p.kind === 'days' ? { days: steps * dayCount(p) } : { [UNIT[p.kind]]: steps };
  const from = start.plus(amount);
  if (p.partial) {
    const to = local(p.to, p.zone).plus(amount);
    return { ...p, from: from.toJSDate(), to: to.toJSDate(), firstDay: day(from), lastDay: day(to.minus({ milliseconds: 1 })) };
  }
  const end = p.kind === 'days' ? from.plus({ days: dayCount(p) }) : from.plus({ [UNIT[p.kind]]: 1 });
  return period(p.kind, from, end, null);
}

/** The `count` ISO weeks up to and including the week of the period's last day, oldest first. */
export function weeksEndingWith(p: Period, count: number): Period[] {
  const last = weekOf(DateTime.fromISO(p.lastDay, { zone: p.zone }).toJSDate(), p.zone);
  return Array.from({ length: count }, (_, i) => {
    const week = shiftPeriod(last, i - count + 1);
    return week.to.getTime() > p.to.getTime() ? { ...week, to: p.to, lastDay: p.lastDay, partial: true } : week;
  });
}

/**
 * "Senaste veckan" wherever the bot says it: calendar (ISO) weeks in local time, the newest being the
 * week `now` is in, cut at `now` and marked partial. An EST meeting thinks in calendar weeks; a
 * rolling seven days would make the lägesbild and the hot spot suggestions disagree. Oldest first.
 */
export function recentWeeks(now: Date, count: number, zone = STOCKHOLM): Period[] {
  return weeksEndingWith(weekSoFar(now, zone), count);
}

/** The `count` calendar months up to and including the month of the period's last day, oldest first; cut at the period's end. */
export function monthsEndingWith(p: Period, count: number): Period[] {
  const last = DateTime.fromISO(p.lastDay, { zone: p.zone }).startOf('month');
  return Array.from({ length: count }, (_, i) => {
    const start = last.minus({ months: count - 1 - i });
    const month = period('month', start, start.plus({ months: 1 }), null);
    return month.to.getTime() > p.to.getTime() ? { ...month, to: p.to, lastDay: p.lastDay, partial: true } : month;
  });
}

/** Calendar months from the month of the period's first day to that of its last day (at least one). */
export function monthsSpanned(p: Period): number {
  const first = DateTime.fromISO(p.firstDay, { zone: p.zone });
  const last = DateTime.fromISO(p.lastDay, { zone: p.zone });
  return (last.year - first.year) * 12 + last.month - first.month + 1;
}

/** A stable name of the period, e.g. 2026-W12, 2026-03, 2026, 2026-01-01..2026-03-31: what a digest is claimed under. */
export function periodKey(p: Period): string {
  const start = local(p.from, p.zone);
  switch (p.kind) {
    case 'week': return `${start.weekYear}-W${String(start.weekNumber).padStart(2, '0')}`;
    case 'month': return start.toFormat('yyyy-MM');
    case 'year': return start.toFormat('yyyy');
    case 'days': return p.firstDay === p.lastDay ? p.firstDay : `${p.firstDay}..${p.lastDay}`;
  }
}

export function weekNumberOf(p: Period): { weekYear: number; weekNumber: number } {
  const start = local(p.from, p.zone);
  return { weekYear: start.weekYear, weekNumber: start.weekNumber };
}

export type PeriodError = 'unknown' | 'no_such_week' | 'invalid_date' | 'range_order' | 'range_too_long' | 'in_future';
export type ParsedPeriod = { ok: true; period: Period } | { ok: false; error: PeriodError };

const MONTHS: Record<string, number> = Object.fromEntries([
  ['januari', 'january', 'jan'], ['februari', 'february', 'feb'], ['mars', 'march', 'mar'], ['april', 'apr'],
  ['maj', 'may'], ['juni', 'june', 'jun'], ['juli', 'july', 'jul'], ['augusti', 'august', 'aug'],
  ['september', 'sep', 'sept'], ['oktober', 'october', 'okt', 'oct'], ['november', 'nov'], ['december', 'dec'],
].flatMap((names, i) => names.map((n) => [n, i + 1])));

const THIS_WEEK = ['', 'denna vecka', 'den har veckan', 'veckan', 'this week', 'hittills', 'so far'];
const LAST_WEEK = ['forra veckan', 'forra', 'senaste veckan', 'last week', 'previous week'];
const THIS_MONTH = ['denna manad', 'den har manaden', 'this month'];
const LAST_MONTH = ['forra manaden', 'last month', 'previous month'];
const THIS_YEAR = ['i ar', 'detta ar', 'this year'];
const LAST_YEAR = ['i fjol', 'forra aret', 'last year'];

/**
 * Reads a period as people type it, Swedish or English: "" (this week so far), "förra veckan",
 * "vecka 12", "v12 2025", "mars", "mars 2025", "2026", "2026-01-01 2026-03-31". A week, month or
 * year without a year is the latest one that has begun. Nothing in the future; now cuts the current one.
 */
export function parsePeriod(text: string, now: Date, zone = STOCKHOLM, empty: 'thisWeek' | 'lastWeek' = 'thisWeek'): ParsedPeriod {
  const words = foldText(text).replace(/[.,!]+$/g, '').replace(/\s+/g, ' ').trim();
  const today = local(now, zone);
  const ok = (p: Period | null): ParsedPeriod => (p ? { ok: true, period: p } : { ok: false, error: 'no_such_week' });
  if (words === '' && empty === 'lastWeek') return ok(previousWeek(now, zone));
  if (THIS_WEEK.includes(words)) return ok(weekSoFar(now, zone));
  if (LAST_WEEK.includes(words)) return ok(previousWeek(now, zone));
  if (THIS_MONTH.includes(words)) return ok(monthPeriod(today.year, today.month, zone, now));
  if (LAST_MONTH.includes(words)) { const m = today.minus({ months: 1 }); return ok(monthPeriod(m.year, m.month, zone)); }
  if (THIS_YEAR.includes(words)) return ok(yearPeriod(today.year, zone, now));
  if (LAST_YEAR.includes(words)) return ok(yearPeriod(today.year - 1, zone));

  const week = /^(?:vecka|v|week|w)\s*(\d{1,2})(?:\s+(\d{4}))?$/.exec(words);
  if (week) return latestStarted(now, week[2], (y) => isoWeek(y, Number(week[1]), zone, now), today.weekYear);

  const month = /^(\p{L}+)(?:\s+(\d{4}))?$/u.exec(words);
  if (month && MONTHS[month[1]!]) return latestStarted(now, month[2], (y) => monthPeriod(y, MONTHS[month[1]!]!, zone, now), today.year);

  if (/^\d{4}$/.test(words)) return notFuture(yearPeriod(Number(words), zone, now), now);

  // En and em dash written as escapes: the bundle must hold no character above U+00FF (scripts/build.cjs).
  const range = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:-|\u2013|\u2014|till|to|\s)\s*(\d{4}-\d{2}-\d{2}))?$/.exec(words);
  if (range) return dayRange(range[1]!, range[2] ?? range[1]!, now, zone);
  return { ok: false, error: 'unknown' };
}

function latestStarted(now: Date, typedYear: string | undefined, make: (year: number) => Period | null, currentYear: number): ParsedPeriod {
  if (typedYear) {
    const p = make(Number(typedYear));
    return p ? notFuture(p, now) : { ok: false, error: 'no_such_week' };
  }
  // Without a year: this year's if it has begun, else last year's (week 53 may exist in neither).
  for (const year of [currentYear, currentYear - 1]) {
    const p = make(year);
    if (p && p.from.getTime() <= now.getTime()) return { ok: true, period: p };
  }
  return { ok: false, error: 'no_such_week' };
}

function notFuture(p: Period, now: Date): ParsedPeriod {
  return p.from.getTime() > now.getTime() ? { ok: false, error: 'in_future' } : { ok: true, period: p };
}

function dayRange(first: string, last: string, now: Date, zone: string): ParsedPeriod {
  const a = DateTime.fromISO(first, { zone });
  const b = DateTime.fromISO(last, { zone });
  if (!a.isValid || !b.isValid) return { ok: false, error: 'invalid_date' };
  if (b < a) return { ok: false, error: 'range_order' };
  if (b.diff(a, 'days').days + 1 > MAX_RANGE_DAYS) return { ok: false, error: 'range_too_long' };
  return notFuture(daysPeriod(first, last, zone, now), now);
}

import type { Parsed } from './form-fields';
import { isoDay, localTime } from './local-time';

// How far back and ahead a date on a form may be. A year typed wrong ("1026", "2062") is refused with a
// clear message instead of being stored and sorted into a lägesbild nobody will ever look at.

/** Nothing the bot keeps happened before 2000: an earlier date is a typo. */
export const EARLIEST_DAY = '2000-01-01';
/** An incident may be stamped a few minutes ahead of the server clock (a phone's clock), not more. */
export const INCIDENT_FUTURE_TOLERANCE_MS = 10 * 60 * 1000;
/** An activity is logged when done; a day ahead is allowed (logged the evening before, another zone). Planned school activities: planned-activities.ts. */
export const ACTIVITY_DAYS_AHEAD = 1;

const DEFAULT_ZONE = 'Europe/Stockholm';

const fail = (code: 'too_early' | 'in_future'): Parsed<never> => ({ ok: false, error: { code } });

/** A calendar day YYYY-MM-DD in `zone` for an instant. */
export function localDay(at: Date, zone = DEFAULT_ZONE): string {
  return isoDay(localTime(at, zone));
}

/** When an incident happened: not before 2000 (local time), not ahead of `now` beyond the tolerance. */
export function checkedOccurredAt(at: Date, now: Date, zone = DEFAULT_ZONE): Parsed<Date> {
  if (localDay(at, zone) < EARLIEST_DAY) return fail('too_early');
  if (at.getTime() > now.getTime() + INCIDENT_FUTURE_TOLERANCE_MS) return fail('in_future');
  return { ok: true, value: at };
}

/**
 * A calendar day (YYYY-MM-DD, already read) not before 2000 and, when `ahead` is given, at most
 * `ahead.days` days after today in the zone. Follow-up and due dates lie ahead by nature and give no `ahead`.
 */
export function checkedDay(day: string, ahead?: { now: Date; days: number; zone?: string }): Parsed<string> {
  if (day < EARLIEST_DAY) return fail('too_early');
  if (ahead && day > lastDayAhead(ahead.now, ahead.days, ahead.zone ?? DEFAULT_ZONE)) {
    // A day or so ahead means "not yet happened"; a longer reach (a planned activity) has its limit told.
    return ahead.days > ACTIVITY_DAYS_AHEAD ? { ok: false, error: { code: 'too_far_ahead', max: ahead.days } } : fail('in_future');
  }
  return { ok: true, value: day };
}

/** Today in the zone plus `days` calendar days (added to the date itself, so a DST change in between moves nothing). */
function lastDayAhead(now: Date, days: number, zone: string): string {
  const today = localTime(now, zone);
  const last = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
  return isoDay({ year: last.getUTCFullYear(), month: last.getUTCMonth() + 1, day: last.getUTCDate() });
}

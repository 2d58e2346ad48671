import { DateTime } from 'luxon';

// When the promise register's reminders are due, in local time (Europe/Stockholm): the quarterly one
// from 08:00 on the first day of a quarter, about the quarter just ended; the strategic meeting's from
// 08:00 on 1 October.

export const REMINDER_HOUR = 8;
/** A quarterly reminder not sent within this many days of its quarter's start (the bot was down) is skipped. */
export const QUARTER_CATCH_UP_DAYS = 14;

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** Calendar days YYYY-MM-DD, inclusive. */
  firstDay: string;
  lastDay: string;
  /** "2026-Q1": the reminder job's period key. */
  key: string;
}

export function quarterOf(year: number, quarter: number): Quarter {
  const start = DateTime.fromObject({ year, month: (quarter - 1) * 3 + 1, day: 1 }, { zone: 'utc' });
  return {
    year, quarter: quarter as Quarter['quarter'], firstDay: start.toFormat('yyyy-MM-dd'),
    lastDay: start.plus({ months: 3 }).minus({ days: 1 }).toFormat('yyyy-MM-dd'), key: `${year}-Q${quarter}`,
  };
}

/**
 * The quarter whose reminder is due at `now`: the one before the current quarter, once its first day's
 * reminder hour has come and for QUARTER_CATCH_UP_DAYS after; null otherwise.
 */
export function quarterToReview(now: Date, zone: string): Quarter | null {
  const local = DateTime.fromJSDate(now, { zone });
  const quarterStart = local.startOf('quarter');
  const dueFrom = quarterStart.set({ hour: REMINDER_HOUR });
  if (local < dueFrom || local >= quarterStart.plus({ days: QUARTER_CATCH_UP_DAYS })) return null;
  const previous = quarterStart.minus({ days: 1 });
  return quarterOf(previous.year, Math.ceil(previous.month / 3));
}

/** The year whose strategic-meeting reminder is due at `now`: from 1 October 08:00 to the end of the year, local time. */
export function meetingReminderYear(now: Date, zone: string): number | null {
  const local = DateTime.fromJSDate(now, { zone });
  const dueFrom = DateTime.fromObject({ year: local.year, month: 10, day: 1, hour: REMINDER_HOUR }, { zone });
  return local >= dueFrom ? local.year : null;
}

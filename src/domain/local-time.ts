import { IANAZone } from 'luxon';

// Calendar days and clock times in a named zone (Europe/Stockholm) from the zone's UTC offset and plain
// Date arithmetic. A luxon DateTime (an object with its locale, normalised and cloned at every step) cost
// a report submit a quarter of a millisecond for its half a dozen dates: the form's day and time, the
// card's "when", the user's last-seen day (issue 14). luxon still knows the zones: IANAZone gives the
// offset (remembered per quarter hour once compose.ts called rememberZoneOffsets).

/** A wall-clock reading in a zone; month 1–12. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** The wall clock in `zone` at the instant `at` (what DateTime.fromJSDate(at, { zone }) reads). */
export function localTime(at: Date, zone: string): LocalTime {
  const ts = at.getTime();
  // The instant moved by the offset: its UTC fields are the local ones.
  const shifted = new Date(ts + IANAZone.create(zone).offset(ts) * MINUTE_MS);
  return {
    year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(), minute: shifted.getUTCMinutes(),
  };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** YYYY-MM-DD of a local time. */
export const isoDay = (t: Pick<LocalTime, 'year' | 'month' | 'day'>): string => `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;

/** HH:mm of a local time. */
export const clockTime = (t: Pick<LocalTime, 'hour' | 'minute'>): string => `${pad(t.hour)}:${pad(t.minute)}`;

/**
 * The instant the wall clock in `zone` shows `t`. In the hour a clock skips (spring), the time it is
 * moved forward to, as clocks do: 02:30 on the last Sunday of March is 03:30 summer time. In the hour it
 * shows twice (autumn), the first of them, in summer time. (Assumes, as for every zone in use, that no
 * two transitions lie within a day of each other.)
 */
export function instantOfLocal(t: LocalTime, zone: string): Date {
  const wall = utcOfFields(t);
  const iana = IANAZone.create(zone);
  const before = iana.offset(wall - DAY_MS);
  const after = iana.offset(wall + DAY_MS);
  // The larger offset first: where both fit (the repeated hour), it gives the earlier instant.
  for (const offset of before >= after ? [before, after] : [after, before]) {
    const ts = wall - offset * MINUTE_MS;
    if (iana.offset(ts) === offset) return new Date(ts);
  }
  // Neither fits: the skipped hour, read with the offset before the skip, lands after it.
  return new Date(wall - Math.min(before, after) * MINUTE_MS);
}

/** Whether YYYY-MM-DD names a day of the calendar (no 30 February). */
export function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(utcOfFields({ year, month, day, hour: 0, minute: 0 }));
  return date.getUTCFullYear() === year && date.getUTCMonth() + 1 === month && date.getUTCDate() === day;
}

/** The fields read as UTC (setUTCFullYear, unlike Date.UTC, keeps years 0–99 as they are). */
function utcOfFields(t: LocalTime): number {
  const date = new Date(0);
  date.setUTCFullYear(t.year, t.month - 1, t.day);
  date.setUTCHours(t.hour, t.minute, 0, 0);
  return date.getTime();
}

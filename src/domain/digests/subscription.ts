import { DateTime } from 'luxon';
import { foldText } from '../place';
import { previousWeek, daysPeriod, type Period } from '../periods';

/** When a conversation gets its lägesbild: weekly on a weekday, or daily, at a local time. */
export interface DigestSchedule {
  cadence: 'weekly' | 'daily';
  /** ISO weekday 1 (Monday) … 7 (Sunday); null when daily. */
  weekday: number | null;
  /** Local time HH:MM, Europe/Stockholm. */
  time: string;
}

export type DigestLocale = 'sv' | 'en';

export interface Subscription extends DigestSchedule {
  conversationId: string;
  tenantId: string;
  locale: DigestLocale;
  status: 'active' | 'paused';
  pausedReason: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Monday 07:30: the digest is there when the week's EST meeting is prepared. */
export const DEFAULT_SCHEDULE: DigestSchedule = { cadence: 'weekly', weekday: 1, time: '07:30' };

const WEEKDAYS: Record<string, number> = Object.fromEntries([
  ['mandag', 'mandagar', 'man', 'monday', 'mon'], ['tisdag', 'tisdagar', 'tis', 'tuesday', 'tue'],
  ['onsdag', 'onsdagar', 'ons', 'wednesday', 'wed'], ['torsdag', 'torsdagar', 'tor', 'thursday', 'thu'],
  ['fredag', 'fredagar', 'fre', 'friday', 'fri'], ['lordag', 'lordagar', 'lor', 'saturday', 'sat'],
  ['sondag', 'sondagar', 'son', 'sunday', 'sun'],
].flatMap((names, i) => names.map((n) => [n, i + 1])));

const DAILY = ['dagligen', 'varje dag', 'daily', 'every day'];

export type ScheduleError = 'unknown_day' | 'invalid_time';

/**
 * "" (Monday 07:30), "<veckodag> <HH:MM>", "dagligen <HH:MM>", in Swedish or English; "kl." and a
 * leading "varje"/"every" are allowed ("varje fredag kl. 8.15").
 */
export function parseSchedule(text: string): { ok: true; schedule: DigestSchedule } | { ok: false; error: ScheduleError } {
  const words = foldText(text).replace(/\b(kl|at)\b\.?/g, ' ').replace(/\s+/g, ' ').trim();
  if (words === '') return { ok: true, schedule: DEFAULT_SCHEDULE };
  const m = /^(.*?)\s*(\d{1,2})(?:[:.](\d{2}))?$/.exec(words);
  const dayWords = (m ? m[1]! : words).replace(/^(varje|every)\s+/, '').trim();
  const daily = DAILY.includes(dayWords) || DAILY.includes(`varje ${dayWords}`);
  const weekday = WEEKDAYS[dayWords];
  if (!daily && weekday === undefined) return { ok: false, error: 'unknown_day' };
  const time = m ? toTime(Number(m[2]), Number(m[3] ?? '0')) : DEFAULT_SCHEDULE.time;
  if (!time) return { ok: false, error: 'invalid_time' };
  return { ok: true, schedule: daily ? { cadence: 'daily', weekday: null, time } : { cadence: 'weekly', weekday: weekday!, time } };
}

function toTime(hour: number, minute: number): string | null {
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * The latest scheduled instant at or before `now`. Computed on the local calendar, so 07:30 stays
 * 07:30 across daylight-saving changes; a time inside the spring gap (02:30) moves forward an hour,
 * as clocks do, and an autumn time that occurs twice counts once (the first).
 */
export function latestOccurrence(schedule: DigestSchedule, now: Date, zone: string): Date {
  const [hour, minute] = schedule.time.split(':').map(Number) as [number, number];
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const back = schedule.cadence === 'daily' ? 0 : (today.weekday - schedule.weekday! + 7) % 7;
  const step = schedule.cadence === 'daily' ? { days: 1 } : { weeks: 1 };
  let day = today.minus({ days: back });
  for (;;) {
    const at = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone });
    if (at.toMillis() <= now.getTime()) return at.toJSDate();
    day = day.minus(step);
  }
}

export function nextOccurrence(schedule: DigestSchedule, now: Date, zone: string): Date {
  const ahead = DateTime.fromJSDate(now, { zone }).plus(schedule.cadence === 'daily' ? { days: 1 } : { weeks: 1 });
  const candidate = latestOccurrence(schedule, ahead.toJSDate(), zone);
  return candidate.getTime() > now.getTime() ? candidate : latestOccurrence(schedule, ahead.plus({ days: 1 }).toJSDate(), zone);
}

/** What a scheduled digest covers: the previous ISO week (weekly) or the previous day (daily). */
export function digestPeriod(schedule: DigestSchedule, occurrence: Date, zone: string): Period {
  if (schedule.cadence === 'weekly') return previousWeek(occurrence, zone);
  const yesterday = DateTime.fromJSDate(occurrence, { zone }).minus({ days: 1 }).toFormat('yyyy-MM-dd');
  return daysPeriod(yesterday, yesterday, zone);
}

import { DateTime } from 'luxon';
import { timeOfDay } from '../form-fields';
import { STOCKHOLM } from '../periods';

// The rhythm of the EST week (Effektiv samordning för trygghet), in local time: a weekly meeting of
// each conversation, the nudge the day before it, the ISO week an area's assessment counts for, and the
// tertial (January–April, May–August, September–December) priority areas are chosen for. Local times
// are turned into instants with the zone's rules of that day, so a meeting stays at 09:00 across the
// change to and from summer time.

/** A conversation's weekly meeting: ISO weekday (Monday 1 … Sunday 7), HH:mm, and the nudge's HH:mm the day before. */
export interface EstMeeting {
  weekday: number;
  time: string;
  nudgeTime: string;
}

/** The labels of the three levels of an area's assessment, best first (EST_SCALE); level 1 is the first. */
export type EstScale = readonly [string, string, string];

/** Tuesday 09:00, nudges at 13:00 on Monday: until a coordinator sets another. */
export const DEFAULT_MEETING: EstMeeting = { weekday: 2, time: '09:00', nudgeTime: '13:00' };

/** HH:mm (00:00–23:59) as typed, also H:mm and H.mm, read as the report form reads a time; null for anything else. */
export function parseTimeOfDay(text: string): string | null {
  const parsed = timeOfDay(text);
  return parsed.ok ? parsed.value : null;
}

export interface EstWeek {
  /** The meeting's local day, YYYY-MM-DD: what a nudge and an "inget att rapportera" count for. */
  meetingDay: string;
  meetingAt: Date;
  /** The day before the meeting at the nudge time. */
  nudgeAt: Date;
  /** What counts as reported "this week": from a week before the meeting up to the nudge. */
  from: Date;
}

function at(day: DateTime, time: string): DateTime {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}

/** The EST week of the next meeting that has not begun at `now`. */
export function upcomingWeek(now: Date, meeting: EstMeeting, zone = STOCKHOLM): EstWeek {
  const local = DateTime.fromJSDate(now, { zone });
  let day = local.startOf('day').plus({ days: (meeting.weekday - local.weekday + 7) % 7 });
  if (at(day, meeting.time) <= local) day = day.plus({ weeks: 1 });
  const meetingAt = at(day, meeting.time);
  return {
    meetingDay: day.toFormat('yyyy-MM-dd'),
    meetingAt: meetingAt.toJSDate(),
    nudgeAt: at(day.minus({ days: 1 }), meeting.nudgeTime).toJSDate(),
    from: meetingAt.minus({ weeks: 1 }).toJSDate(),
  };
}

/** Whether `now` is between the nudge time and the meeting: the time nudges go out. */
export function nudgeDue(now: Date, week: EstWeek): boolean {
  return now.getTime() >= week.nudgeAt.getTime() && now.getTime() < week.meetingAt.getTime();
}

/** The Monday (YYYY-MM-DD) of the ISO week `at` falls in, locally: the week an assessment counts for. */
export function weekStart(at: Date, zone = STOCKHOLM): string {
  return DateTime.fromJSDate(at, { zone }).startOf('week').toFormat('yyyy-MM-dd');
}

/** The Mondays of the `count` weeks ending with the week of `at`, oldest first. */
export function recentWeekStarts(at: Date, count: number, zone = STOCKHOLM): string[] {
  const monday = DateTime.fromJSDate(at, { zone }).startOf('week');
  return Array.from({ length: count }, (_, i) => monday.minus({ weeks: count - 1 - i }).toFormat('yyyy-MM-dd'));
}

/** The tertial `at` falls in: 2026-T1 (January–April), -T2 (May–August), -T3 (September–December). */
export function tertialOf(at: Date, zone = STOCKHOLM): string {
  const local = DateTime.fromJSDate(at, { zone });
  return `${local.year}-T${Math.ceil(local.month / 4)}`;
}

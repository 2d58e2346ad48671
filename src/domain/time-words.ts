import { DateTime } from 'luxon';
import { STOCKHOLM } from './periods';
import { foldText } from './place';

// When something happened, as people write it in a one-line report, Swedish or English: "i natt",
// "igår 22", "i förrgår", "i morse", "kl 23", "ikväll", "i fredags", "last night", "yesterday 22".
// Read on the local calendar of `zone` and never after `now`:
//
// | typed                    | means                                                            |
// |--------------------------|------------------------------------------------------------------|
// | a clock time ("kl 23")   | today at that time, or yesterday when today's is still ahead     |
// | a day ("igår", "fredag") | that day at 12:00; "i fredags" is never today                    |
// | a day and a time         | that day at the time ("igår 22", "igår kväll", "fredag kl 9")    |
// | "i natt", "last night"   | the night that ended this morning, at 01:00                      |
// | "i morse", "ikväll" …    | today at 07:00, 20:00 …; just after midnight, the day that ended |
//
// Whatever still lies ahead after that is now. The time is a guess the user sees on the card and can correct.

export type DayPart = 'morning' | 'forenoon' | 'afternoon' | 'evening' | 'night';

/** The hour a part of the day stands for when no clock time is given. Night is the small hours after the day. */
const PART_HOUR: Record<DayPart, number> = { morning: 7, forenoon: 10, afternoon: 15, evening: 20, night: 1 };
/** A day named without a time: its middle, the least wrong guess. */
const DAY_HOUR = 12;
/** Before this hour "ikväll" and "i morse" still mean the day that just ended. */
const SMALL_HOURS_END = 5;

type Table<T> = readonly (readonly [phrase: string, value: T])[];

const DAYS_BACK: Table<number> = [
  ['idag', 0], ['i dag', 0], ['today', 0],
  ['igar', 1], ['i gar', 1], ['yesterday', 1],
  ['i forrgar', 2], ['iforrgar', 2], ['forrgar', 2], ['day before yesterday', 2], ['the day before yesterday', 2],
];

/** Written alone: "i natt", "ikväll". */
const PARTS_ALONE: Table<DayPart> = [
  ['i natt', 'night'], ['inatt', 'night'], ['last night', 'night'],
  ['i morse', 'morning'], ['imorse', 'morning'], ['this morning', 'morning'],
  ['i formiddags', 'forenoon'], ['this forenoon', 'forenoon'],
  ['i eftermiddags', 'afternoon'], ['this afternoon', 'afternoon'],
  ['i kvall', 'evening'], ['ikvall', 'evening'], ['this evening', 'evening'], ['tonight', 'evening'],
];

/** After a day: "igår kväll", "fredag natt", "yesterday evening". */
const PARTS_AFTER_DAY: Table<DayPart> = [
  ...(['morgon', 'morgonen', 'morse', 'morning'] as const).flatMap((w) => partWord(w, 'morning')),
  ...(['formiddag', 'formiddagen', 'forenoon'] as const).flatMap((w) => partWord(w, 'forenoon')),
  ...(['eftermiddag', 'eftermiddagen', 'afternoon'] as const).flatMap((w) => partWord(w, 'afternoon')),
  ...(['kvall', 'kvallen', 'evening'] as const).flatMap((w) => partWord(w, 'evening')),
  ...(['natt', 'natten', 'night'] as const).flatMap((w) => partWord(w, 'night')),
];

function partWord(word: string, part: DayPart): [string, DayPart][] {
  return [[word, part], [`pa ${word}`, part], [`i ${word}`, part], [`in the ${word}`, part], [`at ${word}`, part]];
}

/** Luxon weekday numbers, Monday 1. */
const WEEKDAYS: Table<number> = [
  ['mandag', 1], ['tisdag', 2], ['onsdag', 3], ['torsdag', 4], ['fredag', 5], ['lordag', 6], ['sondag', 7],
  ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6], ['sunday', 7],
];

/** "i fredags" and "last friday" are before today; "fredag" and "on friday" may be today. */
const WEEKDAY_PHRASES: Table<{ weekday: number; beforeToday: boolean }> = WEEKDAYS.flatMap(([name, weekday]) => [
  [`i ${name}s`, { weekday, beforeToday: true }],
  [`last ${name}`, { weekday, beforeToday: true }],
  [`on ${name}`, { weekday, beforeToday: false }],
  [name, { weekday, beforeToday: false }],
] as const);

/** Words that may come before a clock time. After "kl"/"at" even a bare hour is a time. */
const CLOCK_WORDS = ['kl', 'klockan', 'at'];
const ABOUT_WORDS = ['vid', 'runt', 'ca', 'cirka', 'around', 'about'];

interface Spec {
  daysBack?: number;
  part?: DayPart;
  clock?: { hour: number; minute: number };
}

/** A phrase that says when, found in the words, and where: `start` and `length` count words. */
export interface TimeWords {
  at: Date;
  start: number;
  length: number;
}

/**
 * The first phrase at or after word `from` that says when something happened, or null. Words are as
 * typed (case, å/ä/ö and trailing punctuation do not matter).
 */
export function timeWordsIn(words: readonly string[], now: Date, zone = STOCKHOLM, from = 0): TimeWords | null {
  const tokens = words.map(token);
  const today = DateTime.fromJSDate(now, { zone });
  for (let start = from; start < tokens.length; start++) {
    const found = phraseAt(tokens, start, today);
    if (found) return { at: resolve(found.spec, today).toJSDate(), start, length: found.length };
  }
  return null;
}

/** The words without the phrase that says when, and the time it said (null: none said). */
export function withoutTimeWords(words: readonly string[], now: Date, zone = STOCKHOLM, from = 0): { words: string[]; at: Date | null } {
  const found = timeWordsIn(words, now, zone, from);
  if (!found) return { words: [...words], at: null };
  return { words: [...words.slice(0, found.start), ...words.slice(found.start + found.length)], at: found.at };
}

function token(word: string): string {
  return foldText(word).replace(/^[("'[]+/, '').replace(/[.,!?:;)"'\]]+$/, '');
}

function phraseAt(tokens: readonly string[], start: number, today: DateTime): { spec: Spec; length: number } | null {
  let at = start;
  const spec: Spec = {};
  const day = matchAt(DAYS_BACK, tokens, at);
  const weekday = day ? null : matchAt(WEEKDAY_PHRASES, tokens, at);
  if (day) {
    spec.daysBack = day.value;
    at += day.length;
  } else if (weekday) {
    const back = (today.weekday - weekday.value.weekday + 7) % 7;
    spec.daysBack = back === 0 && weekday.value.beforeToday ? 7 : back;
    at += weekday.length;
  }
  const part = matchAt(spec.daysBack === undefined ? PARTS_ALONE : PARTS_AFTER_DAY, tokens, at);
  if (part) {
    spec.part = part.value;
    at += part.length;
  }
  const clock = clockAt(tokens, at, at > start);
  if (clock) {
    spec.clock = clock.value;
    at += clock.length;
  }
  return at > start ? { spec, length: at - start } : null;
}

function matchAt<T>(table: Table<T>, tokens: readonly string[], at: number): { value: T; length: number } | null {
  let best: { value: T; length: number } | null = null;
  for (const [phrase, value] of table) {
    const words = phrase.split(' ');
    if (best && words.length <= best.length) continue;
    if (words.every((w, i) => tokens[at + i] === w)) best = { value, length: words.length };
  }
  return best;
}

/**
 * "kl 23", "klockan 22:30", "at 23", "vid 22-tiden", "22:30"; a bare hour ("igår 22") only right after
 * a day or a part of the day, where a number is hardly anything else.
 */
function clockAt(tokens: readonly string[], at: number, afterDay: boolean): { value: { hour: number; minute: number }; length: number } | null {
  const lead = CLOCK_WORDS.includes(tokens[at] ?? '') ? 'clock' : ABOUT_WORDS.includes(tokens[at] ?? '') ? 'about' : null;
  const typed = tokens[at + (lead ? 1 : 0)] ?? '';
  const length = lead ? 2 : 1;
  const around = /^(\d{1,2})-?tiden$/.exec(typed);
  if (around) return hourOf(around[1]!, '0', length);
  const withMinutes = /^(\d{1,2})[:.](\d{2})$/.exec(typed);
  if (withMinutes && (lead || afterDay || typed.includes(':'))) return hourOf(withMinutes[1]!, withMinutes[2]!, length);
  const bare = /^(\d{1,2})$/.exec(typed);
  if (bare && (lead === 'clock' || afterDay)) return hourOf(bare[1]!, '0', length);
  return null;
}

function hourOf(hour: string, minute: string, length: number) {
  const h = Number(hour);
  const m = Number(minute);
  return h <= 23 && m <= 59 ? { value: { hour: h, minute: m }, length } : null;
}

function resolve(spec: Spec, now: DateTime): DateTime {
  const { daysBack, part, clock } = spec;
  const noDay = daysBack === undefined;
  // "i natt" alone is the night after yesterday; every other part alone is today's.
  let day = now.startOf('day').minus({ days: daysBack ?? (part === 'night' ? 1 : 0) });
  let at = timeOn(day, part, clock);
  if (noDay && at > now) {
    if (!part || (part !== 'night' && now.hour < SMALL_HOURS_END)) {
      day = day.minus({ days: 1 });
      at = timeOn(day, part, clock);
    }
  }
  return at > now ? now : at;
}

/** The time on `day`: a night's small hours fall on the next day; "kväll kl 9" is 21:00. */
function timeOn(day: DateTime, part: DayPart | undefined, clock: Spec['clock']): DateTime {
  if (!clock) {
    if (!part) return day.set({ hour: DAY_HOUR });
    return part === 'night' ? day.plus({ days: 1 }).set({ hour: PART_HOUR.night }) : day.set({ hour: PART_HOUR[part] });
  }
  const pm = (part === 'afternoon' || part === 'evening') && clock.hour < 12;
  const hour = pm ? clock.hour + 12 : clock.hour;
  const next = part === 'night' && hour < 12;
  return (next ? day.plus({ days: 1 }) : day).set({ hour, minute: clock.minute });
}

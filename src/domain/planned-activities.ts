import { ACTIVITY_DAYS_AHEAD } from './date-limits';
import type { DayRange } from './ports/lagesbild.port';
import type { ActivityType } from './vocabulary';

// Issue 11: a school plans its trygghetsvandringar, föräldramöten and SSPF-möten ahead, and `skola <namn>`
// lists them with their dates. Other activities are logged when done (a day ahead at most). A planned
// activity is not done until its day has come, so counts of what was done stop at today.

/** The activities that may be planned ahead and that a school's picture lists with their dates. */
export const PLANNED_TYPES: readonly ActivityType[] = ['trygghetsvandring', 'foraldramote', 'sspf_mote'];

/** About half a year: a term's walks and meetings, not a typo's year. */
export const PLANNED_DAYS_AHEAD = 180;

export const isPlannable = (type: ActivityType): boolean => PLANNED_TYPES.includes(type);

/** How far ahead an activity of this type may be dated. */
export const daysAheadFor = (type: ActivityType | null): number => (type && isPlannable(type) ? PLANNED_DAYS_AHEAD : ACTIVITY_DAYS_AHEAD);

/** A range of days cut at `today` (YYYY-MM-DD): what of it can have been done. */
export const doneSoFar = (range: DayRange, today: string): DayRange => ({ firstDay: range.firstDay, lastDay: range.lastDay < today ? range.lastDay : today });

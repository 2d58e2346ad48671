import type { IncidentStamp } from '../ports/hotspots.port';
import { WEEK_MS } from './weekly-counts';

/** Before and after the first measure, at the place and in its area: did the work make a difference? */
export interface EffectCount {
  before: number;
  after: number;
  /** Days of the "after" period that have passed, when fewer than the whole period. */
  daysAfterSoFar: number | null;
}

export interface Effect {
  weeks: number;
  since: Date;
  place: EffectCount;
  /** Null when the place lies in no area. */
  area: EffectCount | null;
}

export function effectOf(since: Date, weeks: number, now: Date, atPlace: readonly IncidentStamp[], inArea: readonly IncidentStamp[] | null): Effect {
  return { weeks, since, place: countAround(since, weeks, now, atPlace), area: inArea ? countAround(since, weeks, now, inArea) : null };
}

function countAround(since: Date, weeks: number, now: Date, stamps: readonly IncidentStamp[]): EffectCount {
  const start = since.getTime() - weeks * WEEK_MS;
  const end = since.getTime() + weeks * WEEK_MS;
  let before = 0;
  let after = 0;
  for (const s of stamps) {
    const t = s.occurredAt.getTime();
    if (t >= start && t < since.getTime()) before++;
    else if (t >= since.getTime() && t < end) after++;
  }
  const passed = Math.max(0, Math.floor((Math.min(now.getTime(), end) - since.getTime()) / (24 * 60 * 60 * 1000)));
  return { before, after, daysAfterSoFar: now.getTime() < end ? passed : null };
}

import { WEEK_MS } from './weekly-counts';

/** Before and after the work began, at the place and in its area: did the work make a difference? */
export interface EffectCount {
  before: number;
  after: number;
  /** Days of the "after" period that have passed, when fewer than the whole period. */
  daysAfterSoFar: number | null;
}

export interface Effect {
  weeks: number;
  /** When the work began: the first measure, or the first activity at the place since the hot spot was started. */
  since: Date;
  place: EffectCount;
  /** Null when the place lies in no area. */
  area: EffectCount | null;
  /** Activities (walks, visits, patrols, talks …) at the place or its area, in the same weeks: the work done. */
  activities: EffectCount;
}

/** Anything counted by when it happened. */
export interface Stamped {
  occurredAt: Date;
}

export function effectOf(
  since: Date, weeks: number, now: Date, atPlace: readonly Stamped[], inArea: readonly Stamped[] | null, activities: readonly Stamped[],
): Effect {
  return {
    weeks, since,
    place: countAround(since, weeks, now, atPlace),
    area: inArea ? countAround(since, weeks, now, inArea) : null,
    activities: countAround(since, weeks, now, activities),
  };
}

function countAround(since: Date, weeks: number, now: Date, stamps: readonly Stamped[]): EffectCount {
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

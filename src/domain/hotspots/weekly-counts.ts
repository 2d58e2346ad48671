import type { IncidentStamp } from '../ports/hotspots.port';

// Time spans measured back from now (timelines, effect windows). The weeks the emerging rule counts
// are calendar weeks (periods.recentWeeks), the same weeks the lägesbild shows.

export const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The instant `weeks` times seven days before `now`. */
export function weeksBack(now: Date, weeks: number): Date {
  return new Date(now.getTime() - weeks * WEEK_MS);
}

/** Counts in the two 4-week periods before now (or `weeks` each), and which way it goes. */
export function recentTrend(stamps: readonly IncidentStamp[], now: Date, weeks = 4): { recent: number; before: number; direction: 'up' | 'down' | 'same' } {
  const split = weeksBack(now, weeks).getTime();
  const start = weeksBack(now, 2 * weeks).getTime();
  let recent = 0;
  let before = 0;
  for (const s of stamps) {
    const t = s.occurredAt.getTime();
    if (t >= split && t < now.getTime()) recent++;
    else if (t >= start && t < split) before++;
  }
  return { recent, before, direction: recent > before ? 'up' : recent < before ? 'down' : 'same' };
}

import type { IncidentStamp } from '../ports/hotspots.port';

// Weeks here are the 7-day periods ending now, not calendar weeks: asked on a Wednesday, "the latest
// week" is the last seven days rather than three days of a calendar week that has barely begun.

export const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The start of the first of `weeks` weeks that end at `now`. */
export function weeksBack(now: Date, weeks: number): Date {
  return new Date(now.getTime() - weeks * WEEK_MS);
}

/** Incidents per week for each place, oldest week first; the last week ends at `now`. */
export function weeklyCounts(stamps: readonly IncidentStamp[], now: Date, weeks: number): Map<string, number[]> {
  const start = weeksBack(now, weeks).getTime();
  const counts = new Map<string, number[]>();
  for (const s of stamps) {
    const week = Math.floor((s.occurredAt.getTime() - start) / WEEK_MS);
    if (week < 0 || week >= weeks) continue;
    const row = counts.get(s.placeId) ?? new Array<number>(weeks).fill(0);
    row[week]! += 1;
    counts.set(s.placeId, row);
  }
  return counts;
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

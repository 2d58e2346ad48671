import type { IncidentStamp } from '../../src/domain/ports/hotspots.port';
import type { Period } from '../../src/domain/periods';

/**
 * How the emerging rule counted weeks before the store did it in SQL: every stamp placed in the week
 * whose bounds hold it. Kept as the reference the SQL counts must equal.
 */
export function weeklyCountsReference(stamps: readonly IncidentStamp[], weeks: readonly Period[]): Map<string, number[]> {
  const counts = new Map<string, number[]>();
  for (const s of stamps) {
    const t = s.occurredAt.getTime();
    const week = weeks.findIndex((w) => t >= w.from.getTime() && t < w.to.getTime());
    if (week < 0) continue;
    const row = counts.get(s.placeId) ?? new Array<number>(weeks.length).fill(0);
    row[week]! += 1;
    counts.set(s.placeId, row);
  }
  return counts;
}

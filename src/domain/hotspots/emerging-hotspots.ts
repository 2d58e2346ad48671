import type { HotspotRepository, PlaceHistoryRepository } from '../ports/hotspots.port';
import type { PlaceRegisterRepository } from '../ports/place-register.port';
import { PLACE_REGISTER_MAX, type RegisteredPlace } from '../places/place-register';
import { findEmerging, WEEKS_NEEDED, type EmergingFinding } from './emerging-rule';
import type { Hotspot } from './hotspot';
import type { TenantScope } from '../scope';
import { recentWeeks, STOCKHOLM, type Period } from '../periods';

export interface EmergingPlace {
  place: RegisteredPlace;
  finding: EmergingFinding;
  /** The place's hot spot when it has one (then the finding is its label, not a proposal). */
  hotspot: Hotspot | null;
}

type Sources = { placeRegister: PlaceRegisterRepository; placeHistory: PlaceHistoryRepository; hotspots: HotspotRepository };

/**
 * Every place of the tenant through the emerging rule: proposals first, then labelled hot spots. The
 * weeks are calendar weeks, the latest being this week so far, as in the lägesbild.
 */
export async function emergingHotspots(sources: Sources, scope: TenantScope, now: Date, zone = STOCKHOLM): Promise<EmergingPlace[]> {
  const register = await sources.placeRegister.all(scope, PLACE_REGISTER_MAX);
  const weeks = recentWeeks(now, WEEKS_NEEDED, zone);
  const counted = new Map((await sources.placeHistory.weeklyIncidentCounts(scope, weeks)).map((c) => [c.placeId, c]));
  const series = register.map((place) => {
    const seen = counted.get(place.id);
    const knownSince = Math.min(place.createdAt.getTime(), seen?.firstAt.getTime() ?? Infinity);
    return { key: place.id, counts: sinceKnown(seen?.counts ?? new Array<number>(WEEKS_NEEDED).fill(0), knownSince, weeks) };
  });
  const byId = new Map(register.map((p) => [p.id, p]));
  const findings = findEmerging(series);
  // The hot spots of all findings in one read, not one per finding.
  const spots = findings.length === 0 ? [] : await sources.hotspots.byPlaces(scope, findings.map((f) => f.key));
  const spotOf = new Map(spots.map((h) => [h.placeId, h]));
  const found = findings.map((finding) => ({ place: byId.get(finding.key)!, finding, hotspot: spotOf.get(finding.key) ?? null }));
  return found.sort((a, b) => Number(a.hotspot !== null) - Number(b.hotspot !== null) || b.finding.latest - a.finding.latest);
}

/** Weeks before a place was known are no data rather than quiet weeks (they would fake a rise). */
function sinceKnown(counts: number[], knownSince: number, weeks: readonly Period[]): number[] {
  const first = weeks.findIndex((w) => w.to.getTime() > knownSince);
  return counts.slice(first < 0 ? counts.length : first);
}

import type { HotspotState } from '../hotspots/hotspot';
import type { Compared, KeyedCompared } from '../lagesbild/lagesbild';
import { LAGESBILD_LIMITS } from '../lagesbild/lagesbild';
import { chartPeriods, type LagesbildService } from '../lagesbild/lagesbild-service';
import type { HotspotRepository } from '../ports/hotspots.port';
import type { InstantRange } from '../ports/lagesbild.port';
import { weekNumberOf } from '../periods';
import type { MapIncidentRepository, MapIncidentRow, MapSchoolFilter } from '../ports/map-incidents.port';
import type { PlaceRegisterRepository } from '../ports/place-register.port';
import type { SchoolRepository } from '../ports/schools.port';
import { SCHOOL_REGISTER_MAX } from '../schools/school';
import { PLACE_REGISTER_MAX, placeAndChildren, type RegisteredPlace } from '../places/place-register';
import type { ChatScope } from '../scope';
import type { AreaStatus, AreaStatusSource, SchoolLocation, SchoolLocationSource } from './map-layers';
import type { MapFilter } from './map-filter';
import { schoolChoices, schoolFilterOf, type SchoolChoice } from './school-filter';

/** Most free-text school names (of incidents before the register) offered beside the register's schools. */
const SCHOOL_CHOICES_MAX = 200;

/** An incident on the map and in the table: coordinates from its place in the register, when it has them. */
export interface MapIncident extends Omit<MapIncidentRow, 'placeId'> {
  lat: number | null;
  lon: number | null;
}

/** One bar of the tab's chart: the builder's bucket, counted per category over the filtered incidents. */
export interface CategoryBucket {
  unit: 'week' | 'month';
  firstDay: string;
  weekNumber: number;
  partial: boolean;
  byCategory: Record<string, number>;
}

export interface MapHotSpot {
  id: string;
  placeName: string;
  stage: HotspotState;
  lat: number | null;
  lon: number | null;
}

/** Everything beside the incidents: charts, comparisons (the digest's own numbers), layers and the filters' choices. */
export interface MapSummary {
  chart: CategoryBucket[];
  /** The conversation's lägesbild for the period, from the digest's builder: not narrowed by the other filters. */
  comparison: { total: Compared; byCategory: KeyedCompared[] };
  hotSpots: MapHotSpot[];
  schools: SchoolLocation[];
  areas: AreaStatus[];
  options: { schools: SchoolChoice[]; areas: { id: string; name: string }[]; hotSpots: { id: string; placeName: string }[] };
}

export interface LagesbildMapDeps {
  incidents: MapIncidentRepository;
  register: Pick<PlaceRegisterRepository, 'all'>;
  hotspots: Pick<HotspotRepository, 'listActive'>;
  /** The digest's builder: the comparisons are its numbers, never counted a second time. */
  lagesbild: Pick<LagesbildService, 'build'>;
  /** The tenant's school register: the school filter offers its schools and filters by their id. */
  schoolRegister: Pick<SchoolRepository, 'list'>;
  schools: SchoolLocationSource;
  areaStatuses: AreaStatusSource;
}

/**
 * The lägesbild tab's data for one conversation of one tenant: what the bot would show there, and
 * nothing of another conversation. Incidents carry number, category, time and place, never text.
 */
export class LagesbildMap {
  constructor(private readonly d: LagesbildMapDeps) {}

  async incidents(scope: ChatScope, filter: MapFilter): Promise<MapIncident[]> {
    const context = await this.context(scope, filter);
    const rows = await this.rows(scope, filter, context, filter.period);
    return rows.map(({ placeId, ...shown }) => ({ ...shown, ...coordinatesOf(placeId, context.places) }));
  }

  async summary(scope: ChatScope, filter: MapFilter): Promise<MapSummary> {
    const context = await this.context(scope, filter);
    const chart = chartPeriods(filter.period);
    const span: InstantRange = { from: chart.periods[0]!.from, to: chart.periods[chart.periods.length - 1]!.to };
    const [rows, lagesbild, schools, areas, untiedNames] = await Promise.all([
      this.rows(scope, filter, context, span),
      this.d.lagesbild.build(scope, filter.period),
      this.d.schools.schools(scope),
      this.d.areaStatuses.latest(scope),
      this.d.incidents.untiedSchoolNames(scope, SCHOOL_CHOICES_MAX),
    ]);
    return {
      chart: chart.periods.map((p) => {
        const byCategory: Record<string, number> = {};
        for (const r of rows) if (r.occurredAt >= p.from && r.occurredAt < p.to) byCategory[r.category] = (byCategory[r.category] ?? 0) + 1;
        return { unit: chart.unit, firstDay: p.firstDay, weekNumber: weekNumberOf(p).weekNumber, partial: p.partial, byCategory };
      }),
      comparison: { total: lagesbild.incidents.total, byCategory: lagesbild.incidents.byCategory },
      hotSpots: context.hotSpots.map((h) => ({ id: h.id, placeName: h.placeName, stage: h.state, ...coordinatesOf(h.placeId, context.places) })),
      schools,
      areas,
      options: {
        schools: schoolChoices(context.registerSchools, untiedNames),
        areas: areasOf(context.register).map((p) => ({ id: p.id, name: p.name })),
        hotSpots: context.hotSpots.map((h) => ({ id: h.id, placeName: h.placeName })),
      },
    };
  }

  private async context(scope: ChatScope, filter: MapFilter) {
    const [register, active, registerSchools] = await Promise.all([
      this.d.register.all(scope, PLACE_REGISTER_MAX), this.d.hotspots.listActive(scope), this.d.schoolRegister.list(scope, SCHOOL_REGISTER_MAX),
    ]);
    // Hot spots belong to the tenant; the tab shows those started in this conversation only.
    const hotSpots = active.filter((h) => h.origin.tenantId === scope.tenantId && h.origin.conversationId === scope.conversationId);
    return {
      register, places: new Map(register.map((p) => [p.id, p])), hotSpots, placeIds: placesOf(filter, register, hotSpots), registerSchools,
      school: filter.school === null ? null : schoolFilterOf(filter.school, registerSchools),
    };
  }

  private rows(scope: ChatScope, filter: MapFilter, context: { placeIds: string[] | null; school: MapSchoolFilter | null }, range: InstantRange): Promise<MapIncidentRow[]> {
    return this.d.incidents.list(scope, {
      range: { from: range.from, to: range.to }, categories: filter.categories, organisation: filter.organisation,
      school: context.school, placeIds: context.placeIds,
    }, LAGESBILD_LIMITS.exportRows);
  }
}

/** The places the area and hot spot filters allow (both: where they overlap); null when neither is set. */
function placesOf(filter: MapFilter, register: RegisteredPlace[], hotSpots: { id: string; placeId: string }[]): string[] | null {
  let allowed: string[] | null = null;
  if (filter.areaId !== null) allowed = register.some((p) => p.id === filter.areaId) ? placeAndChildren(filter.areaId, register) : [];
  if (filter.hotspotId !== null) {
    const spot = hotSpots.find((h) => h.id === filter.hotspotId);
    const places = spot ? placeAndChildren(spot.placeId, register) : [];
    allowed = allowed === null ? places : allowed.filter((id) => places.includes(id));
  }
  return allowed;
}

/** Places other places lie in: what the area filter offers. */
function areasOf(register: RegisteredPlace[]): RegisteredPlace[] {
  const parents = new Set(register.map((p) => p.parentId).filter((id): id is string => id !== null));
  return register.filter((p) => parents.has(p.id));
}

function coordinatesOf(placeId: string, places: ReadonlyMap<string, RegisteredPlace>): { lat: number | null; lon: number | null } {
  const place = places.get(placeId);
  return { lat: place?.lat ?? null, lon: place?.lon ?? null };
}

import type { PlaceRegisterRepository } from '../ports/place-register.port';
import type { SchoolRepository } from '../ports/schools.port';
import { SCHOOL_REGISTER_MAX } from '../schools/school';
import { PLACE_REGISTER_MAX } from '../places/place-register';
import type { TenantScope } from '../scope';
import type { SchoolLocation, SchoolLocationSource } from './map-layers';

/**
 * The map's schools: the school register's schools at their place's coordinates, and the place
 * register's places of kind skola that no school of the register names (a tenant that has not filled
 * in its school register yet still sees its schools).
 */
export class RegisterSchoolLocations implements SchoolLocationSource {
  constructor(
    private readonly schoolRegister: Pick<SchoolRepository, 'list'>,
    private readonly places: Pick<PlaceRegisterRepository, 'all'>,
  ) {}

  async schools(scope: TenantScope): Promise<SchoolLocation[]> {
    const [schools, places] = await Promise.all([this.schoolRegister.list(scope, SCHOOL_REGISTER_MAX), this.places.all(scope, PLACE_REGISTER_MAX)]);
    const byId = new Map(places.map((p) => [p.id, p]));
    const located = (lat: number | null, lon: number | null) => lat !== null && lon !== null;
    const fromRegister = schools.flatMap((s) => {
      const place = s.placeId ? byId.get(s.placeId) : undefined;
      return place && located(place.lat, place.lon) ? [{ name: s.name, lat: place.lat!, lon: place.lon! }] : [];
    });
    const named = new Set(schools.map((s) => s.placeId));
    const schoolPlaces = places.filter((p) => p.kind === 'skola' && !named.has(p.id) && located(p.lat, p.lon))
      .map((p) => ({ name: p.name, lat: p.lat!, lon: p.lon! }));
    return [...fromRegister, ...schoolPlaces];
  }
}

import { placeKey } from './place';
import { placeKindOf } from './places/new-place';
import { nameScore, PLACE_MATCH } from './places/place-matcher';
import { placeAndChildren, type RegisteredPlace } from './places/place-register';
import type { ReportListFilter } from './ports/store.port';

// `senaste öppna`, `senaste mina`, `senaste skola Ängsskolan`: what the latest list is narrowed to.
// The narrowing itself runs in the store query, within the caller's scope; only which stored school
// names and places a typed school name means is decided here, with the place register's forgiveness.

export interface LatestQuery {
  open: boolean;
  /** The user whose reports (reported or handled) are wanted; null for everyone's. */
  involving: string | null;
  /** A school as typed; null for every place. */
  school: string | null;
}

export const EVERY_REPORT: LatestQuery = { open: false, involving: null, school: null };

/** How many distinct school names of a scope are looked through. */
export const SCHOOL_NAMES_MAX = 1000;

/**
 * The places and stored school names a typed school name means: names containing it ("ängs" →
 * "Ängsskolan") or close to it (one typo), case and å/ä/ö ignored. Places count only when they are
 * schools (by kind or by name), with the places inside them (the schoolyard).
 */
export function schoolsNamed(typed: string, register: readonly RegisteredPlace[], schoolNames: readonly string[]): NonNullable<ReportListFilter['school']> {
  const wanted = placeKey(typed);
  const fits = (name: string) => {
    const key = placeKey(name);
    return wanted !== '' && (key.includes(wanted) || nameScore(wanted, key) >= PLACE_MATCH.sure);
  };
  const schools = register.filter((p) => (p.kind === 'skola' || placeKindOf(p.name) === 'skola') && [p.name, ...p.aliases].some(fits));
  return {
    placeIds: [...new Set(schools.flatMap((p) => placeAndChildren(p.id, register)))],
    names: [...new Set([...schoolNames.filter(fits), ...schools.map((p) => p.name)])],
  };
}

/** The store's filter for a query; null when the query can match nothing (a school nobody has named). */
export function listFilter(query: LatestQuery, school: ReportListFilter['school'] | undefined): ReportListFilter | null {
  if (query.school !== null && (!school || (school.placeIds.length === 0 && school.names.length === 0))) return null;
  return {
    ...(query.open ? { openOnly: true } : {}),
    ...(query.involving !== null ? { involving: query.involving } : {}),
    ...(school ? { school } : {}),
  };
}

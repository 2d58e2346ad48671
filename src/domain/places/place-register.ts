import type { Place } from '../place';

/** The most places read at once: a municipality has hundreds, so the register is matched in memory. */
export const PLACE_REGISTER_MAX = 5000;

/** What kind of place it is; stored as the code, labelled in the message catalogue. */
export const PLACE_KINDS = ['skola', 'torg', 'park', 'station', 'centrum', 'bostadsomrade', 'annat'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** A place as the register keeps it: other names, kind, optional coordinates and parent area. */
export interface RegisteredPlace extends Place {
  kind: PlaceKind;
  lat: number | null;
  lon: number | null;
  /** The area the place lies in (e.g. "Centrum" for "Stora torget"), itself a place. */
  parentId: string | null;
  aliases: string[];
}

/** A curation of a place; `undefined` leaves a value as it is, `null` clears it. */
export interface PlaceDetailsChange {
  id: string;
  name?: string;
  kind?: PlaceKind;
  lat?: number | null;
  lon?: number | null;
  parentId?: string | null;
}

/** The place and, when it is an area, the places inside it: what "incidents at the place" covers. */
export function placeAndChildren(placeId: string, register: readonly RegisteredPlace[]): string[] {
  return [placeId, ...register.filter((p) => p.parentId === placeId).map((p) => p.id)];
}

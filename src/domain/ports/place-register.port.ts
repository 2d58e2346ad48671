import type { PlaceDetailsChange, RegisteredPlace } from '../places/place-register';

export interface PlaceRegisterRepository {
  /**
   * The whole register, alphabetical, up to `limit`: matching typed names is done in the domain, and
   * a municipality has hundreds of places, not millions.
   */
  all(limit: number): Promise<RegisteredPlace[]>;
  get(id: string): Promise<RegisteredPlace | null>;
  /** Null when the place is gone; `name_taken` when the new name is another place's. */
  update(change: PlaceDetailsChange): Promise<RegisteredPlace | null | 'name_taken'>;
  /** `taken` when the alias already names a place (this one or another). */
  addAlias(placeId: string, alias: string): Promise<'ok' | 'taken' | 'missing'>;
  /**
   * Moves everything of `mergedId` (incidents, activities, children, aliases, its hot spot unless
   * `keepId` has one) to `keepId`, keeps the merged name as an alias, and removes `mergedId`.
   */
  merge(keepId: string, mergedId: string): Promise<RegisteredPlace | 'missing' | 'both_hotspots'>;
}

import type { PlaceDetailsChange, RegisteredPlace } from '../places/place-register';
import type { TenantScope } from '../scope';

/** Who curates the register, and when: the audit row written with each change names them. */
export interface PlaceCurator {
  actorId: string;
  now: Date;
}

/** Each tenant has its own register; ids of another tenant's places are `missing`. */
export interface PlaceRegisterRepository {
  /**
   * The tenant's whole register, alphabetical, up to `limit`: matching typed names is done in the
   * domain, and a municipality has hundreds of places, not millions.
   */
  all(scope: TenantScope, limit: number): Promise<RegisteredPlace[]>;
  get(scope: TenantScope, id: string): Promise<RegisteredPlace | null>;
  /**
   * Null when the place is gone; `name_taken` when the new name is another place's of the tenant.
   * Recorded in the audit trail (`place.edited`, with the names of the fields that changed).
   */
  update(scope: TenantScope, change: PlaceDetailsChange, by: PlaceCurator): Promise<RegisteredPlace | null | 'name_taken'>;
  /** `taken` when the alias already names a place of the tenant (this one or another); an added one is audited. */
  addAlias(scope: TenantScope, placeId: string, alias: string, by: PlaceCurator): Promise<'ok' | 'taken' | 'missing'>;
  /**
   * Moves everything of `mergedId` (incidents, activities, children, aliases, its hot spot unless
   * `keepId` has one) to `keepId`, keeps the merged name as an alias, and removes `mergedId`. Both
   * must be the tenant's. Audited (`place.merged` on `keepId`, the merged id as detail) in the same transaction.
   */
  merge(scope: TenantScope, keepId: string, mergedId: string, by: PlaceCurator): Promise<RegisteredPlace | 'missing' | 'both_hotspots'>;
}

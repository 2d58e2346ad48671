import { FormReader, checkedText, present, type FieldErrors, type Parsed } from '../form-fields';
import { LIMITS } from '../limits';
import type { PlaceCurator, PlaceRegisterRepository } from '../ports/place-register.port';
import type { TenantScope } from '../scope';
import { guardPlaceNames, type PrivacyChoice } from '../privacy/guard-reports';
import type { FieldFinding } from '../privacy/mask-fields';
import { placeScore, PLACE_MATCH } from './place-matcher';
import { PLACE_REGISTER_MAX, type PlaceDetailsChange, type PlaceKind, type RegisteredPlace } from './place-register';

/** A curation of a place as the card layer read it: a kind code, coordinates as numbers; null = not given. */
export interface PlaceDraft {
  name: string | null;
  kind: PlaceKind | null;
  lat: number | null;
  lon: number | null;
  /** null: in no area. */
  parentId: string | null;
  alias: string | null;
}
export type PlaceFormField = keyof PlaceDraft;

export type PlaceEditOutcome =
  | { ok: true; place: RegisteredPlace }
  | { ok: false; reason: 'invalid'; errors: FieldErrors<PlaceFormField> }
  /** Personal data in the name or the alias: the curator is told before anything is stored masked. */
  | { ok: false; reason: 'personal_data'; findings: FieldFinding<PlaceFormField>[] }
  | { ok: false; reason: 'missing' | 'name_taken' | 'alias_taken' };

/** Listing, searching and curating a tenant's place register (who may curate: the registry's rights). */
export class PlaceRegisterService {
  constructor(private readonly places: PlaceRegisterRepository) {}

  all(scope: TenantScope): Promise<RegisteredPlace[]> {
    return this.places.all(scope, PLACE_REGISTER_MAX);
  }

  get(scope: TenantScope, id: string): Promise<RegisteredPlace | null> {
    return this.places.get(scope, id);
  }

  /** Places that look like the query (same forgiving match as quick reports), best first. */
  async search(scope: TenantScope, query: string): Promise<RegisteredPlace[]> {
    const all = await this.all(scope);
    if (query.trim() === '') return all;
    return all.map((place) => ({ place, score: placeScore(query, place) }))
      .filter((c) => c.score >= PLACE_MATCH.offered)
      .sort((a, b) => b.score - a.score)
      .map((c) => c.place);
  }

  async edit(by: PlaceCurator, scope: TenantScope, id: string, draft: PlaceDraft, privacy: PrivacyChoice = {}): Promise<PlaceEditOutcome> {
    const r = new FormReader<PlaceFormField>();
    const name = r.read('name', checkedText(draft.name, LIMITS.placeNameMax, true));
    const kind = r.read('kind', present(draft.kind));
    const lat = r.read('lat', coordinate(draft.lat, 90));
    const lon = r.read('lon', coordinate(draft.lon, 180));
    const alias = r.read('alias', checkedText(draft.alias, LIMITS.placeNameMax, false));
    const parentId = draft.parentId;
    if (parentId === id) r.fail('parentId', { code: 'invalid_choice' });
    if (!r.valid || !name || !kind) return { ok: false, reason: 'invalid', errors: r.errors };
    const guarded = guardPlaceNames({ name, alias: alias ?? null }, privacy);
    if (!guarded.ok) return guarded;
    const change: PlaceDetailsChange = { id, name: guarded.value.name, kind, lat: lat ?? null, lon: lon ?? null, parentId };
    const updated = await this.places.update(scope, change, by);
    if (updated === null) return { ok: false, reason: 'missing' };
    if (updated === 'name_taken') return { ok: false, reason: 'name_taken' };
    if (guarded.value.alias) {
      const added = await this.places.addAlias(scope, id, guarded.value.alias, by);
      if (added !== 'ok') return { ok: false, reason: added === 'missing' ? 'missing' : 'alias_taken' };
    }
    const place = await this.places.get(scope, id);
    return place ? { ok: true, place } : { ok: false, reason: 'missing' };
  }

  merge(by: PlaceCurator, scope: TenantScope, keepId: string, mergedId: string) {
    return this.places.merge(scope, keepId, mergedId, by);
  }
}

/** A decimal degree within ±limit. */
function coordinate(value: number | null, limit: number): Parsed<number | null> {
  if (value === null) return { ok: true, value: null };
  return Math.abs(value) <= limit ? { ok: true, value } : { ok: false, error: { code: 'out_of_range', min: -limit, max: limit } };
}

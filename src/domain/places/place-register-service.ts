import { FormReader, given, optionalText, requiredChoice, requiredText, type FieldErrors, type Parsed } from '../form-fields';
import { LIMITS } from '../limits';
import type { PlaceRegisterRepository } from '../ports/place-register.port';
import { placeScore, PLACE_MATCH } from './place-matcher';
import { PLACE_KINDS, PLACE_REGISTER_MAX, type PlaceDetailsChange, type RegisteredPlace } from './place-register';

/** The choice meaning "in no area" (a choice cannot have an empty value). */
export const NO_PARENT = 'none';

/** What the place card sends, as typed. */
export interface PlaceForm { name?: string; kind?: string; lat?: string; lon?: string; parentId?: string; alias?: string }
export type PlaceFormField = keyof PlaceForm;

export type PlaceEditOutcome =
  | { ok: true; place: RegisteredPlace }
  | { ok: false; reason: 'invalid'; errors: FieldErrors<PlaceFormField> }
  | { ok: false; reason: 'missing' | 'name_taken' | 'alias_taken' };

/** Listing, searching and curating the place register (curation is open to all until coordinators exist). */
export class PlaceRegisterService {
  constructor(private readonly places: PlaceRegisterRepository) {}

  all(): Promise<RegisteredPlace[]> {
    return this.places.all(PLACE_REGISTER_MAX);
  }

  get(id: string): Promise<RegisteredPlace | null> {
    return this.places.get(id);
  }

  /** Places that look like the query (same forgiving match as quick reports), best first. */
  async search(query: string): Promise<RegisteredPlace[]> {
    const all = await this.all();
    if (query.trim() === '') return all;
    return all.map((place) => ({ place, score: placeScore(query, place) }))
      .filter((c) => c.score >= PLACE_MATCH.offered)
      .sort((a, b) => b.score - a.score)
      .map((c) => c.place);
  }

  async edit(id: string, form: PlaceForm): Promise<PlaceEditOutcome> {
    const r = new FormReader<PlaceFormField>();
    const name = r.read('name', requiredText(form.name, LIMITS.placeNameMax));
    const kind = r.read('kind', requiredChoice(form.kind ?? 'annat', PLACE_KINDS));
    const lat = r.read('lat', coordinate(form.lat, 90));
    const lon = r.read('lon', coordinate(form.lon, 180));
    const alias = r.read('alias', optionalText(form.alias, LIMITS.placeNameMax));
    const chosen = given(form.parentId);
    const parentId = chosen === NO_PARENT ? null : chosen;
    if (parentId === id) r.fail('parentId', { code: 'invalid_choice' });
    if (!r.valid || !name || !kind) return { ok: false, reason: 'invalid', errors: r.errors };
    const change: PlaceDetailsChange = { id, name, kind, lat: lat ?? null, lon: lon ?? null, parentId };
    const updated = await this.places.update(change);
    if (updated === null) return { ok: false, reason: 'missing' };
    if (updated === 'name_taken') return { ok: false, reason: 'name_taken' };
    if (alias) {
      const added = await this.places.addAlias(id, alias);
      if (added !== 'ok') return { ok: false, reason: added === 'missing' ? 'missing' : 'alias_taken' };
    }
    const place = await this.places.get(id);
    return place ? { ok: true, place } : { ok: false, reason: 'missing' };
  }

  merge(keepId: string, mergedId: string) {
    return this.places.merge(keepId, mergedId);
  }
}

/** A decimal degree within ±limit; a comma is taken as the decimal sign (Swedish keyboards). */
function coordinate(raw: unknown, limit: number): Parsed<number | null> {
  const text = given(raw);
  if (text === null) return { ok: true, value: null };
  const value = Number(text.replace(',', '.'));
  if (!Number.isFinite(value) || !/^-?\d+([.,]\d+)?$/.test(text)) return { ok: false, error: { code: 'invalid_format' } };
  return Math.abs(value) <= limit ? { ok: true, value } : { ok: false, error: { code: 'out_of_range', min: -limit, max: limit } };
}

import { FormReader, day, given, type Parsed } from '../../domain/form-fields';
import type { MeasureDraft, MeasureFormField } from '../../domain/hotspots/hotspot-forms';
import { PLACE_KINDS } from '../../domain/places/place-register';
import type { PlaceDraft, PlaceFormField } from '../../domain/places/place-register-service';
import { ORGANISATIONS } from '../../domain/vocabulary';
import { code, readResult, type ReadForm } from './field-readers';

// The card layer's half of the hot spot and place cards: strings as typed, read into typed drafts.

/** The choice meaning "in no area" (a choice cannot have an empty value). */
export const NO_PARENT = 'none';

export interface MeasureForm { what?: string; organisation?: string; dueDate?: string }
export interface PlaceForm { name?: string; kind?: string; lat?: string; lon?: string; parentId?: string; alias?: string }

/** A decimal degree as typed; a comma is taken as the decimal sign (Swedish keyboards). */
function degrees(raw: unknown): Parsed<number | null> {
  const text = given(raw);
  if (text === null) return { ok: true, value: null };
  return /^-?\d{1,3}([.,]\d{1,12})?$/.test(text) ? { ok: true, value: Number(text.replace(',', '.')) } : { ok: false, error: { code: 'invalid_format' } };
}

export function readMeasureForm(form: MeasureForm): ReadForm<MeasureDraft, MeasureFormField> {
  const r = new FormReader<MeasureFormField>();
  const draft: MeasureDraft = {
    what: given(form.what),
    organisation: r.read('organisation', code(form.organisation, ORGANISATIONS)) ?? null,
    dueDate: r.read('dueDate', day(form.dueDate, false)) ?? null,
  };
  return readResult(draft, r.errors);
}

export function readFollowUp(raw: unknown): ReadForm<string | null, 'followUpDate'> {
  const r = new FormReader<'followUpDate'>();
  const date = r.read('followUpDate', day(raw, false)) ?? null;
  return readResult(date, r.errors);
}

export function readPlaceForm(form: PlaceForm): ReadForm<PlaceDraft, PlaceFormField> {
  const r = new FormReader<PlaceFormField>();
  const parent = given(form.parentId);
  const draft: PlaceDraft = {
    name: given(form.name),
    // A card without the kind input keeps the default kind.
    kind: form.kind === undefined ? 'annat' : r.read('kind', code(form.kind, PLACE_KINDS)) ?? null,
    lat: r.read('lat', degrees(form.lat)) ?? null,
    lon: r.read('lon', degrees(form.lon)) ?? null,
    parentId: parent === NO_PARENT ? null : parent,
    alias: given(form.alias),
  };
  return readResult(draft, r.errors);
}

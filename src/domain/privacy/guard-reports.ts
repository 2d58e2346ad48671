import type { ActivityDraftField, ValidActivity } from '../activity-draft';
import type { IncidentDraftField, PlaceChoice, ValidIncident } from '../incident-draft';
import { guardFreeText, type FreeTextField, type PrivacyChoice } from './free-text';
import type { FieldFinding } from './mask-fields';

// The personal-data guard applied to each kind of record before it is stored: the free-text fields
// declared in free-text.ts, read from the report and put back masked.

export type { PrivacyChoice } from './free-text';

export type Guarded<T, K extends string> = { ok: true; value: T } | { ok: false; reason: 'personal_data'; findings: FieldFinding<K>[] };

const newPlaceName = (place: PlaceChoice | null): string | null => (place && 'newPlaceName' in place ? place.newPlaceName : null);

function withPlaceName<P extends PlaceChoice | null>(place: P, name: string | null): P {
  return (place && 'newPlaceName' in place && name ? { newPlaceName: name } : place) as P;
}

/** Whatever is saved is masked; the choice only decides whether the reporter is warned first. */
export function guardIncident(v: ValidIncident, privacy: PrivacyChoice): Guarded<ValidIncident, IncidentDraftField> {
  const guarded = guardFreeText('incident', { description: v.description, school: v.school, place: newPlaceName(v.place) }, privacy);
  if (!guarded.ok) return guarded;
  const { description, school, place } = guarded.texts;
  return { ok: true, value: { ...v, description: description ?? v.description, school, place: withPlaceName(v.place, place) } };
}

export function guardActivity(v: ValidActivity, privacy: PrivacyChoice): Guarded<ValidActivity, ActivityDraftField> {
  const guarded = guardFreeText('activity', { notes: v.notes, place: newPlaceName(v.place) }, privacy);
  if (!guarded.ok) return guarded;
  const { notes, place } = guarded.texts;
  return { ok: true, value: { ...v, notes: notes ?? '', place: withPlaceName(v.place, place) } };
}

/** Closing an incident: what was done. */
export function guardResolution<V extends { resolution: string }>(v: V, privacy: PrivacyChoice): Guarded<V, 'resolution'> {
  const guarded = guardFreeText('resolution', { resolution: v.resolution }, privacy);
  return guarded.ok ? { ok: true, value: { ...v, resolution: guarded.texts.resolution ?? v.resolution } } : guarded;
}

/** A hot spot's measure: what is to be done. */
export function guardMeasure<V extends { what: string }>(v: V, privacy: PrivacyChoice): Guarded<V, 'what'> {
  const guarded = guardFreeText('measure', { what: v.what }, privacy);
  return guarded.ok ? { ok: true, value: { ...v, what: guarded.texts.what ?? v.what } } : guarded;
}

/** An area's weekly assessment (EST): its one-line reason. */
export function guardAssessment<V extends { reason: string }>(v: V, privacy: PrivacyChoice): Guarded<V, 'reason'> {
  const guarded = guardFreeText('assessment', { reason: v.reason }, privacy);
  return guarded.ok ? { ok: true, value: { ...v, reason: guarded.texts.reason ?? v.reason } } : guarded;
}

/** A hot spot's analysis: each of who, what, when, why. */
export function guardAnalysis(v: Record<FreeTextField<'analysis'>, string | null>, privacy: PrivacyChoice): Guarded<Record<FreeTextField<'analysis'>, string | null>, FreeTextField<'analysis'>> {
  const guarded = guardFreeText('analysis', v, privacy);
  return guarded.ok ? { ok: true, value: guarded.texts } : guarded;
}

/** A place as curated: its name and a new alias. */
export function guardPlaceNames<V extends { name: string; alias: string | null }>(v: V, privacy: PrivacyChoice): Guarded<V, 'name' | 'alias'> {
  const guarded = guardFreeText('place', { name: v.name, alias: v.alias }, privacy);
  return guarded.ok ? { ok: true, value: { ...v, name: guarded.texts.name ?? v.name, alias: guarded.texts.alias } } : guarded;
}

/** A school of the register, as added or edited (on its card or in a CSV import): its name. */
export function guardSchoolName<V extends { name: string }>(v: V, privacy: PrivacyChoice): Guarded<V, 'name'> {
  const guarded = guardFreeText('school', { name: v.name }, privacy);
  return guarded.ok ? { ok: true, value: { ...v, name: guarded.texts.name ?? v.name } } : guarded;
}

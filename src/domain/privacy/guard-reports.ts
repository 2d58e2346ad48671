import type { ActivityDraftField, ValidActivity } from '../activity-draft';
import type { IncidentDraftField, PlaceChoice, ValidIncident } from '../incident-draft';
import { maskFields, type FieldFinding } from './mask-fields';

// The personal-data guard applied to each kind of report before it is stored.

/** Whether the reporter has seen the personal-data warning and chose to save with masking. */
export interface PrivacyChoice {
  maskingConfirmed?: boolean;
}

export type Guarded<T, K extends string> = { ok: true; value: T } | { ok: false; reason: 'personal_data'; findings: FieldFinding<K>[] };

function guarded<T, K extends string>(value: T, masked: Partial<T>, findings: FieldFinding<K>[], privacy: PrivacyChoice): Guarded<T, K> {
  if (findings.length > 0 && !privacy.maskingConfirmed) return { ok: false, reason: 'personal_data', findings };
  return { ok: true, value: { ...value, ...masked } };
}

function maskedPlace(place: PlaceChoice, name: string | null | undefined): PlaceChoice {
  return 'newPlaceName' in place && name ? { newPlaceName: name } : place;
}

/** Whatever is saved is masked; the choice only decides whether the reporter is warned first. */
export function guardIncident(v: ValidIncident, privacy: PrivacyChoice): Guarded<ValidIncident, IncidentDraftField> {
  const { masked, findings } = maskFields<IncidentDraftField>({
    description: v.description, school: v.school, place: 'newPlaceName' in v.place ? v.place.newPlaceName : null,
  });
  return guarded(v, { description: masked.description ?? v.description, school: masked.school ?? null, place: maskedPlace(v.place, masked.place) }, findings, privacy);
}

export function guardActivity(v: ValidActivity, privacy: PrivacyChoice): Guarded<ValidActivity, ActivityDraftField> {
  const { masked, findings } = maskFields<ActivityDraftField>({
    notes: v.notes, place: v.place && 'newPlaceName' in v.place ? v.place.newPlaceName : null,
  });
  return guarded(v, { notes: masked.notes ?? '', place: v.place && maskedPlace(v.place, masked.place) }, findings, privacy);
}


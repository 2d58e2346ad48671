import {
  FormReader, type FieldErrors, day, given, localToInstant, optionalCount, optionalText, requiredChoice,
  requiredText, timeOfDay,
} from './form-fields';
import { LIMITS } from './limits';
import type { IncidentFields } from './report';
import { tidyName } from './place';
import { INCIDENT_CATEGORIES, ORGANISATIONS, SEVERITIES } from './vocabulary';

/** What the incident card sends: every value a string, exactly as typed. */
export interface IncidentForm {
  date?: string;
  time?: string;
  placeId?: string;
  newPlace?: string;
  category?: string;
  description?: string;
  severity?: string;
  organisation?: string;
  school?: string;
  youthInvolved?: string;
  policeReportNumber?: string;
}

export type IncidentFormField = keyof IncidentForm;

/** Either a place from the register or a name for a new one. */
export type PlaceChoice = { placeId: string } | { newPlaceName: string };

/** The incident's fields as validated: the place is still a choice, resolved against the register later. */
export type ValidIncident = Omit<IncidentFields, 'placeId' | 'placeName'> & { place: PlaceChoice };

export type Validation<T, K extends string> = { ok: true; value: T } | { ok: false; errors: FieldErrors<K> };

// K-nummer and diarienummer look like "K123456-26" or "5000-K123456-26": letters, digits and separators.
const REFERENCE_NUMBER = /^[\p{L}\d][\p{L}\d\s\-/.:]*$/u;
// A report may be a few minutes ahead of the server clock, not more.
const FUTURE_TOLERANCE_MS = 10 * 60 * 1000;

export function readPlace<K extends string>(reader: FormReader<K>, placeField: K, raw: { placeId?: string; newPlace?: string }, required: boolean): PlaceChoice | null | undefined {
  const newName = reader.read(placeField, optionalText(raw.newPlace, LIMITS.placeNameMax));
  if (newName) return { newPlaceName: tidyName(newName) };
  const placeId = given(raw.placeId);
  if (placeId) return { placeId };
  if (required) reader.fail(placeField, { code: 'required' });
  return required ? undefined : null;
}

export function validateIncidentForm(form: IncidentForm, now: Date, zone: string): Validation<ValidIncident, IncidentFormField> {
  const r = new FormReader<IncidentFormField>();
  const date = r.read('date', day(form.date, true));
  const time = r.read('time', timeOfDay(form.time)) ?? '12:00';
  const place = readPlace(r, 'newPlace', form, true);
  const category = r.read('category', requiredChoice(form.category, INCIDENT_CATEGORIES));
  const description = r.read('description', requiredText(form.description, LIMITS.descriptionMax));
  const severity = r.read('severity', requiredChoice(form.severity ?? 'medel', SEVERITIES));
  const organisation = r.read('organisation', requiredChoice(form.organisation, ORGANISATIONS));
  const school = r.read('school', optionalText(form.school, LIMITS.schoolMax));
  const youthInvolved = r.read('youthInvolved', optionalCount(form.youthInvolved, LIMITS.youthInvolvedMax));
  const policeReportNumber = r.read('policeReportNumber', optionalText(form.policeReportNumber, LIMITS.policeReportNumberMax, REFERENCE_NUMBER));

  let occurredAt: Date | undefined;
  if (date) {
    occurredAt = localToInstant(date, time, zone);
    if (occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) r.fail(form.time ? 'time' : 'date', { code: 'in_future' });
  }
  // Bullying is a school matter: without the school nobody can act on it.
  if (category === 'krankning_mobbning' && !school) r.fail('school', { code: 'required' });

  if (!r.valid || !occurredAt || !place || !category || !description || !severity || !organisation) {
    return { ok: false, errors: r.errors };
  }
  return {
    ok: true,
    value: {
      occurredAt, place, category, description, severity, organisation,
      school: school ?? null, youthInvolved: youthInvolved ?? null, policeReportNumber: policeReportNumber ?? null,
    },
  };
}

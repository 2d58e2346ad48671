import { checkedOccurredAt } from './date-limits';
import { FormReader, checkedCount, checkedText, present, type FieldErrors, type Parsed } from './form-fields';
import { LIMITS } from './limits';
import { tidyName } from './place';
import { cleanText, matchingView } from './privacy/clean-text';
import type { IncidentFields } from './report';
import type { IncidentCategory, Organisation, Severity } from './vocabulary';

/** Either a place from the register or a name for a new one. */
export type PlaceChoice = { placeId: string } | { newPlaceName: string };

/**
 * An incident as the reporting use cases receive it: typed values (an instant, a number, codes), parsed
 * from a card by the card layer. `null` means "not given"; the domain decides what is required.
 */
export interface IncidentDraft {
  occurredAt: Date | null;
  place: PlaceChoice | null;
  category: IncidentCategory | null;
  description: string | null;
  severity: Severity | null;
  organisation: Organisation | null;
  school: string | null;
  youthInvolved: number | null;
  policeReportNumber: string | null;
  /** A school of the register (its id); whether it is the tenant's is checked where it is stored. */
  schoolId: string | null;
  /** Orosanmälan gjord: yes, no, or not answered. */
  concernReported: boolean | null;
}

export type IncidentDraftField = keyof IncidentDraft;

/** The incident's fields as validated: the place is still a choice, resolved against the register later. */
export type ValidIncident = Omit<IncidentFields, 'placeId' | 'placeName'> & { place: PlaceChoice };

export type Validation<T, K extends string> = { ok: true; value: T } | { ok: false; errors: FieldErrors<K> };

// A police case number (K-nummer): K, the case's digits, a dash and the year's two digits, optionally
// after the four-digit number of the police unit that registered it: K123456-26, 5000-K123456-26.
// Case, spaces and the kind of dash do not matter ("5000 - k 123456 – 26"); it is stored as written above.
const CASE_NUMBER = /^(?:(\d{4})-)?K-?(\d{3,8})-(\d{2})$/;

/** A K-nummer in its usual form, or `invalid_case_number` (anything else: a personnummer, a phone number, a plate …). */
export function checkedCaseNumber(value: string | null | undefined): Parsed<string | null> {
  const text = value?.trim() ?? '';
  if (text === '') return { ok: true, value: null };
  if (text.length > LIMITS.policeReportNumberMax) return { ok: false, error: { code: 'too_long', max: LIMITS.policeReportNumberMax } };
  const m = CASE_NUMBER.exec(matchingView(cleanText(text)).replace(/\s+/g, '').toUpperCase());
  if (!m) return { ok: false, error: { code: 'invalid_case_number' } };
  const [, unit, digits, year] = m;
  return { ok: true, value: `${unit ? `${unit}-` : ''}K${digits}-${year}` };
}

/** A chosen place, or a new name tidied and within the length a place name may have. */
export function checkedPlace<K extends string>(reader: FormReader<K>, field: K, place: PlaceChoice | null, required: boolean): PlaceChoice | null | undefined {
  if (place === null) {
    if (required) reader.fail(field, { code: 'required' });
    return required ? undefined : null;
  }
  if ('placeId' in place) return place;
  const name = reader.read(field, checkedText(tidyName(place.newPlaceName), LIMITS.placeNameMax, true));
  return name ? { newPlaceName: name } : undefined;
}

export function validateIncident(d: IncidentDraft, now: Date): Validation<ValidIncident, IncidentDraftField> {
  const r = new FormReader<IncidentDraftField>();
  const given = r.read('occurredAt', present(d.occurredAt));
  const occurredAt = given && r.read('occurredAt', checkedOccurredAt(given, now));
  const place = checkedPlace(r, 'place', d.place, true);
  const category = r.read('category', present(d.category));
  const description = r.read('description', checkedText(d.description, LIMITS.descriptionMax, true));
  const severity = r.read('severity', present(d.severity));
  const organisation = r.read('organisation', present(d.organisation));
  const school = r.read('school', checkedText(d.school, LIMITS.schoolMax, false));
  const youthInvolved = r.read('youthInvolved', checkedCount(d.youthInvolved, LIMITS.youthInvolvedMax));
  const policeReportNumber = r.read('policeReportNumber', checkedCaseNumber(d.policeReportNumber));
  // Bullying is a school matter: without the school nobody can act on it.
  if (category === 'krankning_mobbning' && !school && !d.schoolId) r.fail('school', { code: 'required' });

  if (!r.valid || !occurredAt || !place || !category || !description || !severity || !organisation) return { ok: false, errors: r.errors };
  return {
    ok: true,
    value: {
      occurredAt, place, category, description, severity, organisation,
      school: school ?? null, youthInvolved: youthInvolved ?? null, policeReportNumber: policeReportNumber ?? null,
      schoolId: d.schoolId, concernReported: d.concernReported,
    },
  };
}

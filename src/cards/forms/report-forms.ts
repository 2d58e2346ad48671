import { validateActivity, type ActivityDraft, type ActivityDraftField } from '../../domain/activity-draft';
import { FormReader, choiceList, day, given, instantToLocal, localToInstant, timeOfDay, type FieldErrors, type Parsed } from '../../domain/form-fields';
import { validateIncident, type IncidentDraft, type IncidentDraftField, type PlaceChoice } from '../../domain/incident-draft';
import { ACTIVITY_TYPES, INCIDENT_CATEGORIES, ORGANISATIONS, SEVERITIES } from '../../domain/vocabulary';
import { WALK_FINDINGS } from '../../domain/schools/walk-checklist';
import { code, type ReadForm } from './field-readers';

/** The "no school" choice of a report card's school list. */
export const NO_SCHOOL = 'none';

// The card layer's half of a report form: what the card sends (every value a string, exactly as typed)
// parsed into the typed draft a use case takes, and the domain's errors put back at the card's fields.

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
  /** A school of the register (shown when the place is a school's or the reporter is Skola). */
  schoolId?: string;
  /** Orosanmälan gjord: "ja", "nej" or not answered. */
  concernReported?: string;
}
export type IncidentFormField = keyof IncidentForm;

export interface ActivityForm {
  type?: string;
  date?: string;
  placeId?: string;
  newPlace?: string;
  organisation?: string;
  organisations?: string;
  notes?: string;
  peopleMet?: string;
  followUpDate?: string;
  /** The medborgarlöfte commitment the activity serves (an id from the choice list), or empty. */
  commitmentId?: string;
  schoolId?: string;
  /** A trygghetsvandring's checklist: the findings ticked, "a,b". */
  walkFindings?: string;
}
export type ActivityFormField = keyof ActivityForm;

export type { ReadForm };

/** Digits only: "3" is three, "tre" or "3,5" is not a count. */
function wholeNumber(raw: unknown): Parsed<number | null> {
  const text = given(raw);
  if (text === null) return { ok: true, value: null };
  return /^\d{1,9}$/.test(text) ? { ok: true, value: Number(text) } : { ok: false, error: { code: 'not_a_whole_number' } };
}

/** A new name typed wins over a choice from the list (the card offers both). */
function placeOf(form: { placeId?: string; newPlace?: string }): PlaceChoice | null {
  const typed = given(form.newPlace);
  if (typed !== null) return { newPlaceName: typed };
  const chosen = given(form.placeId);
  return chosen === null ? null : { placeId: chosen };
}

/** The school chosen from the register; "none" (the list's first choice) is no school. */
const schoolIdOf = (raw: unknown): string | null => {
  const chosen = given(raw);
  return chosen === null || chosen === NO_SCHOOL ? null : chosen;
};

/** A yes/no question not answered is null, not "no". */
const yesNo = (raw: unknown): boolean | null => {
  const answer = given(raw);
  return answer === 'ja' ? true : answer === 'nej' ? false : null;
};

/** Which of the card's place inputs an error about the place belongs to. */
const placeField = (form: { placeId?: string; newPlace?: string }) => (given(form.newPlace) === null && given(form.placeId) !== null ? 'placeId' : 'newPlace');

function parseIncident(form: IncidentForm, zone: string): { draft: IncidentDraft; errors: FieldErrors<IncidentFormField> } {
  const r = new FormReader<IncidentFormField>();
  const date = r.read('date', day(form.date, false));
  const time = r.read('time', timeOfDay(form.time)) ?? '12:00';
  const draft: IncidentDraft = {
    occurredAt: date ? localToInstant(date, time, zone) : null,
    place: placeOf(form),
    category: r.read('category', code(form.category, INCIDENT_CATEGORIES)) ?? null,
    description: given(form.description),
    // A card without the severity input (a quick report's) means the usual one.
    severity: form.severity === undefined ? 'medel' : r.read('severity', code(form.severity, SEVERITIES)) ?? null,
    organisation: r.read('organisation', code(form.organisation, ORGANISATIONS)) ?? null,
    school: given(form.school),
    youthInvolved: r.read('youthInvolved', wholeNumber(form.youthInvolved)) ?? null,
    policeReportNumber: given(form.policeReportNumber),
    schoolId: schoolIdOf(form.schoolId),
    concernReported: yesNo(form.concernReported),
  };
  return { draft, errors: r.errors };
}

/** The domain's errors at the incident card's inputs. */
export function incidentErrorsOnCard(errors: FieldErrors<IncidentDraftField>, form: IncidentForm): FieldErrors<IncidentFormField> {
  const { occurredAt, place, ...same } = errors;
  return {
    ...same,
    ...(occurredAt ? { [occurredAt.code === 'in_future' && given(form.time) !== null ? 'time' : 'date']: occurredAt } : {}),
    ...(place ? { [placeField(form)]: place } : {}),
  };
}

/** Reads the incident card; a value that cannot be read is reported together with the domain's verdict on the rest. */
export function readIncidentForm(form: IncidentForm, zone: string, now: Date): ReadForm<IncidentDraft, IncidentFormField> {
  const { draft, errors } = parseIncident(form, zone);
  if (Object.keys(errors).length === 0) return { ok: true, draft };
  const checked = validateIncident(draft, now);
  return { ok: false, errors: { ...(checked.ok ? {} : incidentErrorsOnCard(checked.errors, form)), ...errors } };
}

function parseActivity(form: ActivityForm): { draft: ActivityDraft; errors: FieldErrors<ActivityFormField> } {
  const r = new FormReader<ActivityFormField>();
  const draft: ActivityDraft = {
    type: r.read('type', code(form.type, ACTIVITY_TYPES)) ?? null,
    date: r.read('date', day(form.date, false)) ?? null,
    place: placeOf(form),
    organisation: r.read('organisation', code(form.organisation, ORGANISATIONS)) ?? null,
    organisations: r.read('organisations', choiceList(form.organisations, ORGANISATIONS)) ?? [],
    notes: given(form.notes),
    peopleMet: r.read('peopleMet', wholeNumber(form.peopleMet)) ?? null,
    followUpDate: r.read('followUpDate', day(form.followUpDate, false)) ?? null,
    commitmentId: given(form.commitmentId),
    schoolId: schoolIdOf(form.schoolId),
    walkFindings: r.read('walkFindings', choiceList(form.walkFindings, WALK_FINDINGS)) ?? [],
  };
  return { draft, errors: r.errors };
}

export function activityErrorsOnCard(errors: FieldErrors<ActivityDraftField>, form: ActivityForm): FieldErrors<ActivityFormField> {
  const { place, ...same } = errors;
  return { ...same, ...(place ? { [placeField(form)]: place } : {}) };
}

export function readActivityForm(form: ActivityForm, now: Date): ReadForm<ActivityDraft, ActivityFormField> {
  const { draft, errors } = parseActivity(form);
  if (Object.keys(errors).length === 0) return { ok: true, draft };
  const checked = validateActivity(draft, now);
  return { ok: false, errors: { ...(checked.ok ? {} : activityErrorsOnCard(checked.errors, form)), ...errors } };
}

/** A draft shown on the incident card again (a quick report that needs completing), in the user's zone. */
export function incidentFormOf(draft: IncidentDraft, zone: string): IncidentForm {
  const local = draft.occurredAt ? instantToLocal(draft.occurredAt, zone) : { date: '', time: '' };
  const place = draft.place === null ? {} : 'placeId' in draft.place ? { placeId: draft.place.placeId } : { newPlace: draft.place.newPlaceName };
  return {
    date: local.date, time: local.time, ...place, category: draft.category ?? '', description: draft.description ?? '',
    severity: draft.severity ?? '', organisation: draft.organisation ?? '', school: draft.school ?? '',
    youthInvolved: draft.youthInvolved === null ? '' : String(draft.youthInvolved), policeReportNumber: draft.policeReportNumber ?? '',
  };
}

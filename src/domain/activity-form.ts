import { FormReader, choiceList, day, optionalCount, optionalText, requiredChoice } from './form-fields';
import { readPlace, type PlaceChoice, type Validation } from './incident-form';
import { LIMITS } from './limits';
import { ACTIVITY_TYPES, ORGANISATIONS, type ActivityType, type Organisation } from './vocabulary';

/** What the activity card sends: every value a string, exactly as typed. */
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
}

export type ActivityFormField = keyof ActivityForm;

export interface ValidActivity {
  type: ActivityType;
  date: string;
  place: PlaceChoice | null;
  organisation: Organisation;
  organisations: Organisation[];
  notes: string;
  peopleMet: number | null;
  followUpDate: string | null;
}

export function validateActivityForm(form: ActivityForm): Validation<ValidActivity, ActivityFormField> {
  const r = new FormReader<ActivityFormField>();
  const type = r.read('type', requiredChoice(form.type, ACTIVITY_TYPES));
  const date = r.read('date', day(form.date, true));
  const place = readPlace(r, 'newPlace', form, false);
  const organisation = r.read('organisation', requiredChoice(form.organisation, ORGANISATIONS));
  const others = r.read('organisations', choiceList(form.organisations, ORGANISATIONS)) ?? [];
  const notes = r.read('notes', optionalText(form.notes, LIMITS.notesMax));
  const peopleMet = r.read('peopleMet', optionalCount(form.peopleMet, LIMITS.peopleMetMax));
  const followUpDate = r.read('followUpDate', day(form.followUpDate, false));
  if (date && followUpDate && followUpDate < date) r.fail('followUpDate', { code: 'before_date' });

  if (!r.valid || !type || !date || place === undefined || !organisation) return { ok: false, errors: r.errors };
  // The reporting organisation always takes part in its own activity.
  const organisations = [organisation, ...others.filter((o) => o !== organisation)];
  return {
    ok: true,
    value: { type, date, place, organisation, organisations, notes: notes ?? '', peopleMet: peopleMet ?? null, followUpDate: followUpDate ?? null },
  };
}
